// What happens in a corp's 通讯录 while the product runs: a member joins, is renamed or given a new userid, leaves.
// WeCom tells the app with a change_contact callback (create_user / update_user / delete_user); the Name is left out
// where WeCom withholds names from the app.
import { deliverEvent, type DeliveryAttempt } from './callback-sender.js';
import { fault } from './errors.js';
import type { Member, StandInState } from './state.js';

export class MemberSimulator {
  constructor(private state: StandInState) {}

  /** A department of the corp's 通讯录 (1, the corp itself, is made on first use). */
  addsDepartment(corpId: string, id: number, name: string, parentId = 1): void {
    if (id !== 1 && !this.state.departments.has(`${corpId}:1`))
      this.state.departments.set(`${corpId}:1`, { corpId, id: 1, parentId: 0, name: corpId });
    this.state.departments.set(`${corpId}:${id}`, { corpId, id, parentId: id === 1 ? 0 : parentId, name });
  }

  private deliver(corpId: string, fields: Record<string, string | number | undefined>): Promise<DeliveryAttempt[]> {
    return deliverEvent(this.state, corpId, { Event: 'change_contact', ...fields });
  }

  /** The Name field as this corp's app receives it: absent where WeCom withholds it. */
  private nameField(corpId: string, member: Pick<Member, 'name' | 'nameHidden'>): string | undefined {
    const withheld = this.state.corp(corpId)?.apps[0]?.namesWithheld || member.nameHidden;
    return withheld ? undefined : member.name;
  }

  /** The admin adds a member (in departments the app can see, for it to hear of them). */
  joins(corpId: string, member: Omit<Member, 'corpId'>): Promise<DeliveryAttempt[]> {
    this.state.addMember(corpId, member.userid, member.name, {
      departments: member.departments,
      nameHidden: member.nameHidden,
    });
    return this.deliver(corpId, {
      ChangeType: 'create_user',
      UserID: member.userid,
      Name: this.nameField(corpId, member),
      Department: (member.departments ?? []).join(','),
    });
  }

  /** The admin renames a member, or changes their userid (WeCom allows it once). */
  changes(corpId: string, userid: string, change: { name?: string; newUserId?: string }) {
    const member = this.state.members.get(`${corpId}:${userid}`);
    if (!member) throw fault(60111, 'userid not found');
    if (change.name) member.name = change.name;
    if (change.newUserId) {
      this.state.members.delete(`${corpId}:${userid}`);
      member.userid = change.newUserId;
      this.state.members.set(`${corpId}:${change.newUserId}`, member);
    }
    return this.deliver(corpId, {
      ChangeType: 'update_user',
      UserID: userid,
      NewUserID: change.newUserId,
      Name: change.name ? this.nameField(corpId, member) : undefined,
    });
  }

  /** The admin removes a member from the corp. */
  leaves(corpId: string, userid: string): Promise<DeliveryAttempt[]> {
    if (!this.state.members.delete(`${corpId}:${userid}`)) throw fault(60111, 'userid not found');
    return this.deliver(corpId, { ChangeType: 'delete_user', UserID: userid });
  }
}
