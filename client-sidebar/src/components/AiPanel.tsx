// AI replies: staff paste what the customer said (WeCom does not let the page read the chat); three grounded drafts
// stream in; one tap puts a draft into the chat, or edit it first. Every outcome is recorded for quality stats. When
// the bot has no answer, staff write their own; an answer staff wrote (or corrected) can be saved as an FAQ, so the
// bot answers it next time (managers and owners: plain staff are not offered it, as the server would refuse).
import * as ai from '@xiaoer/common/api/ai';
import * as learning from '@xiaoer/common/api/learning';
import { useEffect, useState } from 'react';
import { call } from '../services/client';
import type { Draft } from '../services/suggestions';
import { sendToChat } from '../services/wecom';
import { canSaveFaq, useMe } from '../hooks/useMe';
import { useSuggestions } from '../hooks/useSuggestions';
import { Empty, ErrorState, Skeleton } from './States';
import { useToast } from './Toast';

const KIND_LABEL: Record<Draft['kind'], string> = { answer: '回答问题', favourite: '老客关怀', new_item: '新品推荐' };

export function AiPanel({ customerId }: { customerId: string }) {
  const [question, setQuestion] = useState('');
  /** the question the drafts answer (what staff last asked about) */
  const [asked, setAsked] = useState('');
  const s = useSuggestions(customerId);
  const { ask } = s;
  const askAbout = (q: string) => {
    setAsked(q.trim());
    s.ask(q);
  };
  useEffect(() => ask(''), [ask]); // drafts from the customer's own history, before any question

  return (
    <section className="panel">
      <label className="field-label" htmlFor="question">
        客户说了什么？
      </label>
      <textarea
        id="question"
        className="input"
        rows={3}
        maxLength={500}
        placeholder="把客户的话粘贴到这里，例如：杨枝甘露多少钱？"
        value={question}
        onChange={(e) => setQuestion(e.target.value)}
      />
      <div className="hint">企业微信不允许侧边栏读取聊天内容，所以需要你粘贴一下～</div>
      <button className="btn btn-primary btn-block" disabled={s.streaming} onClick={() => askAbout(question)}>
        {s.streaming ? '小二思考中…' : '生成回复'}
      </button>

      <div className="drafts" aria-live="polite">
        {s.answerPreview !== undefined && (
          <article className="draft draft-writing">
            <div className="draft-kind">{KIND_LABEL.answer} · 正在写</div>
            <p className="draft-text">{s.answerPreview || '…'}</p>
          </article>
        )}
        {s.drafts.map((d) => (
          <DraftCard key={`${d.kind}:${d.text}`} draft={d} customerId={customerId} question={asked} />
        ))}
        {!s.streaming && asked && !s.drafts.some((d) => d.kind === 'answer') && (
          <OwnAnswer key={asked} question={asked} />
        )}
        {s.streaming && !s.drafts.length && s.answerPreview === undefined && <Skeleton lines={3} />}
        {s.error && <ErrorState title="没能生成回复" detail={s.error} onRetry={() => askAbout(question)} />}
        {!s.streaming && !s.error && !s.drafts.length && (
          <Empty>暂时没有合适的建议。粘贴客户的问题试试，或去「话术」里找一条。</Empty>
        )}
      </div>
    </section>
  );
}

/** Saves the customer's question and the answer staff wrote as an FAQ; once. Managers and owners only. */
export function SaveAsFaq({ question, answer }: { question: string; answer: string }) {
  const toast = useToast();
  const me = useMe();
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const save = async () => {
    setState('saving');
    try {
      await call(learning.saveStaffAnswer, { body: { question: question.slice(0, 100), answer: answer.trim() } });
      setState('saved');
      toast('已存为常见问答，下次小二会直接回答');
    } catch (err) {
      setState('idle');
      toast((err as Error).message);
    }
  };
  if (!canSaveFaq(me)) return null;
  return (
    <button className="btn" onClick={save} disabled={state !== 'idle' || !answer.trim() || !question}>
      {state === 'saved' ? '已存为常见问答' : '存为常见问答'}
    </button>
  );
}

/** Puts text into the chat's input box and says so: true when it went. */
async function putInChat(text: string, toast: (message: string) => void): Promise<boolean> {
  try {
    await sendToChat({ kind: 'text', text: text.trim() });
  } catch {
    toast('没能放入聊天框，请复制后手动发送');
    return false;
  }
  toast('已放入聊天框，点发送即可');
  return true;
}

/** The bot had no answer: staff write theirs, put it into the chat, and may save it for next time. */
function OwnAnswer({ question }: { question: string }) {
  const toast = useToast();
  const [text, setText] = useState('');
  const send = () => void putInChat(text, toast);
  return (
    <article className="draft" data-kind="own">
      <div className="draft-kind">小二答不上来，你来回答</div>
      <textarea
        className="input"
        rows={3}
        maxLength={1000}
        placeholder="写下你的回答"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="draft-actions">
        <button className="btn btn-primary" onClick={send} disabled={!text.trim()}>
          发送
        </button>
        <SaveAsFaq question={question} answer={text} />
      </div>
    </article>
  );
}

function DraftCard({ draft, customerId, question }: { draft: Draft; customerId: string; question: string }) {
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(draft.text);
  const [done, setDone] = useState<'used' | 'edited' | 'rejected'>();
  const record = (outcome: 'used' | 'edited' | 'rejected', sentText?: string) =>
    call(ai.suggestionFeedback, { body: { customerId, draft: draft.text, outcome, sentText } }).catch(() => undefined);

  const send = async () => {
    const edited = text.trim() !== draft.text;
    if (!(await putInChat(text, toast))) return;
    setDone(edited ? 'edited' : 'used');
    setEditing(false);
    void record(edited ? 'edited' : 'used', edited ? text.trim() : undefined);
  };

  if (done === 'rejected') return null;
  return (
    <article className={`draft ${done ? 'draft-done' : ''}`} data-kind={draft.kind}>
      <div className="draft-kind">
        {KIND_LABEL[draft.kind]}
        {done && <span className="draft-sent">已发送</span>}
      </div>
      {editing ? (
        <textarea
          className="input"
          rows={3}
          value={text}
          maxLength={1000}
          onChange={(e) => setText(e.target.value)}
          autoFocus
        />
      ) : (
        <p className="draft-text">{text}</p>
      )}
      <div className="draft-reason">依据：{draft.reason}</div>
      {draft.citedIds.length > 0 && <div className="draft-sources">引用了 {draft.citedIds.length} 条店铺资料</div>}
      <div className="draft-actions">
        <button className="btn btn-primary" onClick={send} disabled={!text.trim()}>
          发送
        </button>
        {!editing && (
          <button className="btn" onClick={() => setEditing(true)}>
            编辑
          </button>
        )}
        <button
          className="btn btn-ghost"
          onClick={() => {
            setDone('rejected');
            void record('rejected');
          }}
        >
          不合适
        </button>
        {/* an answer staff corrected is worth keeping */}
        {draft.kind === 'answer' && done === 'edited' && question && <SaveAsFaq question={question} answer={text} />}
      </div>
    </article>
  );
}
