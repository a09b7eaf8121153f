// The demo merchant set up the way a real one is: the operator creates it, its owner redeems the setup link, fills
// the business step (hours, facts, shops), claims their WeCom member and arranges the team, applies the industry
// template and fills its blanks in the knowledge editor, imports the menu sheet, and presses 开始营业. Going through
// the same services keeps the demo honest: whatever a real shop gets from setup (audit entries, knowledge history,
// the launch record, scenario defaults) the demo has too, and a change to setup shows in the demo at once.
import type { Container } from '../app/container.js';
import type { Session } from '../auth/session.js';
import type { AuditActor } from '../modules/merchants/merchant-audit.model.js';
import type { ShopRecord } from '../modules/shops/shop.repository.js';
import type { StaffRecord } from '../modules/staff/staff.repository.js';
import { asMerchantId, type MerchantId } from '../tenancy/merchant-id.js';
import { DEMO_FACTS, DEMO_HOLIDAYS, DEMO_HOURS, DEMO_SHOPS, DEMO_TEAM } from './demo-business.js';
import { DEMO_FAQS, DEMO_POLICIES, DEMO_SCRIPTS } from './milk-tea-knowledge.js';
import { MILK_TEA_MENU, menuSheet } from './milk-tea-menu.js';

const SYSTEM: AuditActor = { kind: 'system', id: 'demo' };

export interface DemoSetup {
  merchantId: MerchantId;
  owner: Session;
  shops: ShopRecord[];
  staff: StaffRecord[];
}

export async function setUpDemoMerchant(c: Container): Promise<DemoSetup> {
  // the operator's creation: the merchant (in setup until 开始营业) and its owner's one-time link
  const created = await c.operator.merchants.create({ name: '茶语时光', industry: '餐饮' }, SYSTEM);
  const merchantId = asMerchantId(created.overview.merchant._id);
  await c.repositories.merchants.markDemo(merchantId);
  await c.operator.setupLinks.redeem(created.link.token, '陈老板');
  const placeholder = (await c.repositories.staff.findFirstByRole(merchantId, 'owner'))!;
  let owner: Session = { merchantId, staffId: placeholder._id.toHexString(), role: 'owner' };
  const by: AuditActor = { kind: 'staff', id: owner.staffId };

  // the business step
  await c.services.merchants.updateBusinessHours(
    merchantId,
    { businessHours: DEMO_HOURS, holidays: DEMO_HOLIDAYS },
    by,
  );
  await c.services.merchants.setFacts(merchantId, { facts: DEMO_FACTS }, by);
  const shops: ShopRecord[] = [];
  for (const shop of DEMO_SHOPS) shops.push(await c.services.merchants.addShop(merchantId, shop, by));

  // the staff step: the team as the WeCom sync finds it (the demo's corp is the stand-in, connected after seeding;
  // this is the sync's own write), then the owner claims their member and gives everyone a role and shops
  for (const member of DEMO_TEAM)
    await c.repositories.staff.upsertFromDirectory(merchantId, member.wecomUserId, member.name);
  const member = async (wecomUserId: string) =>
    (await c.repositories.staff.findByWecomUserId(merchantId, wecomUserId))!;
  const claimedBy = await member(DEMO_TEAM[0]!.wecomUserId);
  await c.services.staff.claimOwner(owner, claimedBy._id.toHexString());
  owner = { merchantId, staffId: claimedBy._id.toHexString(), role: 'owner' };
  for (const m of DEMO_TEAM) {
    const shopIds = m.shops.map((i) => shops[i]!._id.toHexString());
    await c.services.staff.assign(owner, (await member(m.wecomUserId))._id.toHexString(), { role: m.role, shopIds });
  }

  // the knowledge step: the industry template, then the menu sheet
  await c.templates.knowledgeTemplate.apply(owner);
  await fillTemplate(c, owner);
  await importMenu(c, owner);

  await c.goLive.service.launchShop(merchantId, owner.staffId, 'always');
  const staff = await c.repositories.staff.list(merchantId);
  return { merchantId, owner, shops, staff: DEMO_TEAM.map((m) => staff.find((s) => s.wecomUserId === m.wecomUserId)!) };
}

/**
 * What the owner does after applying the template: the starters the demo has its own words for are edited to them
 * (policies by kind, scripts by title), the demo's other items are added, and starters still waiting for a blank the
 * demo does not fill are deleted, so nothing reads 【请填写】.
 */
async function fillTemplate(c: Container, owner: Session): Promise<void> {
  const { admin } = c.knowledge;
  const { merchantId } = owner;
  const policies = await admin.list(merchantId, 'policy');
  for (const p of DEMO_POLICIES) {
    const starter = policies.find((s) => s.kind === p.kind);
    if (starter) await admin.update(owner, 'policy', starter._id.toHexString(), p);
    else await admin.create(owner, 'policy', p);
  }
  const scripts = await admin.list(merchantId, 'script');
  for (const s of DEMO_SCRIPTS) {
    const starter = scripts.find((t) => t.title === s.title);
    if (starter) await admin.update(owner, 'script', starter._id.toHexString(), s);
    else await admin.create(owner, 'script', s);
  }
  const faqs = await admin.list(merchantId, 'faq');
  for (const f of DEMO_FAQS) {
    const starter = faqs.find((t) => t.questions.some((q) => f.questions.includes(q)));
    if (starter) await admin.update(owner, 'faq', starter._id.toHexString(), f);
    else await admin.create(owner, 'faq', f);
  }
  for (const entity of ['faq', 'policy', 'script'] as const)
    for (const item of await admin.list(merchantId, entity))
      if (JSON.stringify(item).includes('【请填写')) await admin.remove(owner, entity, item._id.toHexString());
}

/** The menu through the sheet import; the add-on choices (杯型, 甜度, 温度) the sheet has no column for, in the editor. */
async function importMenu(c: Container, owner: Session): Promise<void> {
  const report = await c.knowledge.importer.import(owner, 'product', {
    format: 'csv',
    content: menuSheet(),
    dryRun: false,
  });
  if (report.failed.length) throw new Error(`demo menu sheet rejected: ${JSON.stringify(report.failed)}`);
  const stored = await c.repositories.products.findByNames(
    owner.merchantId,
    MILK_TEA_MENU.map((p) => p.name),
  );
  for (const p of MILK_TEA_MENU) {
    const product = stored.find((s) => s.name === p.name)!;
    if (!p.specs.length) continue;
    await c.knowledge.admin.update(owner, 'product', product._id.toHexString(), {
      name: product.name,
      category: product.category,
      price: product.price,
      ...(product.description ? { description: product.description } : {}),
      specs: p.specs,
      variants: [],
      attributes: product.attributes,
      aliases: product.aliases,
      tags: product.tags,
      allergens: product.allergens,
      ...(typeof product.stock === 'number' ? { stock: product.stock } : {}),
      available: product.available,
    });
  }
}
