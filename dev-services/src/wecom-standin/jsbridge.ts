// A stand-in for the WeCom client's JS bridge (window.WeixinJSBridge), so the sidebar runs in an ordinary browser and
// in headless Chromium. `@wecom/jssdk` talks to it exactly as to the real client: preVerifyJSAPI and agentConfig are
// checked against the tickets the stand-in issued (a wrong signature or an untrusted domain fails as in WeCom), and
// every call is recorded in window.__wecomCalls for tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getJsApiSignature } from '@wecom/crypto';
import type { StandInState } from './state.js';

export interface BridgeOptions {
  /** the stand-in's base URL (signature checks go there) */
  base: string;
  corpId: string;
  /** getContext's entry: single_chat_tools, group_chat_tools, contact_profile, single_kf_tools, normal */
  entry: string;
  externalUserId?: string;
  chatId?: string;
}

/** The bridge as a script for a page (Playwright's addInitScript, or a <script> the demo page loads). */
export function bridgeScript(options: BridgeOptions): string {
  return `(${BRIDGE_SOURCE})(${JSON.stringify(options)});`;
}

// Kept as plain browser JavaScript in its own file: a compiled TS function could carry helpers the page lacks.
const BRIDGE_SOURCE = readFileSync(fileURLToPath(new URL('./jsbridge.browser.js', import.meta.url)), 'utf8')
  .trim()
  .replace(/;$/, '');

/** The check behind preVerifyJSAPI / agentConfig: the signature over a ticket we issued, for a trusted page. */
export function verifyJsApi(
  state: StandInState,
  kind: 'config' | 'agentConfig',
  url: string,
  params: Record<string, string>,
): string {
  const corpId = kind === 'config' ? params.verifyAppId : params.corpid;
  const corp = state.corp(corpId ?? '');
  if (!corp) return 'fail_invalid corpid';
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return 'fail_invalid url';
  }
  if (corp.trustedDomains && !corp.trustedDomains.includes(host)) return 'fail_invalid url domain';
  const [timestamp, nonceStr, signature] =
    kind === 'config'
      ? [params.verifyTimestamp, params.verifyNonceStr, params.verifySignature]
      : [params.timestamp, params.nonceStr, params.signature];
  const agentId = kind === 'agentConfig' ? Number(params.agentid) : undefined;
  for (const [ticket, issued] of state.jsapiTickets) {
    if (issued.corpId !== corpId || issued.agentId !== agentId || issued.expiresAt < state.now()) continue;
    if (
      getJsApiSignature({ url, ticket, nonceStr: nonceStr ?? '', timestamp: Number(timestamp) }).signature === signature
    )
      return 'ok';
  }
  return 'fail_invalid signature';
}
