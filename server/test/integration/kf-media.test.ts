// Every kind of 微信客服 message gets a response: a voice note, a photo, a file, a location or a mini-program card
// after hours is answered when it can be understood and otherwise acknowledged in one line and handed over, with
// what arrived shown to staff (the picture, the voice to play) behind links only this merchant's staff get. Through
// the WeCom stand-in (sync_msg with media ids, media/get) and the LLM stand-in (speech to text, vision).
import { LlmStandIn } from '@xiaoer/dev-services/llm-standin/server';
import type { KfMessageDto } from '@xiaoer/common/schemas/conversation';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { amrVoice, PNG } from '../support/kf-media-fixtures.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let openKfId: string;
const llm = new LlmStandIn();
const VOICE_ACK = '收到您的语音啦，店员看到后马上回复您～';
const PHOTO_ACK = '收到您的图片啦，店员看到后马上回复您～';

beforeAll(async () => {
  await llm.start();
  w = await startWecomTestApp({ autoReply: 'after_hours' });
  openKfId = w.credentials.kfAccounts[0]!.openKfId;
  await w.app.container.repositories.products.insertMany(w.tenant.merchantId, MILK_TEA_MENU);
  // closed every day: "after hours" whatever the time the test runs
  const res = await w.app.request('/api/merchant/business-hours', {
    method: 'PUT',
    token: w.tenant.tokens.owner,
    body: { businessHours: [], holidays: [] },
  });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await w.close();
  await llm.stop();
});

/** A customer sends a file: WeCom keeps it under a media_id, and the message names it. */
const sends = (externalUserId: string, kind: 'image' | 'voice' | 'file', content: Buffer, type: string) =>
  w.kfCustomerSends(externalUserId, kind, { media_id: w.standin.customers.sendsMedia(w.corpId, kind, content, type) });

/** What staff see of the customer's conversation (the sidebar's 客服消息). */
async function conversation(externalUserId: string, token = w.tenant.tokens.staff): Promise<KfMessageDto[]> {
  const res = await w.app.request(`/api/conversations/${externalUserId}/messages`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { messages: KfMessageDto[] }).messages;
}

/** A signed media link, loaded as an <img> or <audio> would: no session header. */
const load = async (link: string) => {
  const res = await fetch(`${w.app.url}${link}`);
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
};

const notificationsTo = (userid: string, since: number) =>
  w.standin.state.appMessages
    .slice(since)
    .filter((m) => m.touser === userid)
    .map((m) => JSON.stringify(m.content));

