import { shopInputSchema } from '@xiaoer/common/schemas/merchant';
import type { MerchantDto } from '@xiaoer/common/schemas/merchant';
import { ApiError } from '@xiaoer/common/errors';
import { describe, expect, it } from 'vitest';
import { checkForm, errorsOf } from './form-check';
import { businessGaps, doneCount, nextStep, setupSteps, type SetupSources } from './setup-steps';

const merchant = (over: Partial<MerchantDto> = {}): MerchantDto => ({
  id: 'm1',
  name: '茶语时光',
  industry: '餐饮',
  timezone: 'Asia/Shanghai',
  businessHours: [],
  holidays: [],
  autoReply: { mode: 'after_hours' },
  shops: [],
  facts: [],
  ...over,
});
const SHOP = { id: 's1', name: '春熙路店', address: '成都市锦江区春熙路 88 号', phone: '028-12345678' };
const weekdays = (...days: number[]) => days.map((weekday) => ({ weekday, open: '09:00', close: '21:00' }));
const fresh: SetupSources = {
  merchant: merchant(),
  wecom: [{ key: 'app', title: '企业微信应用', ok: false, message: '还没有填写企业微信应用信息', fix: '去填写' }],
  staff: [
    {
      id: 'o',
      name: '老板',
      role: 'owner',
      wecomUserId: '~setup-owner',
      shopIds: [],
      nameMissing: false,
      miniProgramBound: false,
    },
  ],
  knowledge: { products: 0, faqs: 0, policies: 0 },
  customers: false,
};
const stateOf = (sources: SetupSources) => Object.fromEntries(setupSteps(sources).map((s) => [s.key, s.state]));

describe('the setup checklist', () => {
  it('lists the six steps in order, a new merchant at the first one', () => {
    const steps = setupSteps(fresh);
    expect(steps.map((s) => s.title)).toEqual([
      '店铺信息',
      '连接企业微信',
      '员工',
      '知识库和菜单',
      '老顾客',
      '测试并开始营业',
    ]);
    expect(steps.map((s) => s.state)).toEqual(['todo', 'todo', 'todo', 'todo', 'todo', 'later']);
    expect(nextStep(steps)?.key).toBe('business');
    expect(doneCount(steps)).toBe(0);
    expect(steps[0]!.fix).toBe('还需要：添加至少一家门店；设置营业时间');
  });

  it('marks the business done once every shop has address and phone and the hours are set', () => {
    const started = merchant({ shops: [{ id: 's2', name: '总店' }], businessHours: weekdays(1, 2) });
    expect(businessGaps(started)).toEqual(['补上「总店」的地址和电话']);
    expect(stateOf({ ...fresh, merchant: started }).business).toBe('attention');
    const done = merchant({ shops: [SHOP], businessHours: weekdays(1, 2, 3, 4, 5, 6) });
    const [business] = setupSteps({ ...fresh, merchant: done });
    expect(business).toMatchObject({ state: 'done', detail: '茶语时光 · 餐饮 · 1 家门店 · 每周休息 1 天' });
    expect(nextStep(setupSteps({ ...fresh, merchant: done }))?.key).toBe('wecom'); // resumes at the next step
  });

  it('reads WeCom from the live check: not connected, connected with a fault to fix, all passing', () => {
    const connected = { key: 'app', title: '企业微信应用', ok: true, message: '已接入' };
    const fault = {
      key: 'contact',
      title: '客户联系权限',
      ok: false,
      message: '没有客户联系权限',
      fix: '在管理后台开启',
    };
    const [, withFault] = setupSteps({ ...fresh, wecom: [connected, fault] });
    expect(withFault).toMatchObject({
      state: 'attention',
      detail: '客户联系权限：没有客户联系权限',
      fix: '在管理后台开启',
    });
    expect(stateOf({ ...fresh, wecom: [connected] }).wecom).toBe('done');
    expect(setupSteps({ ...fresh, wecom: [connected] })[4]).toMatchObject({
      fix: '从企业微信同步老顾客',
      action: 'sync_customers',
    });
    expect(setupSteps(fresh)[4]!.action).toBeUndefined();
  });

  it('counts staff, knowledge and customers', () => {
    const member = {
      id: 'a',
      name: '小李',
      role: 'staff' as const,
      wecomUserId: 'li',
      shopIds: [],
      nameMissing: false,
      miniProgramBound: false,
    };
    // synced, but the owner has not picked their own WeCom member yet
    expect(stateOf({ ...fresh, staff: [...(fresh.staff as []), member] }).staff).toBe('attention');
    const owner = { ...member, id: 'z', name: '周老板', role: 'owner' as const, wecomUserId: 'zhou' };
    expect(stateOf({ ...fresh, staff: [owner, member] }).staff).toBe('done');
    expect(stateOf({ ...fresh, knowledge: { products: 12, faqs: 0, policies: 0 } }).knowledge).toBe('attention');
    expect(stateOf({ ...fresh, knowledge: { products: 12, faqs: 3, policies: 1, waiting: 2 } }).knowledge).toBe(
      'attention',
    );
    expect(stateOf({ ...fresh, knowledge: { products: 12, faqs: 2, policies: 0, waiting: 2 } }).knowledge).toBe(
      'attention',
    );
    expect(setupSteps({ ...fresh, knowledge: { products: 12, faqs: 3, policies: 1 } })[3]).toMatchObject({
      state: 'done',
      detail: '菜单/商品 12 项 · 常见问答 3 条 · 店规 1 条',
    });
    expect(stateOf({ ...fresh, customers: true }).customers).toBe('done');
  });

  it('says which steps are still being checked and which could not be read, without failing the rest', () => {
    const states = stateOf({ ...fresh, wecom: undefined, staff: new Error('网络连接失败') });
    expect(states).toMatchObject({ business: 'todo', wecom: 'checking', staff: 'unknown' });
    expect(setupSteps({ ...fresh, staff: new Error('网络连接失败') })[2]!.detail).toBe('暂时查不到：网络连接失败');
  });
});

describe('forms checked with the server’s schema', () => {
  it('gives each field its Chinese message, or the value as the server takes it', () => {
    expect(checkForm(shopInputSchema, { name: '', address: '成都', phone: '123' })).toEqual({
      ok: false,
      errors: { name: '请填写门店名称', phone: '电话格式不对：手机号 11 位，座机请带区号，如 028-12345678' },
    });
    expect(checkForm(shopInputSchema, { name: ' 总店 ', address: '成都', phone: '138 0013 8000' })).toEqual({
      ok: true,
      value: { name: '总店', address: '成都', phone: '13800138000' },
    });
  });

  it('reads the server’s refusal by field, or as a whole', () => {
    expect(errorsOf(new ApiError('x', 400, 'validation_failed', { phone: '电话不对' }))).toEqual({ phone: '电话不对' });
    expect(errorsOf(new ApiError('每个商户最多 5 家门店', 409, 'conflict'))).toEqual({ _: '每个商户最多 5 家门店' });
  });
});
