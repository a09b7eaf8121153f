// 问问小二: the owner types any question and sees what the bot would answer — the offline engine and, when the shop
// has its own AI model, the model — whether it would hand over to staff and why, and the shop data it used, as cards.
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import * as learning from '@xiaoer/common/api/learning';
import type { ResponseOf } from '@xiaoer/common/api/contract';
import { useState } from 'react';
import { toast } from '../../components/Toast';
import { useAction } from '../../hooks/useAction';
import { call } from '../../services/client';

type Result = ResponseOf<typeof learning.ask> & { question: string };
type Verdict = Result['offline'];

function VerdictCard({ v }: { v: Verdict }) {
  return (
    <View className="card" data-engine={v.engine}>
      <View className="card-title">
        <Text>{v.engineName}</Text>
        <Text className={v.action === 'answer' ? 'tag tag-on' : 'tag'}>
          {v.action === 'answer' ? '会直接回答' : '会转给店员'}
        </Text>
      </View>
      <View className="muted">顾客会收到：</View>
      <View className="summary" data-reply>
        {v.reply}
      </View>
      {v.handoffReason && (
        <View className="muted" style={{ marginTop: '8px' }}>{`转人工原因：${v.handoffReason}`}</View>
      )}
      {v.blocked.map((b) => (
        <View className="muted" key={b} style={{ marginTop: '4px' }}>{`已拦截：${b}`}</View>
      ))}
      <View className="muted" style={{ marginTop: '16px' }}>
        {v.cited.length ? '用到的店铺资料：' : '没有用到店铺资料'}
      </View>
      {v.cited.map((c) => (
        <View className="card" key={c.id} data-cited={c.kind} style={{ background: '#f7f8fa', marginTop: '12px' }}>
          <View className="row">
            <Text style={{ fontWeight: 600 }}>{c.title}</Text>
            <Text className="tag">{c.kindName}</Text>
          </View>
          <View className="muted" style={{ marginTop: '8px' }}>
            {c.detail}
          </View>
        </View>
      ))}
    </View>
  );
}

/** When the bot would hand over: the owner writes the answer here and it becomes an FAQ at once. */
function TeachCard({ question, onSaved }: { question: string; onSaved: () => void }) {
  const [answer, setAnswer] = useState('');
  const { busy, act } = useAction(onSaved);
  return (
    <View className="card" id="teach">
      <View className="card-title">教小二回答这个问题</View>
      <Textarea
        className="textarea"
        value={answer}
        maxlength={1000}
        placeholder="写下店里的答案，保存后会加进常见问答"
        onInput={(e) => setAnswer(e.detail.value)}
      />
      <View className="btn-row">
        <Button
          className="btn btn-primary"
          disabled={busy || !answer.trim() || undefined}
          onClick={() => act(() => call(learning.saveStaffAnswer, { body: { question, answer } }), '已加入常见问答')}
        >
          存为常见问答
        </Button>
      </View>
    </View>
  );
}

export default function Ask() {
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const ask = async () => {
    if (!question.trim()) return toast('请输入一个问题');
    setBusy(true);
    try {
      setResult({ ...(await call(learning.ask, { body: { question } })), question });
    } catch (err) {
      toast((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="page">
      <View className="card">
        <View className="card-title">像顾客一样问一句</View>
        <Input
          className="input"
          placeholder="如：大杯多少钱 / 可以带宠物吗"
          maxlength={200}
          value={question}
          onInput={(e) => setQuestion(e.detail.value)}
          onConfirm={() => void ask()}
        />
        <View className="btn-row">
          <Button className="btn btn-primary" disabled={busy || undefined} onClick={() => void ask()}>
            {busy ? '小二在想…' : '问问小二'}
          </Button>
        </View>
        <View className="muted">只是试一试：不会发给任何顾客</View>
      </View>
      {result && <VerdictCard v={result.offline} />}
      {result?.llm && <VerdictCard v={result.llm} />}
      {result?.llmError && <View className="muted">{result.llmError}</View>}
      {result?.offline.action === 'handoff' && (
        <TeachCard key={result.question} question={result.question} onSaved={() => void ask()} />
      )}
    </View>
  );
}
