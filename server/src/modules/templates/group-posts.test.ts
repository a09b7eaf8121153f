// Every industry's group-calendar texts state only what their source record backs: outside the placeholders its
// source fills, a text says no number, price, discount, gift, stock or slot, novelty, colour or taste, and no check
// done — and the interaction it invites is one the parser reads.
import { CALENDAR_TOPICS, GROUP_CALENDARS, type CalendarTopic } from '@xiaoer/common/constants/groups';
import { INDUSTRIES } from '@xiaoer/common/constants/industries';
import { describe, expect, it } from 'vitest';
import { parseInteraction } from '../groups/interaction-parser.js';
import { GROUP_CARE } from '../weather/weather-signals.js';
import {
  GROUP_POST_PLACEHOLDERS,
  GROUP_POST_SOURCES,
  type GroupPostSource,
  type GroupPostText,
} from './industry-template.js';
import { INDUSTRY_KNOWLEDGE } from './templates.js';

const PRODUCT: GroupPostSource[] = ['new_product', 'stocked_product', 'popular_product'];
/** A kind of fact, and the sources whose record backs it (none: no fixed text may state it). */
const FACTS: { name: string; pattern: RegExp; backedBy: GroupPostSource[] }[] = [
  { name: 'a number', pattern: /\d/, backedBy: [] },
  { name: 'a price', pattern: /[¥￥]|元(?!旦)/, backedBy: PRODUCT },
  { name: 'a percentage', pattern: /%|％/, backedBy: ['attendance'] },
  { name: 'a discount', pattern: /[折扣]|优惠|半价|立减|特价|满减|专属价/, backedBy: [] },
  { name: 'a gift', pattern: /免费|赠|送您|礼品|礼物|小心意|福利/, backedBy: [] },
  { name: 'stock on hand', pattern: /有货|现货|备得足|充足|库存|仅剩/, backedBy: ['stocked_product'] },
  { name: 'free slots', pattern: /空档|空位|名额|还能约/, backedBy: [] },
  { name: 'something new', pattern: /新品|新款|上新|新项目|新课程|新到/, backedBy: ['new_product'] },
  { name: 'a colour or taste', pattern: /[红橙黄绿青蓝紫粉黑白灰]色|果香|奶香|口味是/, backedBy: [] },
  { name: 'a check done', pattern: /自查|已完成|已检查|检查过|消毒过|已消毒/, backedBy: ['self_check'] },
  { name: 'a time', pattern: /今晚|明晚|[点時]\s*开始|\d点/, backedBy: [] },
  { name: 'a guarantee', pattern: /保证|一定|绝对|百分百|承诺|最好|第一/, backedBy: [] },
];
const PLACEHOLDER = /\{[^}]+\}/g;
const INVITED = /「([^」]+)」/g;

/** What a text states of its own, and the placeholders it uses that its source does not fill. */
function check({ source, text }: GroupPostText) {
  const allowed = new Set<string>([...GROUP_POST_PLACEHOLDERS, ...GROUP_POST_SOURCES[source]]);
  const literal = text.replace(PLACEHOLDER, '');
  return {
    unbacked: FACTS.filter((f) => f.pattern.test(literal) && !f.backedBy.includes(source)).map((f) => f.name),
    unfilled: (text.match(PLACEHOLDER) ?? []).filter((p) => !allowed.has(p)),
  };
}

describe.each(INDUSTRIES)('the %s group posts', (industry) => {
  const posts = Object.entries(INDUSTRY_KNOWLEDGE[industry].groupPosts) as [CalendarTopic, GroupPostText][];

  it('cover the topics of the industry’s own calendar', () => {
    expect(posts.length).toBeGreaterThanOrEqual(4);
    for (const [topic] of posts) expect(CALENDAR_TOPICS).toHaveProperty(topic);
  });

  it.each(posts)('%s states nothing its source record does not back', (_topic, post) => {
    expect(check(post)).toEqual({ unbacked: [], unfilled: [] });
  });

  it('are headed by calendar titles that promise nothing their post does not back', () => {
    // a title's weekday and hour are the calendar's own schedule; any other fact needs the topic's record
    const schedule = new Set(['a number', 'a time']);
    for (const slots of Object.values(GROUP_CALENDARS[industry]))
      for (const slot of slots ?? []) {
        const source = INDUSTRY_KNOWLEDGE[industry].groupPosts[slot.topic as CalendarTopic]?.source ?? 'none';
        const { unbacked } = check({ source, text: slot.title });
        expect(
          unbacked.filter((f) => !schedule.has(f)),
          slot.title,
        ).toEqual([]);
      }
  });

  it('send weather care that states nothing but the forecast', () => {
    for (const [signal, text] of Object.entries(GROUP_CARE[industry]))
      expect(check({ source: 'none', text }).unbacked, signal).toEqual([]);
  });

  it('invite only replies the interaction parser reads', () => {
    for (const [topic, post] of posts)
      for (const [, format] of post.text.matchAll(INVITED))
        expect(parseInteraction(format!), `${topic}: 「${format}」`).not.toBeNull();
  });
});

describe('the check itself', () => {
  it('catches the texts issue 18 found, and passes the same facts from their records', () => {
    expect(
      check({ source: 'none', text: '【{标题}】本周门店自查已完成：原料效期、冷藏温度都已检查记录～' }).unbacked,
    ).toEqual(['a check done']);
    expect(check({ source: 'none', text: '下周新品先卖个关子：颜色是粉色的，带一点果香。' }).unbacked).toEqual([
      'something new',
      'a colour or taste',
    ]);
    expect(check({ source: 'none', text: '这几天还有空档，生日这周来店里，我们准备了一份小心意～' }).unbacked).toEqual([
      'a gift',
      'free slots',
    ]);
    expect(check({ source: 'new_product', text: '新品{商品}，{价格}元。{特点}' })).toEqual({
      unbacked: [],
      unfilled: [],
    });
    expect(check({ source: 'none', text: '{商品}今天{价格}元' })).toEqual({
      unbacked: ['a price'],
      unfilled: ['{商品}', '{价格}'],
    });
  });
});
