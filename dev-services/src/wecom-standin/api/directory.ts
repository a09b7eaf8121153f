// 通讯录 as an app reads it: only within the app's 可见范围 (60011 outside it), with the names WeCom withholds from
// some apps answered by the userid in their place. user/list_id is for the 通讯录同步 secret only, so an app reads
// its visible range from agent/get and walks it with department/simplelist, user/simplelist and user/get.
import { fault } from '../errors.js';
import type { App, Member, StandInState } from '../state.js';
import type { ApiRoute } from './types.js';

const appOf = (state: StandInState, corpId: string, agentId: number): App =>
  state.corp(corpId)!.apps.find((a) => a.agentId === agentId)!;

/** The department and every department under it. */
export function departmentTree(state: StandInState, corpId: string, root: number): number[] {
  const all = [...state.departments.values()].filter((d) => d.corpId === corpId);
  const ids = [root];
  for (let i = 0; i < ids.length; i++) for (const d of all) if (d.parentId === ids[i]) ids.push(d.id);
  return ids;
}

/** The app's visible range as agent/get reports it: the members, departments and tags it was given. */
export function visibleRange(state: StandInState, corpId: string, app: App) {
  const everyone = !app.visibleUsers && !app.visibleParties && !app.visibleTags;
  const users = everyone
    ? [...state.members.values()].filter((m) => m.corpId === corpId).map((m) => m.userid)
    : (app.visibleUsers ?? []);
  return { users, parties: app.visibleParties ?? [], tags: app.visibleTags ?? [] };
}

const tagsOf = (state: StandInState, corpId: string, app: App) =>
  visibleRange(state, corpId, app).tags.map(
    (t) => state.memberTags.get(`${corpId}:${t}`) ?? { users: [], parties: [] },
  );

const visibleDepartments = (state: StandInState, corpId: string, app: App) =>
  new Set(
    [...visibleRange(state, corpId, app).parties, ...tagsOf(state, corpId, app).flatMap((t) => t.parties)].flatMap(
      (p) => departmentTree(state, corpId, p),
    ),
  );

function canSee(state: StandInState, corpId: string, app: App, member: Member): boolean {
  if (visibleRange(state, corpId, app).users.includes(member.userid)) return true;
  if (tagsOf(state, corpId, app).some((t) => t.users.includes(member.userid))) return true;
  const departments = visibleDepartments(state, corpId, app);
  return (member.departments ?? []).some((d) => departments.has(d));
}

/** What WeCom shows this app as the member's name: the userid where it withholds the name. */
const nameFor = (app: App, m: Member) => (app.namesWithheld || m.nameHidden ? m.userid : m.name);

export const directoryRoutes: Record<string, ApiRoute> = {
  'GET /cgi-bin/department/simplelist': {
    handler: ({ state, corpId, agentId, query }) => {
      const id = Number(query.get('id') ?? 1);
      if (!state.departments.has(`${corpId}:${id}`)) throw fault(60123, 'invalid party id');
      if (!visibleDepartments(state, corpId, appOf(state, corpId, agentId)).has(id))
        throw fault(60011, 'no privilege to access/modify contact/party/agent');
      return {
        department_id: departmentTree(state, corpId, id).map((d) => ({
          id: d,
          parentid: state.departments.get(`${corpId}:${d}`)!.parentId,
          order: 0,
        })),
      };
    },
  },
  'GET /cgi-bin/user/simplelist': {
    handler: ({ state, corpId, agentId, query }) => {
      const id = Number(query.get('department_id'));
      if (!state.departments.has(`${corpId}:${id}`)) throw fault(60123, 'invalid party id');
      const app = appOf(state, corpId, agentId);
      if (!visibleDepartments(state, corpId, app).has(id))
        throw fault(60011, 'no privilege to access/modify contact/party/agent');
      return {
        userlist: [...state.members.values()]
          .filter((m) => m.corpId === corpId && (m.departments ?? []).includes(id))
          .map((m) => ({ userid: m.userid, name: nameFor(app, m), department: m.departments ?? [] })),
      };
    },
  },
  'GET /cgi-bin/tag/get': {
    handler: ({ state, corpId, agentId, query }) => {
      const tagId = Number(query.get('tagid'));
      const tag = state.memberTags.get(`${corpId}:${tagId}`);
      if (!tag) throw fault(40068, 'invalid tagid');
      const app = appOf(state, corpId, agentId);
      if (!visibleRange(state, corpId, app).tags.includes(tagId))
        throw fault(60011, 'no privilege to access/modify contact/party/agent');
      return {
        tagname: `标签${tagId}`,
        userlist: tag.users.flatMap((u) => {
          const m = state.members.get(`${corpId}:${u}`);
          return m ? [{ userid: m.userid, name: nameFor(app, m) }] : [];
        }),
        partylist: tag.parties,
      };
    },
  },
  'GET /cgi-bin/user/get': {
    handler: ({ state, corpId, agentId, query }) => {
      const member = state.members.get(`${corpId}:${query.get('userid') ?? ''}`);
      if (!member) throw fault(60111, 'userid not found');
      const app = appOf(state, corpId, agentId);
      if (!canSee(state, corpId, app, member)) throw fault(60011, 'no privilege to access/modify contact/party/agent');
      return { userid: member.userid, name: nameFor(app, member), department: member.departments ?? [], status: 1 };
    },
  },
};
