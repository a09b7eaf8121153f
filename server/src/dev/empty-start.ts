// `npm run demo:empty`: the product with no merchant at all, so a newcomer walks the whole setup as a real shop would:
// sign in as the operator, create a merchant, open the owner's setup link, and connect a WeCom corp that the stand-in
// plays (its admin console's actions are printed as commands, since there is no work.weixin.qq.com here).
import { randomBytes } from 'node:crypto';
import type { WecomStandIn } from '@xiaoer/dev-services/wecom-standin/server';
import type { Container } from '../app/container.js';

const OPERATOR_LOGIN = 'operator';

export interface EmptyStart {
  lines: string;
}

export async function prepareEmptyStart(c: Container, url: string, standin?: WecomStandIn): Promise<EmptyStart> {
  // A fresh password each start: the printed one is the only way in, and it dies with this run's data.
  const password = randomBytes(9).toString('base64url');
  const existing = await c.operator.auth.byLogin(OPERATOR_LOGIN);
  const operator = existing
    ? undefined
    : await c.operator.auth.addOperator({ login: OPERATOR_LOGIN, name: '服务商', password });
  const login = operator
    ? `login ${OPERATOR_LOGIN}, password ${password}`
    : `login ${OPERATOR_LOGIN} (already present: its password was printed when it was created)`;
  const corp = standin?.admin.createsApp({
    name: '我的小店',
    members: [
      { userid: 'LaoBan', name: '老板' },
      { userid: 'DianYuan', name: '店员小王' },
    ],
    kfAccounts: [{ openKfId: 'wkmyshop0001', name: '我的小店客服' }],
  });
  const admin = standin && corp ? `${standin.url}/__standin/admin` : '';
  const wecomLines =
    standin && corp
      ? `
  WeCom corp     the stand-in plays a new corp: corp ID ${corp.corpId}, AgentId ${corp.agentId}, Secret ${corp.secret}
  As its admin   after the setup page shows the callback URL, Token and EncodingAESKey:
                 curl -s ${admin}/save-callback -d '{"corpId":"${corp.corpId}","url":"<回调URL>","token":"<Token>","encodingAesKey":"<EncodingAESKey>"}'
                 curl -s ${admin}/set-trusted-ips -d '{"corpId":"${corp.corpId}"}'
                 curl -s ${admin}/set-permissions -d '{"corpId":"${corp.corpId}","customerContact":true,"kf":true}'
  Or way 2       choose 扫码授权 on the setup page, 生成授权二维码, then scan it as the admin of a new corp:
                 curl -s ${standin.url}/__standin/suite/scan -d '{"installUrl":"<授权链接>","corpName":"我的小店","members":[{"userid":"LaoBan","name":"老板"}],"kfAccounts":[{"openKfId":"wkmyshop0002","name":"我的小店客服"}]}'
  Be a customer  curl -s -X POST ${standin.url}/__standin/customers/add -d '{"corpId":"${corp.corpId}","userid":"LaoBan","name":"王小姐"}'
                 curl -s -X POST ${standin.url}/__standin/kf/messages -d '{"openKfId":"wkmyshop0001","externalUserId":"wmFirstCustomer","text":"你们几点开门？"}'`
      : '';
  return {
    lines: `
  Start empty    no merchant yet: walk the whole setup as a new shop would
  Operator       ${url}/console/#/pages/operator/index   (${login})
                 or: npm run operator -w server -- create-merchant --name 我的小店 --industry 餐饮   (prints the owner's setup link)${wecomLines}`,
  };
}
