// A campaign with a picture or a mini-program card, through the WeCom stand-in: the picture (or the card's cover) is
// uploaded as media (media/upload) and the task carries it in WeCom's attachments format; a web address that is not a
// picture is refused before anything is made; a scheduled campaign uploads its picture when it goes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignHelpers } from '../support/campaign-helpers.js';
import { PNG, startImageServer } from '../support/image-server.js';
import { quietHoursAwayFromNow, setContactPolicy } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let images: Awaited<ReturnType<typeof startImageServer>>;
const h = campaignHelpers(() => w);
beforeAll(async () => {
  w = await startWecomTestApp();
  images = await startImageServer();
  await quietHoursAwayFromNow(w);
  await setContactPolicy(w, { perWeek: 10 });
});
afterAll(async () => {
  await images?.close();
  await w?.close();
});

describe('a campaign with an attachment', () => {
  it('sends a picture with the text, uploaded to WeCom as media', async () => {
    await h.contact('阿美');
    const res = await h.send({
      audience: {},
      text: '新品上市，看看这款～',
      key: 'picture-0001',
      attachment: { kind: 'image', url: `${images.url}/new-drink.png` },
    });
    expect(res.status).toBe(201);
    const [task] = h.tasks('新品上市，看看这款～');
    expect(task!.attachments).toHaveLength(1);
    const { msgtype, image } = task!.attachments![0] as { msgtype: string; image: { media_id: string } };
    expect(msgtype).toBe('image');
    expect(w.standin.state.media.get(image.media_id)).toMatchObject({ type: 'image', bytes: PNG.length });
    const detail = (await h.detail(res.body.campaignId)).body;
    expect(detail.attachment).toEqual({ kind: 'image', url: `${images.url}/new-drink.png` });
  });

  it('sends a mini-program card with its cover uploaded as media', async () => {
    await h.contact('阿强', 'manager');
    const card = {
      kind: 'miniprogram',
      title: '会员日点单',
      appid: 'wx1234567890abcdef',
      page: 'pages/order/index.html',
      coverUrl: `${images.url}/cover.png`,
    };
    const res = await h.send({ audience: {}, text: '会员日来小程序点单', key: 'card-000001', attachment: card });
    expect(res.status).toBe(201);
    const tasks = h.tasks('会员日来小程序点单');
    expect(tasks.length).toBeGreaterThan(0);
    for (const t of tasks) {
      const [a] = t.attachments as { msgtype: string; miniprogram: Record<string, string> }[];
      expect(a!.msgtype).toBe('miniprogram');
      expect(a!.miniprogram).toMatchObject({
        title: '会员日点单',
        appid: 'wx1234567890abcdef',
        page: 'pages/order/index.html',
      });
      expect(w.standin.state.media.get(a!.miniprogram.pic_media_id!)?.type).toBe('image');
    }
  });

  it('refuses a web address that is not a picture, and a card without a proper AppID, making nothing', async () => {
    const before = w.standin.state.groupSendTasks.length;
    const page = await h.send({
      audience: {},
      text: '看图',
      key: 'not-picture-01',
      attachment: { kind: 'image', url: `${images.url}/menu.html` },
    });
    expect(page.status).toBeGreaterThanOrEqual(400);
    expect(page.status).toBeLessThan(500);
    expect(page.body.message).toMatch(/[\u4e00-\u9fa5]/);
    const card = await h.send({
      audience: {},
      text: '看卡片',
      key: 'bad-card-0001',
      attachment: { kind: 'miniprogram', title: '点单', appid: 'abc', page: 'p', coverUrl: `${images.url}/c.png` },
    });
    expect(card.status).toBe(400);
    expect(JSON.stringify(card.body)).toContain('小程序 AppID 是 wx 开头的 18 位');
    expect(w.standin.state.groupSendTasks.length).toBe(before);
    expect((await h.list()).body.campaigns.map((c: { text: string }) => c.text)).not.toContain('看图');
  });

  it('uploads a scheduled campaign’s picture again when it goes, if WeCom’s copy expired', async () => {
    const newcomer = await h.contact('阿珍'); // the others already had a group message today
    const sendAt = new Date(Date.now() + 3_600_000);
    const res = await h.send({
      audience: {},
      text: '节日海报',
      key: 'poster-000001',
      attachment: { kind: 'image', url: `${images.url}/poster.png` },
      sendAt: sendAt.toISOString(),
    });
    expect(res.body.status).toBe('scheduled');
    // three days on WeCom forgets the media uploaded when it was scheduled (and our reuse of it has lapsed)
    for (const m of w.standin.state.media.values()) m.expiresAt = 0;
    const redis = w.app.container.redis;
    for (const key of await redis.keys('*wecom:media*')) await redis.del(key);
    await w.app.container.campaigns.service.sendDue(w.tenant.merchantId, new Date(sendAt.getTime() + 60_000));
    const [task] = h.tasks('节日海报');
    expect(task!.externalUserIds).toEqual([newcomer.externalUserId]);
    const mediaId = (task!.attachments![0] as { image: { media_id: string } }).image.media_id;
    expect(w.standin.state.media.get(mediaId)!.expiresAt).toBeGreaterThan(Date.now());
  });
});
