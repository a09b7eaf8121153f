// The merchant's LLM endpoint is a URL the merchant typed, so it goes through the outbound guard twice: when saved
// (the owner hears at once why it cannot be used) and on every connection the SDK makes (a name that resolves
// elsewhere later, or a setting stored before these checks, still reaches no private address).
import { AppError } from '../../errors/app-error.js';
import { blockedCause, refusalMessage, type OutboundGuard } from '../../net/outbound-guard.js';

/** A completion is a few KB; a streamed one somewhat more. Anything near this is not an answer we can use. */
export const LLM_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

export async function checkLlmBaseUrl(outbound: OutboundGuard, baseUrl: string): Promise<void> {
  try {
    await outbound.vet(baseUrl);
  } catch (err) {
    const blocked = blockedCause(err);
    if (!blocked) throw err;
    const message = refusalMessage(blocked, '接口地址');
    throw new AppError('validation_failed', { message, fields: { baseUrl: message } });
  }
}

/** The fetch the openai SDK uses: pinned to checked addresses, no redirects, the response capped. */
export const llmFetch = (outbound: OutboundGuard) => outbound.fetcher({ maxBytes: LLM_MAX_RESPONSE_BYTES });
