// The members of the app's visible range (可见范围), as an app may read them. user/list_id answers only the
// 通讯录同步 secret, so an app reads its range from agent/get — members named one by one, departments and 通讯录 tags
// (tag/get: their members and departments) — and walks
// each department (with its sub-departments, department/simplelist) with user/simplelist; members named one by one
// are read with user/get. Where WeCom withholds names (third-party apps; 代开发 apps the admin has not authorised),
// it answers the userid in the name's place or no name at all: that member's name is `undefined` here.
import type { WecomCredentials } from '../wecom-app.repository.js';
import type { WecomClient } from './wecom-client.js';

export interface DirectoryMember {
  userid: string;
  /** undefined where WeCom withheld it */
  name?: string;
}

type AgentRange = {
  allow_userinfos?: { user?: { userid: string }[] };
  allow_partys?: { partyid?: number[] };
  allow_tags?: { tagid?: number[] };
};

/** A name WeCom actually gave: not missing, not the userid standing in for it. */
export const givenName = (userid: string, name: unknown): string | undefined =>
  typeof name === 'string' && name.trim() && name !== userid ? name.trim() : undefined;

export class DirectoryApi {
  constructor(private client: WecomClient) {}

  /** The app's visible range: members named one by one and departments. */
  async visibleRange(app: WecomCredentials): Promise<{ userids: string[]; departmentIds: number[]; tagIds: number[] }> {
    const res = await this.client.get<AgentRange>(app, '/cgi-bin/agent/get', { agentid: String(app.agentId) });
    return {
      userids: (res.allow_userinfos?.user ?? []).map((u) => u.userid),
      departmentIds: res.allow_partys?.partyid ?? [],
      tagIds: res.allow_tags?.tagid ?? [],
    };
  }

  /** A 通讯录 tag in the range: the members and the departments it names. */
  async tagMembers(
    app: WecomCredentials,
    tagId: number,
  ): Promise<{ members: DirectoryMember[]; departmentIds: number[] }> {
    const res = await this.client.get<{ userlist?: { userid: string; name?: string }[]; partylist?: number[] }>(
      app,
      '/cgi-bin/tag/get',
      { tagid: String(tagId) },
    );
    return {
      members: (res.userlist ?? []).map((u) => ({ userid: u.userid, name: givenName(u.userid, u.name) })),
      departmentIds: res.partylist ?? [],
    };
  }

  /** The department and every department under it. */
  async departmentTree(app: WecomCredentials, id: number): Promise<number[]> {
    const res = await this.client.get<{ department_id?: { id: number }[] }>(app, '/cgi-bin/department/simplelist', {
      id: String(id),
    });
    return (res.department_id ?? []).map((d) => d.id);
  }

  /** The members directly in one department. */
  async departmentMembers(app: WecomCredentials, departmentId: number): Promise<DirectoryMember[]> {
    const res = await this.client.get<{ userlist?: { userid: string; name?: string }[] }>(
      app,
      '/cgi-bin/user/simplelist',
      { department_id: String(departmentId) },
    );
    return (res.userlist ?? []).map((u) => ({ userid: u.userid, name: givenName(u.userid, u.name) }));
  }

  /** One member. */
  async member(app: WecomCredentials, userid: string): Promise<DirectoryMember> {
    const res = await this.client.get<{ userid: string; name?: string }>(app, '/cgi-bin/user/get', { userid });
    return { userid: res.userid, name: givenName(res.userid, res.name) };
  }
}
