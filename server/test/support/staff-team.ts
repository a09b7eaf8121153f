// The staff step in tests: a shop made by the operator whose owner signed in through the setup link (the
// `~setup-owner` placeholder), its WeCom app connected, and a corp in the stand-in whose app sees department 2 (with
// its sub-department 3) and 周老板 and 陈会计 by name; 赵六's name is withheld from the app; 外人 is outside the range.
import { randomBytes } from 'node:crypto';
import { asMerchantId } from '../../src/tenancy/merchant-id.js';
import { postPublic, tokenOf } from './operator.js';
import { AGENT_ID, type WecomTestApp } from './wecom-test-app.js';

export async function shopWithTeam(w: WecomTestApp, operatorToken: string, name: string) {
  const created = await w.app.request('/api/operator/merchants', {
    token: operatorToken,
    body: { name, industry: '餐饮' },
  });
  const merchantId = asMerchantId(created.body.merchant.id);
  const redeemed = await postPublic(w.app, '/api/setup/redeem', { token: tokenOf(created.body.setupLink.url) });
  const corpId = `ww${randomBytes(6).toString('hex')}`;
  const credentials = {
    corpId,
    agentId: AGENT_ID,
    secret: randomBytes(16).toString('hex'),
    callbackToken: randomBytes(8).toString('hex'),
    encodingAesKey: randomBytes(32).toString('base64').slice(0, 43),
    kfAccounts: [],
  };
  await w.app.container.wecom.apps.save(merchantId, credentials);
  w.standin.seedCorp({
    corpId,
    apps: [
      {
        agentId: AGENT_ID,
        secret: credentials.secret,
        kfAuthorised: true,
        visibleParties: [2],
        visibleUsers: ['zhou', 'chen'],
      },
    ],
    callback: {
      url: `${w.app.url}/wecom/callback/${corpId}`,
      token: credentials.callbackToken,
      encodingAesKey: credentials.encodingAesKey,
    },
  });
  const dir = w.standin.directory;
  dir.addsDepartment(corpId, 1, name);
  dir.addsDepartment(corpId, 2, '门店');
  dir.addsDepartment(corpId, 3, '后厨', 2);
  dir.addsDepartment(corpId, 4, '财务');
  const add = (userid: string, memberName: string, departments: number[], nameHidden = false) =>
    w.standin.state.addMember(corpId, userid, memberName, { departments, nameHidden });
  add('zhou', '周老板', [2]);
  add('li', '李店长', [2]);
  add('wang', '王师傅', [3]);
  add('x7', '赵六', [3], true);
  add('chen', '陈会计', [4]);
  add('out', '外人', [4]);
  return {
    merchantId,
    corpId,
    owner: redeemed.body.session.token as string,
    ownerId: redeemed.body.session.staff.id as string,
  };
}
