// Corp tags (企业客户标签): list, add, edit, delete, and marking them on a customer.
import { fault } from '../errors.js';
import type { StandInState, TagGroup } from '../state.js';
import type { ApiRoute } from './types.js';

const MAX_TAGS = 3000;
const groupsOf = (state: StandInState, corpId: string): TagGroup[] => {
  let groups = state.tagGroups.get(corpId);
  if (!groups) state.tagGroups.set(corpId, (groups = []));
  return groups;
};
const present = (g: TagGroup) => ({
  group_id: g.groupId,
  group_name: g.groupName,
  create_time: 0,
  order: g.order,
  tag: g.tags.map((t) => ({ id: t.id, name: t.name, create_time: t.createTime, order: t.order })),
});

export const tagRoutes: Record<string, ApiRoute> = {
  'POST /cgi-bin/externalcontact/get_corp_tag_list': {
    handler: ({ state, corpId, body }) => {
      const groups = groupsOf(state, corpId);
      const tagIds: string[] = body.tag_id ?? [];
      const groupIds: string[] = body.group_id ?? [];
      const chosen = groups
        .filter((g) => !groupIds.length || groupIds.includes(g.groupId))
        .map((g) => ({ ...g, tags: g.tags.filter((t) => !tagIds.length || tagIds.includes(t.id)) }))
        .filter((g) => !tagIds.length || g.tags.length);
      return { tag_group: chosen.map(present) };
    },
  },
  'POST /cgi-bin/externalcontact/add_corp_tag': {
    handler: ({ state, corpId, body }) => {
      const groups = groupsOf(state, corpId);
      const names: { name: string }[] = body.tag ?? [];
      if (!names.length) throw fault(40058, 'tag is empty');
      if (groups.flatMap((g) => g.tags).length + names.length > MAX_TAGS) throw fault(41069, 'tag count exceed limit');
      let group = groups.find(
        (g) => g.groupId === body.group_id || (!body.group_id && g.groupName === body.group_name),
      );
      if (!group) {
        if (body.group_id) throw fault(40068, 'invalid tag group id');
        group = { groupId: state.id('etg', 8), groupName: String(body.group_name ?? '默认'), order: 0, tags: [] };
        groups.push(group);
      }
      for (const { name } of names) {
        if (!name || name.length > 30) throw fault(40071, 'invalid tag name');
        if (group.tags.some((t) => t.name === name)) throw fault(40071, 'tag name already exists');
        group.tags.push({ id: state.id('et', 10), name, order: 0, createTime: Math.floor(state.now() / 1000) });
      }
      return { tag_group: present(group) };
    },
  },
  'POST /cgi-bin/externalcontact/edit_corp_tag': {
    handler: ({ state, corpId, body }) => {
      const groups = groupsOf(state, corpId);
      const tag = groups.flatMap((g) => g.tags).find((t) => t.id === body.id);
      const group = groups.find((g) => g.groupId === body.id);
      if (!tag && !group) throw fault(40068, 'invalid tagid');
      if (tag && body.name) tag.name = String(body.name);
      if (group && body.name) group.groupName = String(body.name);
      return {};
    },
  },
  'POST /cgi-bin/externalcontact/del_corp_tag': {
    handler: ({ state, corpId, body }) => {
      const groups = groupsOf(state, corpId);
      const tagIds: string[] = body.tag_id ?? [];
      const groupIds: string[] = body.group_id ?? [];
      for (const g of groups) g.tags = g.tags.filter((t) => !tagIds.includes(t.id));
      state.tagGroups.set(
        corpId,
        groups.filter((g) => !groupIds.includes(g.groupId) && g.tags.length),
      );
      for (const c of state.contacts.values())
        for (const f of c.followers.values()) f.tagIds = f.tagIds.filter((id) => !tagIds.includes(id));
      return {};
    },
  },
  'POST /cgi-bin/externalcontact/mark_tag': {
    handler: ({ state, corpId, body }) => {
      const contact = state.contacts.get(String(body.external_userid ?? ''));
      if (!contact) throw fault(40096, 'invalid external userid');
      const follow = contact.followers.get(String(body.userid ?? ''));
      if (!follow) throw fault(84061, 'not external contact');
      const known = new Set(groupsOf(state, corpId).flatMap((g) => g.tags.map((t) => t.id)));
      const add: string[] = body.add_tag ?? [];
      const remove: string[] = body.remove_tag ?? [];
      if (!add.length && !remove.length) throw fault(40058, 'add_tag and remove_tag are empty');
      for (const id of [...add, ...remove]) if (!known.has(id)) throw fault(40068, 'invalid tagid');
      follow.tagIds = [...new Set([...follow.tagIds.filter((id) => !remove.includes(id)), ...add])];
      return {};
    },
  },
};
