// A supposing word beside a report of what happened, or a threat to take it further, keeps the message a person's:
// only a case put in advance is answered with the after-sales rule alone. The body reacting after a service is a
// person's when it happened, a question when asked in advance.
import { describe, expect, it } from 'vitest';
import { detectRisk } from './risk.js';

describe('a real complaint with a supposing word is still a complaint', () => {
  it('keeps 投诉 / 12315 / 差评 complaints with 的话 or 要是 a complaint', () => {
    expect(detectRisk('面里吃出头发了，你们怎么处理？不处理的话我就投诉', '餐饮')).toBe('complaint');
    expect(detectRisk('吃出虫子了！要是不给个处理我就打12315，怎么处理', '餐饮')).toBe('complaint');
    expect(detectRisk('我买的蛋糕压坏了 怎么处理 不行的话差评', '餐饮')).toBe('complaint');
  });

  it('keeps a problem that already happened an incident (a person follows up)', () => {
    // without "要是…的话" this is 'incident'; the particle alone must not drop the follow-up
    expect(detectRisk('昨天收到的蜂蜜碎了两瓶，怎么换', '零售')).toBe('incident');
    expect(detectRisk('昨天收到的蜂蜜碎了两瓶，要是能换的话怎么换', '零售')).toBe('incident');
  });
});

describe('a case put in advance after a word of when', () => {
  it('is a question for the after-sales rule, not a complaint', () => {
    expect(detectRisk('洗完要是不满意咋办', '本地服务')).toBe('problem');
    expect(detectRisk('收到后如果坏了怎么处理', '零售')).toBe('problem');
    // a report first, then the supposing: what happened is a person's
    expect(detectRisk('洗完毛都打结了，要是不处理我就差评', '本地服务')).toBe('complaint');
  });
});

describe('the body reacting after a service or a meal', () => {
  it('is a person’s when it happened, however it is asked', () => {
    expect(detectRisk('昨天做完睫毛 今天眼睛又红又痒还有点肿 怎么办啊', '本地服务')).toBe('complaint');
    expect(detectRisk('上次在你们这刮脸 回去脸上起了一片红疹子 是不是刀片不干净', '本地服务')).toBe('complaint');
    expect(detectRisk('染完头皮一直刺痛 会留疤吗', '本地服务')).toBe('complaint');
    // a question after the report keeps it a report
    expect(detectRisk('昨天做完睫毛今天眼睛红肿 会不会是胶水过敏', '本地服务')).toBe('complaint');
    expect(detectRisk('做完眼睛又红又痒 会是什么原因', '本地服务')).toBe('complaint');
    expect(detectRisk('做完眼睛肿了 有没有事啊', '本地服务')).toBe('complaint');
  });

  it('is a question when asked in advance', () => {
    expect(detectRisk('做完会痒吗', '本地服务')).toBeUndefined();
    expect(detectRisk('接完睫毛会不会肿', '本地服务')).toBeUndefined();
    // a product for it, or a word of what is sold, reports nothing
    expect(detectRisk('头皮发痒用哪款洗发水', '零售')).toBeUndefined();
    expect(detectRisk('红红的那种苹果多少钱', '零售')).toBeUndefined();
    expect(detectRisk('火辣辣的鸡翅还有吗', '餐饮')).toBeUndefined();
    expect(detectRisk('今天头皮发痒用哪款洗发水', '零售')).toBeUndefined();
    expect(detectRisk('狗狗洗完澡一直痒 有推荐的沐浴露吗', '零售')).toBeUndefined();
    expect(detectRisk('吃完火锅嗓子发炎 有凉茶吗', '餐饮')).toBeUndefined();
    expect(detectRisk('刚好嗓子发炎 能喝冰的吗', '餐饮')).toBeUndefined();
  });
});
