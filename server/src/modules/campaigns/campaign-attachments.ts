// A campaign's picture or mini-program card as WeCom's add_msg_template takes it. WeCom wants pictures as media_ids,
// which live three days, so they are uploaded (media/upload, through the shared MediaService that reuses one upload
// for 2.5 days) when the campaign goes — a campaign scheduled a week ahead gets a fresh one then.
import type { CampaignAttachment } from '@xiaoer/common/schemas/campaign';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { WecomAttachment } from './group-send.service.js';

/** Uploads a picture by its web address and answers its WeCom media_id. */
export type ImageMedia = (merchantId: MerchantId, url: string) => Promise<string>;

export async function wecomAttachments(
  merchantId: MerchantId,
  attachment: CampaignAttachment | undefined,
  imageMedia: ImageMedia,
): Promise<WecomAttachment[]> {
  if (!attachment) return [];
  if (attachment.kind === 'image')
    return [{ msgtype: 'image', image: { media_id: await imageMedia(merchantId, attachment.url) } }];
  return [
    {
      msgtype: 'miniprogram',
      miniprogram: {
        title: attachment.title,
        pic_media_id: await imageMedia(merchantId, attachment.coverUrl),
        appid: attachment.appid,
        page: attachment.page,
      },
    },
  ];
}