describe('a voice note after hours', () => {
  it('is acknowledged in one line, handed to a person, and staff can play it', async () => {
    const voice = amrVoice(2);
    const before = w.standin.state.appMessages.length;
    expect(await sends('wmVoice', 'voice', voice, 'audio/amr')).toEqual([VOICE_ACK]);
    // handed over: the manager serves the session and is told what came and where to hear it
    expect(w.standin.state.kfSessions.get(`${openKfId}:wmVoice`)).toMatchObject({
      state: 3,
      servicerUserId: w.tenant.people.manager.wecomUserId,
    });
    const told = notificationsTo(w.tenant.people.manager.wecomUserId, before);
    expect(told.join()).toContain('「[语音]」');
    expect(told.join()).toContain('客户发来语音，请在小二侧边栏「客服消息」里收听');
    expect(await w.app.container.ai.decisions.latestFor(w.tenant.merchantId, 'wmVoice')).toMatchObject({
      action: 'handoff',
      intent: 'media',
      reason: 'media:voice',
      sentText: VOICE_ACK,
    });

    const [message] = await conversation('wmVoice');
    expect(message).toMatchObject({ direction: 'in', msgtype: 'voice', text: '[语音]' });
    expect(message!.media).toMatchObject({ kind: 'voice', status: 'stored', contentType: 'audio/amr' });
    // the browser plays a WAV decoded from the AMR (2 s at 8 kHz, 16-bit); the AMR itself is a download
    const played = await load(message!.media!.viewUrl!);
    expect(played).toMatchObject({ status: 200, type: 'audio/wav' });
    expect(played.bytes.subarray(0, 4).toString()).toBe('RIFF');
    expect(played.bytes.length).toBeGreaterThan(2 * 8000 * 2);
    const original = await load(message!.media!.downloadUrl!);
    expect(original.status).toBe(200);
    expect(original.bytes.equals(voice)).toBe(true);
  });

  it('is transcribed where the merchant’s LLM offers speech recognition, and the words are answered', async () => {
    const other = await w.addMerchant('always');
    await w.app.container.repositories.products.insertMany(other.tenant.merchantId, MILK_TEA_MENU);
    const saved = await w.app.request('/api/ai/llm-settings', {
      method: 'PUT',
      token: other.tenant.tokens.owner,
      body: {
        baseUrl: llm.url,
        model: 'deepseek-chat',
        apiKey: 'sk-test-1234567890',
        speechModel: 'whisper-1',
      },
    });
    expect(saved.body).toMatchObject({ configured: true, speechModel: 'whisper-1' });
    llm.transcripts = [{ content: '杨枝甘露多少钱' }];
    llm.queue = [];
    llm.fallback = (req) => {
      const id = /\[(product:[0-9a-f]{24})\] 杨枝甘露/.exec(req.messages[0]!.content)?.[1] ?? 'missing';
      return {
        content: JSON.stringify({
          reply: '杨枝甘露中杯18元哦～',
          confidence: 0.9,
          needsHuman: false,
          reason: 'menu',
          citedIds: [id],
          proposedTags: [],
        }),
      };
    };
    const voice = amrVoice(1);
    const mediaId = w.standin.customers.sendsMedia(other.corpId, 'voice', voice, 'audio/amr');
    await w.standin.customers.sendsToKf(other.openKfId, 'wmHeard', 'voice', { media_id: mediaId });
    await w.drain();
    expect(w.standin.state.kfSent.filter((m) => m.touser === 'wmHeard').map((m) => m.content)).toEqual([
      { content: '杨枝甘露中杯18元哦～' },
    ]);
    expect(llm.seenTranscriptions.at(-1)).toMatchObject({ model: 'whisper-1', bytes: voice.length });
    expect(await w.app.container.ai.decisions.latestFor(other.tenant.merchantId, 'wmHeard')).toMatchObject({
      action: 'sent',
      question: '杨枝甘露多少钱',
    });
    // saved again without it: the endpoint no longer transcribes, and voice notes go back to staff
    const resaved = await w.app.request('/api/ai/llm-settings', {
      method: 'PUT',
      token: other.tenant.tokens.owner,
      body: { baseUrl: llm.url, model: 'deepseek-chat', apiKey: 'sk-test-1234567890' },
    });
    expect(resaved.body).not.toHaveProperty('speechModel');
  });
});

