import type { ConfigCheck } from '@xiaoer/common/api/wecom';
import type { CheckResult } from './config-check.service.js';
import type { JsSdkSignatures } from './jssdk.service.js';

type Signature = JsSdkSignatures['config'];
const presentSignature = (s: Signature): Signature => ({
  timestamp: s.timestamp,
  nonceStr: s.nonceStr,
  signature: s.signature,
});

/** What ww.register needs: the corp and app, and both signatures; never the tickets they were made from. */
export const presentJsSdkSignatures = (s: JsSdkSignatures): JsSdkSignatures => ({
  corpId: s.corpId,
  agentId: s.agentId,
  config: presentSignature(s.config),
  agentConfig: presentSignature(s.agentConfig),
});

/** A configuration check: what was found, and the fix when it failed. */
export const presentConfigCheck = (c: CheckResult): ConfigCheck => ({
  key: c.key,
  title: c.title,
  ok: c.ok,
  message: c.message,
  ...(c.fix ? { fix: c.fix } : {}),
});
