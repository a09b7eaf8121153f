// A campaign picture WeCom cannot take is refused in words about the campaign, not the scripts library's (which would
// send the owner to a page that has nothing to do with it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignHelpers } from '../support/campaign-helpers.js';
import { startImageServer } from '../support/image-server.js';
import { quietHoursAwayFromNow } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let images: Awaited<ReturnType<typeof startImageServer>>;
const h = campaignHelpers(() => w);
beforeAll(async () => {
  w = await startWecomTestApp();
  images = await startImageServer();
  await quietHoursAwayFromNow(w);
});
afterAll(async () => {
  await images?.close();
  await w?.close();
});

describe('a campaign picture that is not a picture', () => {
  it('is refused with words about the campaign, not the script library', async () => {
    await h.contact('阿美');
    const res = await h.send({
      audience: {},
      text: '看图',
      key: 'review-pic-0001',
      attachment: { kind: 'image', url: `${images.url}/menu.html` },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('群发图片打不开，请换一张能打开的图片，或换个图片地址');
  });
});
