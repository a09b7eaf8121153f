import type { InboxHandler } from './inbox-processor.js';

/**
 * What the inbox does with each kind of event ("change_external_contact/add_external_contact", "kf_message" …). The
 * integration handles none itself: each domain module registers its own at composition, before the processor starts,
 * so the integration names no domain module. A kind registered twice is a wiring mistake, refused at boot.
 */
export class InboxHandlers {
  /** live: the processor dispatches through this record, so what is registered after it was built counts */
  readonly byKind: Record<string, InboxHandler> = {};

  register(handlers: Record<string, InboxHandler>): void {
    for (const [kind, handler] of Object.entries(handlers)) {
      if (this.byKind[kind]) throw new Error(`inbox handler for ${kind} registered twice`);
      this.byKind[kind] = handler;
    }
  }
}
