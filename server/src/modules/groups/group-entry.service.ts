// How customers get into a layer's groups: a 加入群聊 QR code per layer (WeCom puts up to five groups behind one code
// and opens the next when one fills; the state says which layer a join came from), and a welcome text for new
// members, created as WeCom's group welcome template for the admin to pick in the group's settings.
import { GROUP_LAYERS, type GroupLayer } from '@xiaoer/common/constants/groups';
import { AppError, notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { WecomClient } from '../wecom/api/wecom-client.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';
import type { GroupEntryRecord, GroupEntryRepository } from './group-entry.repository.js';
import type { GroupChatRepository } from './group.repository.js';

const WELCOME: Record<GroupLayer, string> = {
  vip: '欢迎加入{店名}VIP群🎉 新品、群友专属价和活动都会先发在这里，有问题随时@我们～',
  regular: '欢迎加入{店名}客户群～每周上新和小贴士都在这里，想订单、想预约直接在群里说就好！',
  winback: '好久不见，欢迎回到{店名}～这里会不定期分享新品和活动，有空常来看看！',
  parents: '欢迎加入{店名}家长群！每周学习重点、作业安排和答疑时间都会发在这里，有问题随时留言～',
  unset: '欢迎加入{店名}客户群～有任何问题随时在群里说！',
};

export class GroupEntryService {
  constructor(
    private d: {
      entries: GroupEntryRepository;
      groups: GroupChatRepository;
      apps: WecomAppRepository;
      client: WecomClient;
      knowledge: KnowledgeBaseService;
    },
  ) {}

  /** A QR code for the layer's live groups (the five with the most room first). */
  async joinCode(
    merchantId: MerchantId,
    layer: GroupLayer,
  ): Promise<{ layer: GroupLayer; qrCode: string; chatIds: string[] }> {
    const app = await this.app(merchantId);
    const groups = await this.d.groups.roomiestInLayer(merchantId, layer, 5);
    if (!groups.length)
      throw new AppError('validation_failed', {
        message: `还没有「${GROUP_LAYERS[layer]}」的客户群，请先在客户群列表里给群分层`,
      });
    const chatIds = groups.map((g) => g.chatId);
    const created = await this.d.client.post<{ config_id: string }>(
      app,
      '/cgi-bin/externalcontact/groupchat/add_join_way',
      { scene: 2, remark: GROUP_LAYERS[layer], auto_create_room: 0, chat_id_list: chatIds, state: `layer_${layer}` },
    );
    const { join_way } = await this.d.client.post<{ join_way: { qr_code: string } }>(
      app,
      '/cgi-bin/externalcontact/groupchat/get_join_way',
      { config_id: created.config_id },
    );
    await this.d.entries.saveJoinCode(merchantId, layer, {
      configId: created.config_id,
      qrCode: join_way.qr_code,
      chatIds,
    });
    return { layer, qrCode: join_way.qr_code, chatIds };
  }

  /** The layer's welcome text as a WeCom group welcome template (the shop's name filled in, or the owner's own text). */
  async welcome(
    merchantId: MerchantId,
    layer: GroupLayer,
    text?: string,
  ): Promise<{ layer: GroupLayer; templateId: string; text: string; hint: string }> {
    const app = await this.app(merchantId);
    const kb = await this.d.knowledge.get(merchantId);
    const content = (text?.trim() || WELCOME[layer]).replaceAll('{店名}', kb.merchant.name);
    const { template_id } = await this.d.client.post<{ template_id: string }>(
      app,
      '/cgi-bin/externalcontact/group_welcome_template/add',
      { text: { content }, notify: 1 },
    );
    await this.d.entries.saveWelcome(merchantId, layer, { welcomeTemplateId: template_id, welcomeText: content });
    return {
      layer,
      templateId: template_id,
      text: content,
      hint: '已添加到企业微信的入群欢迎语素材，请群主在群设置「入群欢迎语」里选择它',
    };
  }

  list(merchantId: MerchantId): Promise<GroupEntryRecord[]> {
    return this.d.entries.list(merchantId);
  }

  private async app(merchantId: MerchantId) {
    const app = await this.d.apps.findByMerchant(merchantId);
    if (!app) throw notFound('还没有配置企业微信应用');
    return app;
  }
}