describe('a photo after hours', () => {
  it('is acknowledged and handed over, and staff see the picture', async () => {
    expect(await sends('wmPhoto', 'image', PNG, 'image/png')).toEqual([PHOTO_ACK]);
    expect(w.standin.state.kfSessions.get(`${openKfId}:wmPhoto`)?.state).toBe(3);
    const [message] = await conversation('wmPhoto');
    expect(message).toMatchObject({ msgtype: 'image', text: '[图片]', media: { kind: 'image', status: 'stored' } });
    const shown = await load(message!.media!.viewUrl!);
    expect(shown).toMatchObject({ status: 200, type: 'image/png' });
    expect(shown.bytes.equals(PNG)).toBe(true);
  });

  it('is read where the merchant’s LLM offers vision, and the question it asks is answered', async () => {
    const other = await w.addMerchant('always');
    await w.app.container.repositories.products.insertMany(other.tenant.merchantId, MILK_TEA_MENU);
    await w.app.request('/api/ai/llm-settings', {
      method: 'PUT',
      token: other.tenant.tokens.owner,
      body: { baseUrl: llm.url, model: 'deepseek-chat', apiKey: 'sk-test-1234567890', visionModel: 'qwen-vl' },
    });
    const seen = llm.seen.length;
    // the vision call reads the picture; the engine then answers the question (the fallback: the menu's price)
    llm.queue = [{ content: '杨枝甘露多少钱？' }];
    const mediaId = w.standin.customers.sendsMedia(other.corpId, 'image', PNG, 'image/png');
    await w.standin.customers.sendsToKf(other.openKfId, 'wmSeen', 'image', { media_id: mediaId });
    await w.drain();
    const vision = llm.seen[seen]!;
    expect(vision.model).toBe('qwen-vl');
    expect(vision.images).toEqual([`data:image/png;base64,${PNG.toString('base64')}`]);
    expect(w.standin.state.kfSent.filter((m) => m.touser === 'wmSeen').map((m) => m.content)).toEqual([
      { content: '杨枝甘露中杯18元哦～' },
    ]);
  });

  it('WeCom no longer has (40007): still acknowledged, and staff are told it could not be fetched', async () => {
    const before = w.standin.state.appMessages.length;
    expect(await w.kfCustomerSends('wmGone', 'image', { media_id: 'media-wecom-forgot' })).toEqual([PHOTO_ACK]);
    expect(notificationsTo(w.tenant.people.manager.wecomUserId, before).join()).toContain(
      '这条图片没能从企业微信取回（文件已失效）',
    );
    const [message] = await conversation('wmGone');
    expect(message!.media).toEqual({
      kind: 'image',
      status: 'failed',
      note: '这条图片没能从企业微信取回（文件已失效），请让客户重新发一次',
    });
  });

  it('WeCom busy (-1): nothing recorded, the message is tried again, and then shown and acknowledged once', async () => {
    w.standin.state.injectError('/cgi-bin/media/get', -1, 3); // the first attempt and the client's two retries
    expect(await sends('wmBusy', 'image', PNG, 'image/png')).toEqual([]); // no word yet: WeCom could not answer
    expect((await conversation('wmBusy'))[0]!.media).toMatchObject({ status: 'pending' });
    // the inbox tries the message again after its backoff
    await vi.waitFor(
      async () => {
        await w.drain();
        expect(w.standin.state.kfSent.filter((m) => m.touser === 'wmBusy').map((m) => m.content)).toEqual([
          { content: PHOTO_ACK },
        ]);
      },
      { timeout: 15_000, interval: 500 },
    );
    expect((await conversation('wmBusy'))[0]!.media).toMatchObject({ status: 'stored' });
  });

  it('too large, or not a picture at all: not kept, acknowledged, and staff told why', async () => {
    const huge = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]); // past the 10 MB a picture may have
    expect(await sends('wmHuge', 'image', huge, 'image/png')).toEqual([PHOTO_ACK]);
    expect((await conversation('wmHuge'))[0]!.media).toMatchObject({
      status: 'failed',
      note: '这条图片超过 10MB，没有保存，请在企业微信里查看',
    });
    // WeCom says image/png, the bytes say otherwise: never served as a picture
    expect(await sends('wmFake', 'image', Buffer.from('<script>alert(1)</script>'), 'image/png')).toEqual([PHOTO_ACK]);
    expect((await conversation('wmFake'))[0]!.media).toMatchObject({
      status: 'failed',
      note: '这条图片的格式不对，没有保存，请在企业微信里查看',
    });
  });

  it('the LLM failing to read it: acknowledged and handed over all the same, never silence', async () => {
    const other = await w.addMerchant('always');
    await w.app.request('/api/ai/llm-settings', {
      method: 'PUT',
      token: other.tenant.tokens.owner,
      body: { baseUrl: llm.url, model: 'deepseek-chat', apiKey: 'sk-test-1234567890', visionModel: 'qwen-vl' },
    });
    llm.queue = [{ content: '', status: 500 }];
    const mediaId = w.standin.customers.sendsMedia(other.corpId, 'image', PNG, 'image/png');
    await w.standin.customers.sendsToKf(other.openKfId, 'wmBlind', 'image', { media_id: mediaId });
    await w.drain();
    expect(w.standin.state.kfSent.filter((m) => m.touser === 'wmBlind').map((m) => m.content)).toEqual([
      { content: PHOTO_ACK },
    ]);
    expect(w.standin.state.kfSessions.get(`${other.openKfId}:wmBlind`)?.state).toBe(3);
  });

  it('is fetched and shown to staff in business hours too, without the bot saying anything', async () => {
    await w.app.request('/api/merchant/business-hours', {
      method: 'PUT',
      token: w.tenant.tokens.owner,
      body: {
        businessHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '00:00', close: '00:00' })),
        holidays: [],
      },
    });
    try {
      expect(await sends('wmDaytime', 'image', PNG, 'image/png')).toEqual([]);
      const [message] = await conversation('wmDaytime');
      expect(message!.media).toMatchObject({ kind: 'image', status: 'stored' });
    } finally {
      await w.app.request('/api/merchant/business-hours', {
        method: 'PUT',
        token: w.tenant.tokens.owner,
        body: { businessHours: [], holidays: [] },
      });
    }
  });
});

