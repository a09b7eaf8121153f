// The shipped lexicons (asks.tsv, shop-synonyms.tsv, concepts.tsv): every line readable, every way of saying a word a
// regular expression that compiles, and words that look alike across industries kept to their own meaning.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lexiconAsks } from '../asks.js';
import { compileShopWords, readShopWords, toShopWords } from '../shop-words.js';
import { readExamples } from '../topic-classifier.js';

const file = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
const concepts = compileShopWords(readShopWords(file('concepts.tsv')));
/** A message as sentence-match.ts reads it: in the shop's words, then in everyday concepts. */
const read = (text: string) => concepts(toShopWords(text));

describe('the shipped lexicons', () => {
  it.each(['shop-synonyms.tsv', 'concepts.tsv'])('%s: each line a word and ways of saying it that compile', (name) => {
    const words = readShopWords(file(name));
    expect(words.length).toBeGreaterThan(30);
    for (const { canonical, said } of words) {
      expect(canonical, name).not.toBe('');
      expect(said.length, canonical).toBeGreaterThan(0);
      for (const s of said) expect(() => new RegExp(s), `${canonical}: ${s}`).not.toThrow();
    }
  });

  it('asks.tsv: each line an ask and a message', () => {
    for (const { label, text } of readExamples(file('asks.tsv'))) {
      expect(label).toMatch(/^[a-z_]+$/);
      expect(text).not.toBe('');
    }
  });

  it('reads 发 as 发货 only where it ships something', () => {
    expect(toShopWords('几号发')).toBe('几号发货');
    expect(toShopWords('能发到新疆吗')).toBe('能发货到新疆吗');
    expect(toShopWords('今天还发吗')).toBe('今天还发货吗');
    expect(toShopWords('蛋糕不发快递')).toBe('蛋糕不发货快递');
    expect(lexiconAsks('什么时候发')).toContain('shipping');
    for (const text of [
      '我头发刚到肩膀',
      '剪头发了吗',
      '会掉头发吗',
      '可以开发票吗',
      '会发胖吗',
      '能发个视频吗',
      '还发烧吗',
    ])
      expect(toShopWords(text), text).not.toContain('发货');
  });

  it('reads the other shop words customers use', () => {
    expect(toShopWords('能寄回去吗')).toBe('能退货吗');
    expect(toShopWords('自己过来拿可以吗')).toBe('自提可以吗');
    expect(lexiconAsks('能发个定位吗')).toContain('location');
    expect(toShopWords('猫咪退烧了吗')).not.toContain('退款');
    expect(toShopWords('卫衣会掉毛吗')).not.toContain('钻绒');
    expect(toShopWords('蛋糕能冷冻吗')).not.toContain('冷藏');
    expect(toShopWords('生日当月另外送一份')).not.toContain('外卖');
    expect(toShopWords('送餐具吗')).not.toContain('外卖');
    expect(lexiconAsks('过年歇几天')).toEqual(['closed_day']);
    expect(lexiconAsks('明天开不开')).toEqual(['hours']);
    expect(lexiconAsks('座机多少')).toEqual(['phone']);
    expect(lexiconAsks('有网吗')).toEqual(['wifi']);
    expect(lexiconAsks('要等位吗')).toEqual(['booking']);
    expect(lexiconAsks('发票能开吗')).toEqual(['invoice']);
  });

  it('meets the shop’s sentence in the customer’s everyday words', () => {
    expect(read('能在店里吃吗')).toContain('堂食');
    expect(read('能写卡片吗')).toContain('贺卡');
    expect(read('路上堵 可能晚到20分钟')).toContain('迟到');
    expect(read('换码运费谁出啊')).toContain('承担');
    expect(read('团购券和会员折扣能同时用吗')).toContain('叠加');
    expect(read('学费能分几次付吗')).toContain('分期');
    expect(read('可以花呗分3期')).toContain('分期');
    expect(read('剩下的学费咋算')).toContain('剩余');
    expect(read('酸辣粉的粉是啥做的')).toContain('材质');
    expect(read('锅要另外给钱吗')).toBe('锅要收费吗');
    expect(read('外卖锅具费15元')).toContain('收费');
    expect(read('包间最低消费800元')).not.toContain('收费');
  });

  it('keeps words that look alike in different trades apart', () => {
    expect(read('布偶猫长毛 洗一次多少')).not.toContain('变质');
    expect(read('孩子年龄偏小能学吗')).not.toContain('偏码');
    expect(read('一年后还能用吗')).not.toContain('春节');
    expect(read('有酒水吗')).not.toContain('酒精');
    expect(read('有回锅肉吗')).toContain('回锅肉');
    expect(read('名额紧张吗')).not.toContain('应激');
    expect(read('每间坐8-12人')).not.toContain('双人');
    expect(read('老师凶不凶')).not.toContain('咬人');
    expect(read('一起用餐的人多')).not.toContain('叠加');
    expect(read('材料费另算吗')).not.toContain('材质');
    expect(read('给我留言就行')).not.toContain('保留');
    expect(read('持续发烧三天')).not.toContain('保持');
    expect(read('储值卡家人可以一起用')).not.toContain('叠加');
    expect(read('小白鞋怎么洗')).not.toContain('零基础');
    expect(read('放假期间微信可以下单')).not.toContain('节假日');
    expect(read('价格按头发长度')).not.toContain('长发');
    expect(read('买多大的合适')).not.toContain('批量');
  });
});
