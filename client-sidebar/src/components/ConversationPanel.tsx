// 客服消息: what the customer sent to the shop's 微信客服 and what the bot answered — the picture shown, the voice note
// playable (decoded from WeCom's AMR on the server; the original is a download), a file to download, a location
// with its address. A picture or voice note that could not be fetched says so, and what to do instead.
import * as conversations from '@xiaoer/common/api/conversations';
import type { KfMediaDto, KfMessageDto } from '@xiaoer/common/schemas/conversation';
import { call } from '../services/client';
import { useAsync } from '../hooks/useAsync';
import { Empty, ErrorState, Skeleton } from './States';

const time = (iso: string) => {
  const d = new Date(iso);
  return `${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

export function ConversationPanel({ externalUserId }: { externalUserId: string }) {
  const messages = useAsync(
    (signal) => call(conversations.kfMessages, { params: { externalUserId } }, { signal }),
    externalUserId,
  );
  return (
    <section className="panel" data-ready={messages.data ? 'conversation' : undefined}>
      <div className="hint">客户在微信客服里发来的消息，夜间机器人转给店员的语音、图片都在这里。</div>
      {messages.loading && !messages.data && <Skeleton lines={4} />}
      {messages.error && (
        <ErrorState title="客服消息没加载出来" detail={messages.error.message} onRetry={messages.reload} />
      )}
      {messages.data && !messages.data.messages.length && <Empty>这位客户还没在微信客服里发过消息</Empty>}
      {messages.data && messages.data.messages.length > 0 && (
        <ol className="kf-messages">
          {messages.data.messages.map((m) => (
            <Message key={m.id} message={m} />
          ))}
        </ol>
      )}
      {messages.data && (
        <button className="link-btn" onClick={messages.reload}>
          刷新
        </button>
      )}
    </section>
  );
}

function Message({ message }: { message: KfMessageDto }) {
  return (
    <li className={`kf-message kf-${message.direction}`} data-msgtype={message.msgtype}>
      <div className="kf-meta">
        {message.direction === 'in' ? '客户' : '小二'} · {time(message.sentAt)}
      </div>
      {message.media ? <Media media={message.media} /> : <p className="kf-text">{message.text}</p>}
      {message.location && message.location.address && <div className="muted">{message.location.address}</div>}
    </li>
  );
}

function Media({ media }: { media: KfMediaDto }) {
  if (media.status !== 'stored') return <p className="kf-note">{media.note}</p>;
  return (
    <div className="kf-media">
      {media.kind === 'image' && media.viewUrl && <img className="kf-image" src={media.viewUrl} alt="客户发来的图片" />}
      {media.kind === 'voice' && media.viewUrl && (
        <audio className="kf-voice" controls preload="metadata" src={media.viewUrl} />
      )}
      {media.note && <p className="kf-note">{media.note}</p>}
      {media.downloadUrl && (
        <a className="link-btn" href={media.downloadUrl} download>
          {media.kind === 'voice' ? '下载原语音（AMR）' : media.kind === 'image' ? '下载图片' : '下载文件'}
        </a>
      )}
    </div>
  );
}
