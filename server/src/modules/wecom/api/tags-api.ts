// Typed wrappers for corp tags.
import type { WecomCredentials } from '../wecom-app.repository.js';
import type { WecomClient } from './wecom-client.js';

export interface WecomTagGroup {
  group_id: string;
  group_name: string;
  tag: { id: string; name: string }[];
}

export class TagsApi {
  constructor(private client: WecomClient) {}

  async list(app: WecomCredentials): Promise<WecomTagGroup[]> {
    return ((await this.client.post(app, '/cgi-bin/externalcontact/get_corp_tag_list', {})).tag_group ??
      []) as WecomTagGroup[];
  }

  async add(app: WecomCredentials, groupName: string, names: string[]): Promise<WecomTagGroup> {
    return (
      await this.client.post(app, '/cgi-bin/externalcontact/add_corp_tag', {
        group_name: groupName,
        tag: names.map((name) => ({ name })),
      })
    ).tag_group as WecomTagGroup;
  }

  async mark(
    app: WecomCredentials,
    userid: string,
    externalUserId: string,
    add: string[],
    remove: string[],
  ): Promise<void> {
    await this.client.post(app, '/cgi-bin/externalcontact/mark_tag', {
      userid,
      external_userid: externalUserId,
      add_tag: add,
      remove_tag: remove,
    });
  }
}
