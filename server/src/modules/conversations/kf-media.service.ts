// The files customers send to 微信客服 (pictures, voice notes, videos, files) are fetched from WeCom once, checked
// and kept, so staff see the picture and hear the voice in our pages — WeCom keeps a media_id only three days and
// serves it only with the merchant's token. Sizes are capped per kind; what the bytes are is read from the bytes.
import { KF_MEDIA_KINDS, type KfMediaKind } from '@xiaoer/common/schemas/conversation';
import type { Logger } from '../../logging/logger.js';
import { blockedCause } from '../../net/outbound-guard.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { KfApi } from '../wecom/api/kf-api.js';
import { WecomApiError } from '../wecom/api/wecom-errors.js';
import type { WecomCredentials } from '../wecom/wecom-app.repository.js';
import { AMR_MAGIC, amrToWav } from './amr-to-wav.js';
import type { KfMedia } from './kf-media.model.js';
import type { KfMediaRepository, KfMediaSummary } from './kf-media.repository.js';
import type { MessageRecord } from './kf.repository.js';

const MB = 1024 * 1024;
/** WeCom's own limits are 10 MB (image), 2 MB (voice), 10 MB (video), 20 MB (file); a stored document stays < 16 MB. */
export const KF_MEDIA_MAX_BYTES: Record<KfMediaKind, number> = {
  image: 10 * MB,
  voice: 2 * MB,
  video: 10 * MB,
  file: 10 * MB,
};
/** A WAV past this is not kept (a voice note is at most 60 s: about 1 MB); the AMR can still be downloaded. */
const MAX_PLAYABLE_BYTES = 8 * MB;

/** The media a message carries: its kind and WeCom's media_id (a text, location or card carries none). */
export function mediaOf(
  message: Pick<MessageRecord, 'msgtype' | 'raw'>,
): { kind: KfMediaKind; mediaId: string } | null {
  const kind = KF_MEDIA_KINDS.find((k) => k === message.msgtype);
  const mediaId = kind && (message.raw?.[kind] as { media_id?: unknown } | undefined)?.media_id;
  return kind && typeof mediaId === 'string' && mediaId ? { kind, mediaId } : null;
}

const SIGNATURES: [type: string, matches: (b: Buffer) => boolean][] = [
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  [
    'image/webp',
    (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  ],
  ['audio/amr', (b) => b.subarray(0, AMR_MAGIC.length).equals(AMR_MAGIC)],
  ['audio/mpeg', (b) => b.subarray(0, 3).toString('latin1') === 'ID3'],
];
/** What the bytes are, read from their first bytes (also what a product photo upload is checked with). */
export const sniff = (bytes: Buffer) => SIGNATURES.find(([, matches]) => matches(bytes))?.[0];

/** What we keep of what WeCom handed over, or why not: a picture must be a picture, a voice note audio. */
function accept(
  kind: KfMediaKind,
  bytes: Buffer,
): Pick<KfMedia, 'contentType' | 'playable' | 'playableSize'> | { reason: string } {
  const type = sniff(bytes);
  if (kind === 'image') return type?.startsWith('image/') ? { contentType: type } : { reason: 'unexpected_type' };
  if (kind === 'voice') {
    if (!type?.startsWith('audio/')) return { reason: 'unexpected_type' };
    const wav = type === 'audio/amr' ? playable(bytes) : null;
    return wav && wav.length <= MAX_PLAYABLE_BYTES
      ? { contentType: type, playable: wav, playableSize: wav.length }
      : { contentType: type };
  }
  // videos and files are only ever offered as downloads, whatever they claim to be
  return { contentType: 'application/octet-stream' };
}

/** The voice note as WAV, or null: a decoder that fails leaves the voice note a download only. */
function playable(amr: Buffer): Buffer | null {
  try {
    return amrToWav(amr);
  } catch {
    return null;
  }
}

/** WeCom busy or out of reach: worth trying again later, never recorded as what became of the media. */
const TRANSIENT_ERRCODES = new Set([-1, 45009, 45033]);
const isTransient = (err: unknown) =>
  err instanceof WecomApiError ? TRANSIENT_ERRCODES.has(err.errcode) : blockedCause(err)?.reason !== 'too_large';

/** What became of media WeCom would not hand over (transient errors are thrown before this). */
const reasonOf = (err: unknown) => (err instanceof WecomApiError ? `wecom:${err.errcode}` : 'too_large');

const summarize = (m: Omit<KfMedia, 'merchantId'>): KfMediaSummary => ({
  messageId: m.messageId,
  externalUserId: m.externalUserId,
  kind: m.kind,
  mediaId: m.mediaId,
  status: m.status,
  reason: m.reason,
  contentType: m.contentType,
  size: m.size,
  playableSize: m.playableSize,
  fetchedAt: m.fetchedAt,
});

export class KfMediaService {
  constructor(
    private media: KfMediaRepository,
    private api: Pick<KfApi, 'getMedia'>,
    private logger: Logger,
  ) {}

  /**
   * The message's media, fetched from WeCom the first time and stored (or its failure recorded: WeCom answers 40007
   * for a media_id it no longer has); later calls, a retried or duplicated message, read what was stored. Null for a
   * message without media. A WeCom that is busy or cannot be reached is not recorded: the error is thrown, and the
   * inbox tries the message again later (the bot's reply to it is sent once whenever that succeeds).
   */
  async fetch(app: WecomCredentials, message: MessageRecord): Promise<KfMediaSummary | null> {
    const carried = mediaOf(message);
    if (!carried) return null;
    const stored = await this.media.summary(app.merchantId, message._id);
    if (stored) return stored;
    const base = {
      messageId: message._id,
      externalUserId: message.externalUserId,
      ...carried,
      fetchedAt: new Date(),
    };
    let outcome: Omit<KfMedia, 'merchantId'>;
    try {
      const file = await this.api.getMedia(app, carried.mediaId, KF_MEDIA_MAX_BYTES[carried.kind]);
      const bytes = Buffer.from(file.bytes);
      const kept = accept(carried.kind, bytes);
      outcome =
        'reason' in kept
          ? { ...base, status: 'failed', reason: kept.reason }
          : { ...base, status: 'stored', ...kept, size: bytes.length, data: bytes };
    } catch (err) {
      if (isTransient(err)) throw err;
      const reason = reasonOf(err);
      this.logger.warn({ reason, kind: carried.kind }, 'kf media not fetched');
      outcome = { ...base, status: 'failed', reason };
    }
    // a concurrent fetch of the same message may have stored it first: the same media, kept once
    await this.media.save(app.merchantId, outcome);
    return summarize(outcome);
  }

  summaries(merchantId: MerchantId, messageIds: string[]): Promise<KfMediaSummary[]> {
    return this.media.summaries(merchantId, messageIds);
  }

  content(merchantId: MerchantId, messageId: string, variant: 'original' | 'playable') {
    return this.media.content(merchantId, messageId, variant);
  }
}
