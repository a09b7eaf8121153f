// The operator in tests: added through the service the CLI uses, signed in through the API. Sign-in endpoints are
// limited per client address, so each call comes from an address of its own (the test app trusts one proxy).
import type { TestApp } from './test-app.js';

let sequence = 0;

/** Env for a test app whose public sign-ins each come from a fresh address, and whose public URL is fixed. */
export const OPERATOR_TEST_ENV = { TRUST_PROXY: '1', PUBLIC_URL: 'https://xiaoer.example.com' };

/** A header as our one trusted proxy would send it, for a client address nobody else uses. */
export const freshAddress = () => {
  const n = ++sequence;
  return { 'x-forwarded-for': `198.18.${Math.floor(n / 250)}.${(n % 250) + 1}` };
};

/** POST to a public (rate-limited) endpoint from a fresh address. */
export const postPublic = (app: TestApp, path: string, body: unknown) =>
  app.request(path, { method: 'POST', body, headers: freshAddress() });

export const OPERATOR_PASSWORD = 'correct horse battery staple';

/** A new operator and a session token for them. */
export async function signedInOperator(app: TestApp, login = `op${++sequence}`) {
  const operator = await app.container.operator.auth.addOperator({
    login,
    name: `服务商${sequence}`,
    password: OPERATOR_PASSWORD,
  });
  const res = await postPublic(app, '/api/operator/login', { login, password: OPERATOR_PASSWORD });
  if (res.status !== 200) throw new Error(`operator login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { operator, token: res.body.token as string };
}

/** The token inside a setup link's URL. */
export const tokenOf = (url: string) => new URL(url.replace('/#/', '/')).searchParams.get('token')!;
