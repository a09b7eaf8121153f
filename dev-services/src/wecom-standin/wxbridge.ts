// The mini-program's wx.login for the owner console's H5 build opened outside WeChat (the demo, browser tests): a
// WeChat user (an openid) whose codes jscode2session accepts, exactly as WeChat's own single-use, 5-minute codes.
import type { StandInState } from './state.js';

export function issueMiniProgramCode(state: StandInState, openid: string): string {
  const code = state.id('mc', 16);
  state.miniProgramCodes.set(code, { openid, expiresAt: state.now() + 300_000, used: false });
  return code;
}

/** A script that gives the page `wx.login`, answered by this stand-in for the given WeChat user. */
export function wxBridgeScript(base: string, openid: string): string {
  return `(() => {
  const base = ${JSON.stringify(base)};
  const openid = ${JSON.stringify(openid)};
  window.wx = window.wx || {};
  window.wx.login = ({ success, fail }) => {
    // a simple request (no JSON content type): no preflight to the stand-in
    fetch(base + '/__standin/miniprogram/code', { method: 'POST', body: JSON.stringify({ openid }) })
      .then((r) => r.json())
      .then((j) => (j.code ? success({ code: j.code, errMsg: 'login:ok' }) : fail({ errMsg: 'login:fail ' + (j.error || '') })))
      .catch((e) => fail({ errMsg: 'login:fail ' + e.message }));
  };
})();
`;
}