describe('locations, files and cards', () => {
  it('a location is answered with the nearest shop, from the shops’ own data', async () => {
    const shops = w.app.container.repositories.shops;
    const { merchantId } = w.tenant;
    // beside the shop the merchant started with (no address)
    const xuhui = await shops.insert(merchantId, 4, { name: '徐汇店', address: '上海市徐汇区漕溪北路88号' });
    const jingan = await shops.insert(merchantId, 5, {
      name: '静安店',
      address: '上海市静安区南京西路1266号',
      phone: '021-62880000',
    });
    // by district while the shops have no coordinates
    expect(
      await w.kfCustomerSends('wmWhere', 'location', {
        latitude: 31.2295,
        longitude: 121.4525,
        name: '静安寺',
        address: '上海市静安区南京西路1686号',
      }),
    ).toEqual(['离您最近的是静安店，也在静安区；地址：上海市静安区南京西路1266号；电话：021-62880000。']);
    // by distance once they have them
    await shops.setCoordinates(merchantId, String(xuhui._id), { lat: 31.1935, lng: 121.4366 });
    // the owner sets a shop's place with the shop's other details; both coordinates or neither
    const put = (body: object) =>
      w.app.request(`/api/merchant/shops/${String(jingan._id)}`, { method: 'PUT', token: w.tenant.tokens.owner, body });
    const details = { name: '静安店', address: '上海市静安区南京西路1266号', phone: '021-62880000' };
    expect((await put({ ...details, lat: 31.2297 })).status).toBe(400);
    expect((await put({ ...details, lat: 31.2297, lng: 121.4552 })).body).toMatchObject({
      lat: 31.2297,
      lng: 121.4552,
    });
    const replies = await w.kfCustomerSends('wmNear', 'location', {
      latitude: 31.1952,
      longitude: 121.4371,
      name: '徐家汇',
      address: '上海市徐汇区虹桥路1号',
    });
    expect(replies).toEqual([
      expect.stringMatching(/^离您最近的是徐汇店，距离您约\d+米；地址：上海市徐汇区漕溪北路88号。$/),
    ]);
    expect(await w.app.container.ai.decisions.latestFor(merchantId, 'wmNear')).toMatchObject({
      action: 'sent',
      reason: 'nearest shop (by distance)',
      citedIds: [`shop:${String(xuhui._id)}`],
    });
    const [message] = await conversation('wmNear');
    expect(message).toMatchObject({
      msgtype: 'location',
      text: '[位置] 徐家汇 上海市徐汇区虹桥路1号',
      location: { latitude: 31.1952, longitude: 121.4371 },
    });
  });

  it('a file and a mini-program card are acknowledged and handed over', async () => {
    const pdf = Buffer.from('%PDF-1.4 menu');
    expect(await sends('wmFile', 'file', pdf, 'application/pdf')).toEqual(['收到您的文件啦，店员看到后马上回复您～']);
    const [file] = await conversation('wmFile');
    const download = await load(file!.media!.downloadUrl!);
    expect(download).toMatchObject({ status: 200, type: 'application/octet-stream' }); // never rendered inline
    expect(download.bytes.equals(pdf)).toBe(true);
    expect(
      await w.kfCustomerSends('wmCard', 'miniprogram', { title: '茶语时光点单', appid: 'wx123', pagepath: 'pages/x' }),
    ).toEqual(['收到您的小程序啦，店员看到后马上回复您～']);
    expect((await conversation('wmCard'))[0]).toMatchObject({ text: '[小程序] 茶语时光点单' });
  });
});

