// WeCom's change_contact events for members of the app's visible range (registered with the integration's inbox at
// composition): a new member becomes staff, a renamed one (or one given a new userid) follows, a removed one is
// deactivated and their sessions end. Each step is idempotent, so a redelivery or a retry changes nothing more.
import type { InboxContext, InboxHandler, InboxOutcome } from '../wecom/inbox/inbox-processor.js';
import { givenName } from '../wecom/api/directory-api.js';
import { WECOM_DIRECTORY_ACTOR, type StaffAudit } from './staff-audit.js';
import type { StaffRepository } from './staff.repository.js';

export interface StaffEventDeps {
  staff: StaffRepository;
  audit: StaffAudit;
  /** ends every session the member holds (a removed member is out at once, not when their token runs out) */
  endSessions: (merchantId: InboxContext['app']['merchantId'], staffId: string) => Promise<void>;
}

export function staffEventHandlers(d: StaffEventDeps): Record<string, InboxHandler> {
  const audited = (ctx: InboxContext, action: string, target: string) =>
    ctx.once(`audit:${action}`, () =>
      d.audit.record(ctx.app.merchantId, { actor: WECOM_DIRECTORY_ACTOR, action, target }),
    );
  return {
    'change_contact/create_user': async (ctx): Promise<InboxOutcome> => {
      const { UserID, Name } = ctx.event.payload;
      if (!UserID) return { skipped: 'no UserID' };
      const outcome = await d.staff.upsertFromDirectory(ctx.app.merchantId, UserID, givenName(UserID, Name));
      if (outcome === 'created') await audited(ctx, 'staff.joined', UserID);
      return { outcome };
    },
    'change_contact/update_user': async (ctx): Promise<InboxOutcome> => {
      const { UserID, NewUserID, Name } = ctx.event.payload;
      if (!UserID) return { skipped: 'no UserID' };
      let userid = UserID;
      if (NewUserID && NewUserID !== UserID) {
        // a retry after the rename finds the member under the new userid already
        if (await d.staff.renameWecomUserId(ctx.app.merchantId, UserID, NewUserID))
          await audited(ctx, 'staff.userid_changed', NewUserID);
        userid = NewUserID;
      }
      const name = givenName(userid, Name);
      if (!name) return { renamed: userid !== UserID };
      // an update for a member we do not hold yet (outside the range at the last sync) brings them in
      const outcome = await d.staff.upsertFromDirectory(ctx.app.merchantId, userid, name);
      return { outcome };
    },
    'change_contact/delete_user': async (ctx): Promise<InboxOutcome> => {
      const { UserID } = ctx.event.payload;
      if (!UserID) return { skipped: 'no UserID' };
      const removed = await d.staff.deactivateByWecomUserId(ctx.app.merchantId, UserID);
      const member = removed ?? (await d.staff.findByWecomUserId(ctx.app.merchantId, UserID));
      if (!member) return { skipped: 'unknown member' };
      // ended on a retry too: the deactivation may have happened in a try that failed before this
      await d.endSessions(ctx.app.merchantId, member._id.toHexString());
      if (removed) await audited(ctx, 'staff.removed', UserID);
      return { deactivated: Boolean(removed) };
    },
  };
}
