// The 代开发 template's 指令回调URL: WeCom's URL verification (GET) and its instructions (POST), signed with the
// template's Token and encrypted with its EncodingAESKey for the template's id. WeCom wants "success" within 1 s, so
// nothing slow happens here: suite_ticket is stored (one Redis write, the newest wins), an authorisation
// instruction is stored once (a unique dedupe key absorbs WeCom's retries) and handed to a job, and the answer goes.
import { createHash } from 'node:crypto';
import { decrypt } from '@wecom/crypto';
import type { WecomSuiteConfig } from '../../../config/env.js';
import type { SecretBox } from '../../../crypto/secret-box.js';
import type { Logger } from '../../../logging/logger.js';
import { decryptFor, extractEncrypt, malformed, parseXml, verifySignature } from '../callback/callback-codec.js';
import type { SignedQuery } from '../callback/callback-intake.service.js';
import type { SuiteInstructionRepository } from './suite-instruction.repository.js';
import type { SuiteTicketStore } from './suite-ticket-store.js';

/** The instructions handled after the answer (by the suite-instruction job). */
export const AUTHORISATION_INSTRUCTIONS = new Set([
  'create_auth',
  'change_auth',
  'cancel_auth',
  'reset_permanent_code',
]);

export interface SuiteCallbackDeps {
  suite: WecomSuiteConfig;
  tickets: SuiteTicketStore;
  instructions: SuiteInstructionRepository;
  secrets: SecretBox;
  logger: Logger;
  /** hands a stored instruction to a worker (a job); a lost hand-over is picked up by the sweep */
  handOver: (instructionId: string) => Promise<void>;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 40);

/** One instruction across WeCom's retries: its auth code when it has one (unique per grant), else corp and time. */
function dedupeKeyOf(fields: Record<string, string>): string {
  const type = fields.InfoType ?? '';
  if (fields.AuthCode) return `${type}:code:${sha256(fields.AuthCode)}`;
  return `${type}:${fields.AuthCorpId ?? ''}:${fields.TimeStamp ?? ''}:${sha256(JSON.stringify(fields))}`;
}

export class SuiteCallbackService {
  constructor(private d: SuiteCallbackDeps) {}

  /**
   * The admin back from WeCom's authorisation page (redirect_uri?auth_code=…&state=…): WeCom may hand the temporary
   * code here instead of pushing create_auth (an authorisation started from the provider's link), so it is taken
   * as create_auth would be — stored once under the same key (both arriving is one connection) and handed to the
   * job, which checks the State and exchanges the code with WeCom. Nothing is stored for a State no link is pending
   * under (a stray visit). True when it was taken.
   */
  async acceptRedirect(
    query: { auth_code?: string; state?: string },
    isPending: (state: string) => Promise<boolean>,
  ): Promise<boolean> {
    const { auth_code: authCode, state } = query;
    if (!authCode || !state || authCode.length > 512 || state.length > 128) return false;
    if (!(await isPending(state))) return false;
    const id = await this.d.instructions.record({
      dedupeKey: dedupeKeyOf({ InfoType: 'create_auth', AuthCode: authCode }),
      infoType: 'create_auth',
      authCodeSealed: this.d.secrets.seal(authCode),
      state,
      sentAt: new Date(),
    });
    if (id) await this.handOver(id, 'create_auth');
    return true;
  }

  private handOver(id: string, infoType: string): Promise<void> {
    return this.d
      .handOver(id)
      .catch((err: unknown) =>
        this.d.logger.warn({ err, infoType }, 'suite instruction stored, hand-over failed: the sweep takes it'),
      );
  }

  private static signed(query: SignedQuery) {
    const { msg_signature, timestamp, nonce } = query;
    if (!msg_signature || !timestamp || !nonce) throw malformed('缺少签名参数');
    return { msg_signature, timestamp, nonce };
  }

  /**
   * URL verification: the decrypted echostr. The signature (the template's Token) and the decryption (its
   * EncodingAESKey) authenticate it; the receiveid inside is not checked, because WeCom's documents differ on
   * whether it is the template's id or the provider's corp id for this request.
   */
  verifyUrl(query: SignedQuery): string {
    const { msg_signature, timestamp, nonce } = SuiteCallbackService.signed(query);
    if (!query.echostr) throw malformed('缺少 echostr');
    verifySignature(this.d.suite.token, timestamp, nonce, query.echostr, msg_signature);
    try {
      return decrypt(this.d.suite.encodingAesKey, query.echostr).message;
    } catch {
      throw malformed('无法解密');
    }
  }

  /** One instruction: verified, decrypted for the template, then stored (or, a ticket, saved) before the answer. */
  async accept(query: SignedQuery, body: string): Promise<{ infoType: string; stored: boolean }> {
    const { msg_signature, timestamp, nonce } = SuiteCallbackService.signed(query);
    const encrypted = extractEncrypt(body);
    verifySignature(this.d.suite.token, timestamp, nonce, encrypted, msg_signature);
    const fields = parseXml(decryptFor(this.d.suite.encodingAesKey, encrypted, this.d.suite.suiteId));
    const infoType = fields.InfoType ?? 'unknown';
    if (fields.SuiteId !== this.d.suite.suiteId) throw malformed('不是小二的代开发模板');
    const sentAt = Number(fields.TimeStamp) || Math.floor(Date.now() / 1000);
    if (infoType === 'suite_ticket') {
      if (!fields.SuiteTicket) throw malformed('缺少 SuiteTicket');
      const stored = await this.d.tickets.save(fields.SuiteTicket, sentAt);
      this.d.logger.debug({ stored }, 'wecom suite_ticket received');
      return { infoType, stored };
    }
    if (!AUTHORISATION_INSTRUCTIONS.has(infoType)) {
      // other instructions (e.g. contact changes pushed to the template) are not needed: acknowledged only
      this.d.logger.info({ infoType }, 'wecom suite instruction not handled');
      return { infoType, stored: false };
    }
    const id = await this.d.instructions.record({
      dedupeKey: dedupeKeyOf(fields),
      infoType,
      ...(fields.AuthCode && { authCodeSealed: this.d.secrets.seal(fields.AuthCode) }),
      ...(fields.State && { state: fields.State }),
      ...(fields.AuthCorpId && { authCorpId: fields.AuthCorpId }),
      sentAt: new Date(sentAt * 1000),
    });
    if (id) await this.handOver(id, infoType);
    this.d.logger.info({ infoType, duplicate: id === null }, 'wecom suite instruction received');
    return { infoType, stored: id !== null };
  }
}
