// How the bot answers on 微信客服 (never / after hours / always), the merchant's own LLM (key shown masked), and the
// WeCom configuration check with each fix in plain words.
import { Button, Input, Text, View } from '@tarojs/components';
import * as ai from '@xiaoer/common/api/ai';
import * as wecom from '@xiaoer/common/api/wecom';
import type { AutoReplyMode } from '@xiaoer/common/schemas/ai';
import { useState } from 'react';
import { toast } from '../../components/Toast';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';

const MODES: { mode: AutoReplyMode; label: string; hint: string }[] = [
  { mode: 'after_hours', label: '下班后自动接待', hint: '营业时间外由小二回复，营业时间内店员回复' },
  { mode: 'always', label: '一直自动接待', hint: '小二先回复，答不上来再转店员' },
  { mode: 'off', label: '不自动回复', hint: '全部由店员回复' },
];

export function AutoReplySection({ mode: initial }: { mode: AutoReplyMode }) {
  const [mode, setMode] = useState(initial);
  const choose = async (next: AutoReplyMode) => {
    try {
      await call(ai.setAutoReply, { body: { mode: next } });
      setMode(next);
      toast('已切换', 'success');
    } catch (err) {
      toast((err as Error).message);
    }
  };
  return (
    <View className="card" id="auto-reply">
      <View className="card-title">微信客服自动回复</View>
      {MODES.map((m) => (
        <View key={m.mode} className="field" data-mode={m.mode} onClick={() => choose(m.mode)}>
          <View>
            <View>{m.label}</View>
            <View className="muted">{m.hint}</View>
          </View>
          <Text className={mode === m.mode ? 'tag tag-on' : 'tag'}>{mode === m.mode ? '当前' : '选择'}</Text>
        </View>
      ))}
    </View>
  );
}

export function LlmSection() {
  const view = useAsync(() => call(ai.llmSettings));
  const empty = { baseUrl: '', model: '', apiKey: '', speechModel: '', visionModel: '' };
  const [form, setForm] = useState(empty);
  const save = async () => {
    try {
      const { speechModel, visionModel, ...required } = form;
      await call(ai.saveLlmSettings, {
        body: {
          ...required,
          dailyTokenBudget: 200_000,
          // optional: what else the endpoint offers (voice notes and pictures customers send after hours)
          speechModel: speechModel.trim() || undefined,
          visionModel: visionModel.trim() || undefined,
        },
      });
      toast('已保存，小二会用这个模型回复', 'success');
      setForm(empty);
      await view.reload();
    } catch (err) {
      toast((err as Error).message);
    }
  };
  const v = view.data;
  return (
    <View className="card">
      <View className="card-title">AI 模型</View>
      <View className="muted">
        {v?.configured
          ? `正在使用 ${v.model}（Key ${v.apiKey}，今天用了 ${v.tokensToday} tokens）`
          : '现在使用小二内置的离线引擎，只按店铺资料回答。可以接入 DeepSeek、通义千问等兼容 OpenAI 的模型。'}
      </View>
      <View className="muted">
        {v?.configured && (v.speechModel || v.visionModel)
          ? `客户发来的${[v.speechModel && `语音由 ${v.speechModel} 听写`, v.visionModel && `图片由 ${v.visionModel} 识别`].filter(Boolean).join('，')}，再由小二回答。`
          : '客户下班后发来的语音、图片，小二会先回一句“收到”，再转给店员。接口支持语音识别或看图时，可在下面填上对应模型，小二就能直接回答。'}
      </View>
      <Input
        className="input"
        placeholder="接口地址，如 https://api.deepseek.com/v1"
        value={form.baseUrl}
        onInput={(e) => setForm({ ...form, baseUrl: e.detail.value })}
      />
      <Input
        className="input"
        placeholder="模型名称，如 deepseek-chat"
        value={form.model}
        onInput={(e) => setForm({ ...form, model: e.detail.value })}
      />
      <Input
        className="input"
        password
        placeholder="API Key"
        value={form.apiKey}
        onInput={(e) => setForm({ ...form, apiKey: e.detail.value })}
      />
      <Input
        className="input"
        placeholder="语音识别模型（选填），如 whisper-1"
        value={form.speechModel}
        onInput={(e) => setForm({ ...form, speechModel: e.detail.value })}
      />
      <Input
        className="input"
        placeholder="看图模型（选填），如 qwen-vl-plus"
        value={form.visionModel}
        onInput={(e) => setForm({ ...form, visionModel: e.detail.value })}
      />
      <View className="btn-row">
        <Button
          className="btn btn-primary"
          disabled={!form.baseUrl || !form.model || !form.apiKey || undefined}
          onClick={save}
        >
          保存模型设置
        </Button>
      </View>
    </View>
  );
}

export function ConfigCheckSection() {
  const check = useAsync(() => call(wecom.configCheck));
  return (
    <View className="card">
      <View className="card-title">
        <Text>企业微信配置检查</Text>
        <Text className="muted" onClick={() => void check.reload()}>
          重新检查
        </Text>
      </View>
      {check.loading && <View className="muted">正在检查…</View>}
      {check.error && <View className="up">{check.error.message}</View>}
      {check.data?.checks.map((c) => (
        <View key={c.key} className="list-item">
          <View className="row">
            <Text>{c.title}</Text>
            <Text className={c.ok ? 'tag tag-on' : 'tag'} style={c.ok ? {} : { color: '#e34d59' }}>
              {c.ok ? '正常' : '需处理'}
            </Text>
          </View>
          {!c.ok && (
            <View className="muted">
              {c.message}
              {c.fix ? `。怎么改：${c.fix}` : ''}
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
