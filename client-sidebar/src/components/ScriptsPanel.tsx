// The scripts library (话术库): search by words or pinyin initials, categories and favourites, one tap to send with
// the customer's name filled in; images go as WeCom media the server keeps fresh.
import * as knowledge from '@xiaoer/common/api/knowledge';
import type { ScriptItemDto, ScriptUseDto } from '@xiaoer/common/schemas/sidebar';
import { useMemo, useState } from 'react';
import { call } from '../services/client';
import { sendToChat, type Outgoing } from '../services/wecom';
import { useAsync } from '../hooks/useAsync';
import { ALL, categoriesOf, searchScripts } from '../hooks/scriptSearch';
import { Empty, ErrorState, Skeleton } from './States';
import { useToast } from './Toast';

const ATTACHMENT_LABEL = { image: '图片', link: '链接', miniprogram: '小程序' } as const;

export function ScriptsPanel({ customerId }: { customerId?: string }) {
  const library = useAsync((signal) => call(knowledge.scriptLibrary, undefined, { signal }), 'scripts');
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState(ALL);
  const items = useMemo(() => library.data?.items ?? [], [library.data]);
  const shown = useMemo(() => searchScripts(items, query, category), [items, query, category]);

  const toggleFavourite = async (script: ScriptItemDto) => {
    const favourite = !script.favourite;
    library.setData({ items: items.map((s) => (s.id === script.id ? { ...s, favourite } : s)) });
    await call(knowledge.setScriptFavourite, { params: { id: script.id }, body: { favourite } }).catch(() =>
      library.reload(),
    );
  };

  return (
    <section className="panel">
      <input
        className="input"
        type="search"
        placeholder="搜索话术：关键词或拼音首字母，如 hyc"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="chips chips-scroll" role="tablist">
        {categoriesOf(items).map((c) => (
          <button
            key={c}
            role="tab"
            aria-selected={c === category}
            className={`chip ${c === category ? 'chip-on' : ''}`}
            onClick={() => setCategory(c)}
          >
            {c}
          </button>
        ))}
      </div>
      {library.loading && !library.data && <Skeleton lines={4} />}
      {library.error && <ErrorState title="话术库没加载出来" detail={library.error.message} onRetry={library.reload} />}
      {library.data && !shown.length && (
        <Empty>
          {items.length
            ? '没有找到相关话术，换个关键词试试'
            : '话术库还是空的，请店长在小二老板助手「我的 › 话术库」里添加'}
        </Empty>
      )}
      <ul className="script-list">
        {shown.map((s) => (
          <ScriptRow key={s.id} script={s} customerId={customerId} onFavourite={() => void toggleFavourite(s)} />
        ))}
      </ul>
    </section>
  );
}

function ScriptRow({
  script,
  customerId,
  onFavourite,
}: {
  script: ScriptItemDto;
  customerId?: string;
  onFavourite(): void;
}) {
  const toast = useToast();
  const [sending, setSending] = useState(false);
  const send = async () => {
    setSending(true);
    try {
      const use = await call(knowledge.useScript, { params: { id: script.id }, body: { customerId } });
      await sendToChat({ kind: 'text', text: use.text });
      const extra = attachmentMessage(use);
      if (extra) await sendToChat(extra);
      toast('已放入聊天框，点发送即可');
    } catch (e) {
      toast((e as Error).message || '发送失败，请重试');
    } finally {
      setSending(false);
    }
  };
  return (
    <li className="script">
      <div className="script-head">
        <span className="script-title">{script.title}</span>
        {script.attachment && <span className="tag tag-soft">{ATTACHMENT_LABEL[script.attachment.kind]}</span>}
        <button
          className={`star ${script.favourite ? 'star-on' : ''}`}
          aria-label={script.favourite ? '取消收藏' : '收藏'}
          onClick={onFavourite}
        >
          {script.favourite ? '★' : '☆'}
        </button>
      </div>
      <p className="script-content">{script.content}</p>
      <div className="script-foot">
        <span className="muted">用过 {script.usageCount} 次</span>
        <button className="btn btn-primary btn-small" disabled={sending} onClick={send}>
          {sending ? '发送中…' : '发送'}
        </button>
      </div>
    </li>
  );
}

function attachmentMessage(use: ScriptUseDto): Outgoing | undefined {
  const a = use.attachment;
  if (!a) return undefined;
  if (a.kind === 'image' && a.mediaId) return { kind: 'image', mediaId: a.mediaId };
  if (a.kind === 'link' && a.url)
    return { kind: 'link', url: a.url, title: a.title ?? '点击查看', desc: use.text.slice(0, 40) };
  if (a.kind === 'miniprogram' && a.appid && a.page)
    return { kind: 'miniprogram', appid: a.appid, page: a.page, title: a.title ?? '点击打开' };
  return undefined;
}
