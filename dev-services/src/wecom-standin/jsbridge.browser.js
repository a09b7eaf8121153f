// The stand-in WeixinJSBridge, as it runs in the page (see jsbridge.ts). One function expression, called with the options.
function installWecomStandInBridge(o) {
  const calls = [];
  window.__wecomCalls = calls;
  const verified = { config: false, agentConfig: false };
  const answer = (cb, name, data) =>
    setTimeout(
      () => cb(typeof data === 'string' ? { err_msg: `${name}:${data}` } : { err_msg: `${name}:ok`, ...data }),
      5,
    );
  const verify = async (kind, params) => {
    const res = await fetch(`${o.base}/__standin/jsapi/verify`, {
      method: 'POST',
      body: JSON.stringify({ kind, url: location.href.split('#')[0], params }),
    });
    return (await res.json()).result;
  };
  // Like the real client, these need a successful agentConfig first.
  const needsAgent = new Set(['getContext', 'getCurExternalContact', 'getCurExternalChat', 'sendChatMessage']);
  window.WeixinJSBridge = {
    on() {},
    invoke(name, params, cb) {
      calls.push({ name, params });
      if (name === 'preVerifyJSAPI' || name === 'agentConfig') {
        const kind = name === 'preVerifyJSAPI' ? 'config' : 'agentConfig';
        verify(kind, params).then(
          (result) => {
            if (result === 'ok') verified[kind] = true;
            answer(cb, kind, result === 'ok' ? {} : result);
          },
          () => answer(cb, kind, 'fail_network'),
        );
        return;
      }
      if (needsAgent.has(name) && !verified.agentConfig) return answer(cb, name, 'no permission');
      if (name === 'getContext') return answer(cb, name, { entry: o.entry, shareTicket: '' });
      if (name === 'getCurExternalContact') {
        return o.externalUserId && o.entry !== 'group_chat_tools'
          ? answer(cb, name, { userId: o.externalUserId })
          : answer(cb, name, 'fail_no external contact');
      }
      if (name === 'getCurExternalChat')
        return o.chatId ? answer(cb, name, { chatId: o.chatId }) : answer(cb, name, 'fail_no external chat');
      if (name === 'sendChatMessage') return answer(cb, name, {});
      return answer(cb, name, 'function not exist');
    },
  };
  document.dispatchEvent(new Event('WeixinJSBridgeReady'));
}
