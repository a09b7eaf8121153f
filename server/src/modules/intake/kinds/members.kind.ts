// The shop's member list (the existing customers it had before Xiaoer): each member is matched to a customer by
// phone, then member number, else kept as a customer who is not yet a WeCom contact. Orders, appointments,
// attendance and cards that name the same phone or member number then find that customer (the intake matches every
// kind the same way). The card balance becomes the member's stored-value card, which the balance reminder reads.
import { memberSchema, type MemberIntake } from '@xiaoer/common/schemas/shop-data';
import type { CustomerRepository } from '../../customers/customer.repository.js';
import type { MemberCardRepository } from '../../shop-data/member-card.repository.js';
import { defineKind, type StoreOutcome } from '../intake-kind.js';
import { dateCell, defined, numberCell, yuanCell } from '../sheet-cells.js';

const MONTH_DAY = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** "1990/5/12" → "1990-05-12"; only month and day ("5月12日", "05-12") → "1900-05-12"; anything else as written. */
export function birthdayCell(cell: string | undefined): string | undefined {
  const text = cell?.trim();
  if (!text) return undefined;
  const md = MONTH_DAY.exec(text);
  if (md) return `1900-${md[1]!.padStart(2, '0')}-${md[2]!.padStart(2, '0')}`;
  return dateCell(text);
}

export const membersKind = (customers: CustomerRepository, cards: MemberCardRepository) =>
  defineKind<MemberIntake>({
    name: 'members',
    schema: memberSchema,
    async store(ctx, member) {
      const matchedId = await ctx.match({ phone: member.phone, memberNo: member.memberNo });
      const saved = await customers.importMember(ctx.merchantId, matchedId, member, ctx.dryRun);
      let result: StoreOutcome['result'] = saved.result;
      if (member.balance !== undefined) {
        // the card's stored timestamps change on every write: compare what the list says instead
        const before = await cards.findByNumber(ctx.merchantId, member.externalId);
        await cards.store(
          ctx.merchantId,
          {
            externalId: member.externalId,
            cardName: '会员卡',
            balance: member.balance,
            ...(saved.customerId ? { customerId: saved.customerId } : {}),
          },
          ctx.dryRun,
        );
        const cardChanged =
          before?.balance !== member.balance || String(before?.customerId) !== String(saved.customerId);
        if (result === 'unchanged' && cardChanged) result = 'updated';
      }
      return { result };
    },
    sheet: {
      headers: {
        姓名: 'name',
        会员姓名: 'name',
        顾客姓名: 'name',
        客户姓名: 'name',
        名字: 'name',
        手机: 'phone',
        手机号: 'phone',
        手机号码: 'phone',
        电话: 'phone',
        联系电话: 'phone',
        会员号: 'memberNo',
        会员编号: 'memberNo',
        会员卡号: 'memberNo',
        卡号: 'memberNo',
        生日: 'birthday',
        出生日期: 'birthday',
        余额: 'balance',
        储值余额: 'balance',
        卡内余额: 'balance',
        会员卡余额: 'balance',
        积分: 'points',
        可用积分: 'points',
        剩余积分: 'points',
      },
      required: { field: 'name', name: '姓名' },
      fromRow: (raw) => {
        const phone = raw.phone?.replace(/[\s-]/g, '');
        const memberNo = raw.memberNo?.trim();
        return defined({
          externalId: memberNo || phone || '',
          name: raw.name ?? '',
          phone,
          memberNo,
          birthday: birthdayCell(raw.birthday),
          balance: raw.balance ? yuanCell(raw.balance) : undefined,
          points: numberCell(raw.points),
        });
      },
    },
  });
