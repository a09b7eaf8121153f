import { groupPostDtoSchema } from '@xiaoer/common/schemas/group-post';
import type { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { presentGroupPost } from './group-post.presenter.js';
import type { GroupPostRecord } from './group-post.repository.js';

// (no mongoose values outside models and repositories: the presenter only reads an id's hex form)
let next = 0;
const objectId = () => {
  const hex = (++next).toString(16).padStart(24, '0');
  return { toHexString: () => hex } as Types.ObjectId;
};
const at = new Date('2026-11-23T03:00:00Z');
const record = (over: Partial<GroupPostRecord> = {}): GroupPostRecord => ({
  _id: objectId(),
  merchantId: objectId(),
  chatId: 'wrChat1',
  date: '2026-11-23',
  at: '11:00',
  kind: 'useful',
  topic: 'new_item',
  title: '周一上新',
  text: '本周新品：杨枝甘露 18元',
  citedIds: ['product:1'],
  status: 'pending',
  audit: [{ at, by: 'system', action: 'drafted' }],
  createdAt: at,
  updatedAt: at,
  ...over,
});

describe('presentGroupPost', () => {
  it('gives the id as a string and leaves the tenant, version and audit trail behind', () => {
    const r = record();
    const dto = presentGroupPost({ ...r, __v: 0 } as GroupPostRecord);
    expect(dto.id).toBe(r._id.toHexString());
    for (const internal of ['_id', 'merchantId', '__v', 'audit']) expect(dto).not.toHaveProperty(internal);
    expect(groupPostDtoSchema.strict().parse(dto)).toEqual(dto);
  });

  it('names the group-send task and the error as strings, only when there are some', () => {
    const task = objectId();
    expect(presentGroupPost(record({ status: 'sent', groupSendId: task })).groupSendId).toBe(task.toHexString());
    expect(presentGroupPost(record({ status: 'failed', error: '企业微信暂时不可用' }))).toMatchObject({
      status: 'failed',
      error: '企业微信暂时不可用',
    });
    expect(presentGroupPost(record())).not.toHaveProperty('error');
    expect(presentGroupPost(record())).not.toHaveProperty('groupSendId');
  });

  it('tells the owner’s review how many of the group’s members opted out, only when it was asked', () => {
    expect(presentGroupPost(record(), 2).optedOutMembers).toBe(2);
    expect(presentGroupPost(record(), 0).optedOutMembers).toBe(0);
    expect(presentGroupPost(record())).not.toHaveProperty('optedOutMembers');
    expect(groupPostDtoSchema.strict().parse(presentGroupPost(record(), 1))).toMatchObject({ optedOutMembers: 1 });
  });
});
