import type { CorpTagGroupDto } from '@xiaoer/common/schemas/sidebar';

/** A tag group for the picker: its name and its tags' names; no WeCom tag ids. */
export const presentTagGroup = (g: CorpTagGroupDto): CorpTagGroupDto => ({ groupName: g.groupName, tags: [...g.tags] });
