// The setup's own words, where an errcode means more in its place than the catalogue (api/wecom-errors.ts) can say.
import type { ErrcodeOverrides } from '../api/wecom-errors.js';

export const NO_APP_MESSAGE = '请先填写企业微信应用的企业ID、AgentId 和 Secret';
/** way 2's callback keys are the operator's template keys, set once for every shop */
export const AGENCY_KEYS_MESSAGE = '扫码授权的应用由服务商统一设置接收消息，不需要重新生成';

export const EGRESS_UNKNOWN =
  '小二服务器的出口 IP 还没有登记，这里暂时无法给出。请联系小二服务商获取服务器的出口 IP，再填入企业可信IP';

export const MANAGE_KF_FIX =
  '到企业微信管理后台 → 微信客服 → API → 可调用接口的应用 → 小二，在“可管理的客服账号”里勾选要由小二接待的账号';

/** kf/account/list refused */
export const KF_API_OVERRIDES: ErrcodeOverrides = {
  48002: {
    message: '小二应用还没有微信客服的接口权限',
    fix: '到企业微信管理后台 → 微信客服 → API → 可调用接口的应用，添加小二，并在“可管理的客服账号”里勾选要由小二接待的账号',
  },
};

/** externalcontact/get_follow_user_list refused */
export const CONTACT_OVERRIDES: ErrcodeOverrides = {
  48002: {
    message: '小二应用还没有客户联系权限',
    fix: '到企业微信管理后台 → 客户与上下游 → 客户联系 → API → 可调用接口的应用，添加小二',
  },
  60011: {
    message: '小二应用的可见范围不包含开启了客户联系的成员',
    fix: '到企业微信管理后台 → 应用管理 → 小二 → 可见范围，加入要接待客户的员工',
  },
};

/** a served 微信客服 account's calls refused */
export const KF_ACCOUNT_OVERRIDES: ErrcodeOverrides = {
  60011: {
    message: '这个客服账号的接待人员不在小二应用的可见范围内',
    fix: '到企业微信管理后台 → 应用管理 → 小二 → 可见范围，加入这个客服账号的接待人员',
  },
};

export const notAuthorisedKf = (name: string) => `「${name}」还没有授权给小二的应用管理，小二收不到也回复不了它的消息`;

/** way 2: the admin cancelled the authorisation (cancel_auth) */
export const AGENCY_CANCELLED_FIX =
  '请企业微信管理员在本页重新扫码授权（方式二），或改用方式一连接自建应用；之前的客户和消息记录都还在';