describe('exactly once, and only for this merchant', () => {
  it('a duplicated delivery is acknowledged once and fetched once', async () => {
    const mediaId = w.standin.customers.sendsMedia(w.corpId, 'voice', amrVoice(1), 'audio/amr');
    const { msgid } = await w.standin.customers.sendsToKf(openKfId, 'wmTwice', 'voice', { media_id: mediaId });
    await w.drain();
    const fetches = w.standin.state.calls.get('/cgi-bin/media/get');
    await w.standin.customers.redeliversKf(msgid);
    await w.drain();
    expect(w.standin.state.kfSent.filter((m) => m.touser === 'wmTwice')).toHaveLength(1);
    expect((await conversation('wmTwice')).map((m) => m.text)).toEqual(['[语音]', VOICE_ACK]); // each once
    expect(w.standin.state.calls.get('/cgi-bin/media/get')).toBe(fetches);
  });

  it('a photo followed by a burst of words: the bot answers the words, and staff still see the photo', async () => {
    const mediaId = w.standin.customers.sendsMedia(w.corpId, 'image', PNG, 'image/png');
    await w.standin.customers.sendsToKf(openKfId, 'wmBurst', 'image', { media_id: mediaId });
    for (const q of ['在吗', '你好', '有人吗', '请问', '杨枝甘露多少钱'])
      await w.standin.customers.writesToKf(openKfId, 'wmBurst', q);
    await w.drain();
    const said = w.standin.state.kfSent.filter((m) => m.touser === 'wmBurst').map((m) => m.content);
    expect(said).not.toContainEqual({ content: PHOTO_ACK }); // passed by: the words came after
    expect((await conversation('wmBurst'))[0]!.media).toMatchObject({ kind: 'image', status: 'stored' });
  });

  it('past the 48-hour window nothing is sent, and staff still see the photo', async () => {
    w.standin.state.clockOffsetMs = -49 * 3600_000; // written 49 hours ago, synced only now
    const mediaId = w.standin.customers.sendsMedia(w.corpId, 'image', PNG, 'image/png');
    await w.standin.customers.sendsToKf(openKfId, 'wmLate', 'image', { media_id: mediaId });
    w.standin.state.clockOffsetMs = 0;
    await w.drain();
    expect(w.standin.state.kfSent.filter((m) => m.touser === 'wmLate')).toEqual([]);
    expect(await w.app.container.ai.decisions.latestFor(w.tenant.merchantId, 'wmLate')).toMatchObject({
      action: 'skipped',
      reason: 'cannot reply: window_expired',
    });
    expect((await conversation('wmLate'))[0]!.media).toMatchObject({ kind: 'image', status: 'stored' });
  });

  it('while a person serves the customer, a second photo is stored but not acknowledged again', async () => {
    expect(await sends('wmPhoto', 'image', PNG, 'image/png')).toEqual([PHOTO_ACK]); // the first photo's, only
    expect((await conversation('wmPhoto')).filter((m) => m.msgtype === 'image')).toHaveLength(2);
  });

  it('another merchant cannot list the conversation or load its media, and a changed link is refused', async () => {
    const other = await w.addMerchant();
    expect(await conversation('wmPhoto', other.tenant.tokens.owner)).toEqual([]);
    const [message] = await conversation('wmPhoto');
    const link = message!.media!.viewUrl!;
    expect((await load(link)).status).toBe(200);
    expect((await load(link.replace(w.tenant.merchantId, other.tenant.merchantId))).status).toBe(404);
    expect((await load(link.replace(/s=[^&]+/, 's=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'))).status).toBe(404);
    expect((await load(link.replace('v=original', 'v=playable'))).status).toBe(404);
    const unsigned = link.replace(/\?.*$/, '');
    expect((await load(unsigned)).status).toBe(400);
  });
});
