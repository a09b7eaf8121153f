// The last setup step: the owner writes from their own WeChat to the shop's 微信客服 account and watches the bot's
// answer arrive here (polled); in the demo the WeCom stand-in can play that WeChat. Until 开始营业 the bot answers
// only this test conversation (server: modules/golive); 开始营业 turns the bot and the scenarios on.
import { Button, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as golive from '@xiaoer/common/api/setup-golive';
import type { GoLiveDto } from '@xiaoer/common/api/setup-golive';
import { useEffect, useState } from 'react';
import { ErrorState, Loading } from '../../components/States';
import { toast } from '../../components/Toast';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import { LAUNCH_MODES, MODE_TEXT, launchConfirmText, shouldPoll, testText } from '../../services/setup-golive';
import { CHECKLIST_PAGE } from '../../services/setup-steps';
import '../../components/form.scss';
import './setup.scss';
import './golive.scss';

const POLL_MS = 2000;
const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

function Conversation({ g, onForget }: { g: GoLiveDto; onForget?: () => void }) {
  return (
    <View className="card" id="golive-conversation">
      <View className="card-title">测试对话</View>
      <View className="muted" data-test-text>
        {testText(g)}
      </View>
      {(g.conversation?.messages ?? []).map((m, i) => (
        <View key={i} className={`chat-line chat-${m.direction}`} data-direction={m.direction}>
          <Text className="muted">{m.direction === 'in' ? '顾客（你）' : '小二'}</Text>
          <View className="chat-bubble">{m.text}</View>
          {m.status && m.status !== 'sent' && <Text className="up">没有发出去：{m.status}</Text>}
        </View>
      ))}
      {onForget && g.conversation && (
        <View className="btn-row">
          <Button className="btn btn-ghost" onClick={onForget}>
            这不是我发的
          </Button>
        </View>
      )}
    </View>
  );
}

export default function SetupGoLive() {
  const loaded = useAsync(() => call(golive.goLive));
  const [g, setG] = useState<GoLiveDto | undefined>();
  const [busy, setBusy] = useState(false);
  const [modeIndex, setModeIndex] = useState(0);
  useEffect(() => {
    if (loaded.data) setG(loaded.data);
  }, [loaded.data]);
  const poll = g ? shouldPoll(g) : false;
  useEffect(() => {
    if (!poll) return;
    const timer = setInterval(() => {
      call(golive.goLive).then(setG, () => undefined); // a missed poll is retried on the next tick
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [poll]);

  if (loaded.error && !g)
    return (
      <View className="page">
        <ErrorState error={loaded.error} onRetry={loaded.reload} />
      </View>
    );
  if (!g) return <View className="page">{loaded.loading && <Loading />}</View>;

  const act = async (work: () => Promise<GoLiveDto>, done?: string) => {
    setBusy(true);
    try {
      setG(await work());
      if (done) toast(done, 'success');
    } catch (err) {
      toast((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const mode = LAUNCH_MODES[modeIndex]!.mode;
  const launch = async () => {
    const { confirm } = await Taro.showModal({ title: '开始营业', content: launchConfirmText(mode) });
    if (confirm) await act(() => call(golive.launch, { body: { autoReplyMode: mode } }), '已开始营业');
  };
  const kfNames = g.kfAccounts.map((k) => `「${k.name}」`).join('、');

  if (g.status === 'live')
    return (
      <View className="page">
        <View className="narrow">
          <View className="card" id="golive-live">
            <View className="card-title">✓ 已开始营业</View>
            <View className="step-detail">
              {`${g.liveAt ? time(g.liveAt) : ''}${g.liveBy ? ` 由${g.liveBy}` : ''}开始营业，小二${MODE_TEXT[g.autoReplyMode]}。`}
            </View>
            <View className="muted">{`已开启 ${g.scenarios.length} 个提醒和关怀场景，可以在“设置”里调整。`}</View>
            <View className="btn-row">
              <Button className="btn btn-ghost" onClick={() => void Taro.redirectTo({ url: CHECKLIST_PAGE })}>
                回到开通进度
              </Button>
            </View>
          </View>
          {g.conversation && <Conversation g={g} />}
        </View>
      </View>
    );

  return (
    <View className="page">
      <View className="narrow">
        <View className="card" id="golive-test">
          <View className="card-title">1. 用自己的微信试一试</View>
          {g.kfAccounts.length === 0 ? (
            <>
              <View className="step-fix">还没有选择小二接待的微信客服账号。</View>
              <View className="btn-row">
                <Button
                  className="btn btn-ghost"
                  onClick={() => void Taro.navigateTo({ url: '/pages/setup-wecom/index' })}
                >
                  去选择微信客服账号
                </Button>
              </View>
            </>
          ) : (
            <>
              <View className="step-detail">{`用你自己的微信，给微信客服${kfNames}发一条顾客会问的话，比如“几点关门？”。`}</View>
              {g.kfAccounts.map((k) =>
                k.url ? (
                  <View className="field" key={k.openKfId} data-kf-link={k.url}>
                    <Text selectable className="golive-link">
                      {k.url}
                    </Text>
                    <Text
                      className="golive-copy"
                      onClick={() =>
                        void Taro.setClipboardData({ data: k.url! }).then(() =>
                          toast('客服链接已复制，发到自己的微信里打开', 'success'),
                        )
                      }
                    >
                      复制
                    </Text>
                  </View>
                ) : null,
              )}
              <View className="muted">
                {g.kfAccounts.some((k) => k.url)
                  ? '把客服链接发到自己的微信里打开，就能像顾客一样发消息。'
                  : '客服链接在企业微信管理后台 → 微信客服 → 点开这个账号 → 客服链接，复制后在自己的微信里打开。'}
                开始营业前，小二只回答你的测试消息，其他顾客的消息会保存给店员看。
              </View>
              <View className="btn-row">
                <Button
                  className="btn btn-primary"
                  disabled={busy || !!g.testUntil || undefined}
                  onClick={() => act(() => call(golive.startTest))}
                >
                  {g.testUntil ? '等你发消息…' : '我要发消息了'}
                </Button>
                {g.standIn && (
                  <Button
                    className="btn btn-ghost"
                    disabled={busy || undefined}
                    onClick={() => act(() => call(golive.simulateCustomer, { body: {} }))}
                  >
                    模拟顾客发消息
                  </Button>
                )}
              </View>
            </>
          )}
        </View>
        <Conversation g={g} onForget={() => act(() => call(golive.forgetTest), '已忽略这段对话，小二不再回答它')} />
        <View className="card" id="golive-launch">
          <View className="card-title">2. 开始营业</View>
          <View className="muted">开始营业后，小二按你选的方式回答顾客，店里的提醒和关怀场景也开始运行。</View>
          <Picker
            mode="selector"
            range={LAUNCH_MODES.map((m) => m.label)}
            value={modeIndex}
            onChange={(e) => setModeIndex(Number(e.detail.value))}
          >
            <View className="field">
              <Text>{LAUNCH_MODES[modeIndex]!.label}</Text>
              <Text className="muted">换一种 ›</Text>
            </View>
          </Picker>
          <View className="btn-row">
            <Button className="btn btn-primary" disabled={busy || undefined} onClick={launch}>
              开始营业
            </Button>
          </View>
        </View>
      </View>
    </View>
  );
}
