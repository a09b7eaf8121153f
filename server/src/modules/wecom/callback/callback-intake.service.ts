// The request path of a WeCom callback: verify, decrypt, store once, acknowledge. Nothing slow happens here (no
// WeCom or LLM call): WeCom waits only 5 s before it drops the connection and retries.
import { AppError } from '../../../errors/app-error.js';
import type { Logger } from '../../../logging/logger.js';
import type { InboxRepository } from '../inbox/inbox.repository.js';
import type { InboxSignal } from '../inbox/inbox-signal.js';
import type { WecomAppRepository, WecomCredentials } from '../wecom-app.repository.js';
import {
  coalesces,
  decryptFor,
  dedupeKey,
  eventKind,
  extractEncrypt,
  malformed,
  orderingKey,
  parseXml,
  priorityOf,
  verifySignature,
} from './callback-codec.js';
import { SELF_TEST_NONCE_PREFIX } from './callback-self-test.js';

export interface SignedQuery {
  msg_signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
}

export class CallbackIntakeService {
  constructor(
    private apps: WecomAppRepository,
    private inbox: InboxRepository,
    private logger: Logger,
    private signal?: InboxSignal,
    /** WeCom verified the URL (the admin saved 接收消息): the setup records it */
    private onUrlVerified?: (app: WecomCredentials) => Promise<void>,
  ) {}

  private async app(corpId: string): Promise<WecomCredentials> {
    const app = await this.apps.findByCorpId(corpId);
    if (!app) throw new AppError('not_found', { message: '这个企业还没有接入小二' });
    return app;
  }

  private static signed(query: SignedQuery): Required<Omit<SignedQuery, 'echostr'>> {
    const { msg_signature, timestamp, nonce } = query;
    if (!msg_signature || !timestamp || !nonce) throw malformed('缺少签名参数');
    return { msg_signature, timestamp, nonce };
  }

  /** URL verification (GET): answer the decrypted echostr, nothing else. */
  async verifyUrl(corpId: string, query: SignedQuery): Promise<string> {
    const app = await this.app(corpId);
    const { msg_signature, timestamp, nonce } = CallbackIntakeService.signed(query);
    if (!query.echostr) throw malformed('缺少 echostr');
    verifySignature(app.callbackToken, timestamp, nonce, query.echostr, msg_signature);
    const echo = decryptFor(app.encodingAesKey, query.echostr, corpId);
    // Our own configuration check signs the same request; only WeCom's counts as WeCom having verified the URL.
    // WeCom saves the admin's settings only on the echo, so a failure to record it must not withhold the answer.
    if (!nonce.startsWith(SELF_TEST_NONCE_PREFIX))
      await this.onUrlVerified?.(app).catch((err: unknown) =>
        this.logger.error({ err, merchantId: app.merchantId }, 'recording the callback verification failed'),
      );
    return echo;
  }

  /** An event (POST): stored exactly once, whatever WeCom's retries; unknown kinds are stored too. */
  async accept(corpId: string, query: SignedQuery, body: string): Promise<{ stored: boolean; kind: string }> {
    const { msg_signature, timestamp, nonce } = CallbackIntakeService.signed(query);
    const app = await this.app(corpId);
    const encrypted = extractEncrypt(body);
    verifySignature(app.callbackToken, timestamp, nonce, encrypted, msg_signature);
    const fields = parseXml(decryptFor(app.encodingAesKey, encrypted, corpId));
    const kind = eventKind(fields);
    const accepted = await this.inbox.accept(app.merchantId, {
      corpId,
      dedupeKey: dedupeKey(fields),
      kind,
      orderingKey: orderingKey(corpId, fields),
      priority: priorityOf(fields),
      payload: fields,
      coalesce: coalesces(fields),
    });
    // A folded notice needs nobody woken: the waiting one it joined is already on its way.
    if (accepted === 'stored') this.signal?.announce('fresh');
    this.logger.debug({ kind, accepted, merchantId: app.merchantId }, `wecom event ${accepted}`);
    return { stored: accepted !== 'duplicate', kind };
  }
}
