// The demo's 服务商代开发 template (way 2): with no real template configured, the WeCom stand-in plays WeCom for a
// made-up one — its credentials go into the configuration like the operator's would, the stand-in is told where
// the template's callbacks go, and suite_ticket is pushed now and every 10 minutes, as WeCom does. An owner can then
// connect by "scanning" (the stand-in's /__standin/suite/scan with the link the setup page shows).
import { randomBytes } from 'node:crypto';
import type { WecomStandIn } from '@xiaoer/dev-services/wecom-standin/server';

export function demoSuiteTemplate() {
  return {
    suiteId: `dkdemo${randomBytes(6).toString('hex')}`,
    secret: randomBytes(20).toString('hex'),
    token: randomBytes(12).toString('hex'),
    // 43 letters and digits, as WeCom's 随机获取 makes it
    encodingAesKey: randomBytes(32)
      .toString('base64')
      .replace(/[^A-Za-z0-9]/g, 'x')
      .slice(0, 43),
  };
}
export type DemoSuiteTemplate = ReturnType<typeof demoSuiteTemplate>;

/** The configuration a real template would be given (README: WECOM_SUITE_*). */
export const suiteEnv = (t: DemoSuiteTemplate) => ({
  WECOM_SUITE_ID: t.suiteId,
  WECOM_SUITE_SECRET: t.secret,
  WECOM_SUITE_TOKEN: t.token,
  WECOM_SUITE_AES_KEY: t.encodingAesKey,
  WECOM_SUITE_AUTH_TYPE: '1',
});

/** Once the server listens: the stand-in knows the template's callback URLs and starts pushing suite_ticket. */
export function connectDemoSuite(standin: WecomStandIn, t: DemoSuiteTemplate, url: string): void {
  standin.suite.configures({
    ...t,
    instructionUrl: `${url}/wecom/suite/callback`,
    dataUrl: `${url}/wecom/callback/$CORPID$`,
  });
  standin.suite.startsTicketTimer();
}
