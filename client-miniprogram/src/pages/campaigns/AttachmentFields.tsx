// What goes with a campaign's text: nothing, a picture by its web address, or a mini-program card (title, AppID, page
// path and cover picture, as WeCom's add_msg_template takes it). Checked by the contract's schema before the owner
// confirms; each refusal shows in Chinese under its field.
import { Input, View } from '@tarojs/components';
import { campaignAttachmentSchema, type CampaignAttachment } from '@xiaoer/common/schemas/campaign';
import { Field } from '../../components/Field';
import { checkForm, type FieldErrors } from '../../services/form-check';

export interface AttachmentDraft {
  kind: 'none' | 'image' | 'miniprogram';
  url: string;
  title: string;
  appid: string;
  page: string;
  coverUrl: string;
}
export const NO_ATTACHMENT: AttachmentDraft = { kind: 'none', url: '', title: '', appid: '', page: '', coverUrl: '' };

const KINDS = [
  { kind: 'none', label: '不加' },
  { kind: 'image', label: '图片' },
  { kind: 'miniprogram', label: '小程序卡片' },
] as const;

/** The attachment to send, or the errors by field (`url`, `title`, `appid`, `page`, `coverUrl`). */
export function checkAttachment(
  d: AttachmentDraft,
): { ok: true; value?: CampaignAttachment } | { ok: false; errors: FieldErrors } {
  if (d.kind === 'none') return { ok: true };
  const input =
    d.kind === 'image'
      ? { kind: 'image', url: d.url.trim() }
      : { kind: 'miniprogram', title: d.title, appid: d.appid, page: d.page, coverUrl: d.coverUrl.trim() };
  return checkForm(campaignAttachmentSchema, input);
}

export function AttachmentFields({
  draft,
  errors,
  onChange,
}: {
  draft: AttachmentDraft;
  errors: FieldErrors;
  onChange: (next: AttachmentDraft) => void;
}) {
  const input = (key: Exclude<keyof AttachmentDraft, 'kind'>, placeholder: string, maxlength = 200) => (
    <Input
      className="input"
      data-attachment={key}
      placeholder={placeholder}
      maxlength={maxlength}
      value={draft[key]}
      onInput={(e) => onChange({ ...draft, [key]: e.detail.value })}
    />
  );
  return (
    <View data-attachment-fields>
      <View className="muted">附件（选填）</View>
      <View className="choices">
        {KINDS.map((k) => (
          <View
            key={k.kind}
            className={`choice ${draft.kind === k.kind ? 'choice-on' : ''}`}
            onClick={() => onChange({ ...draft, kind: k.kind })}
          >
            {k.label}
          </View>
        ))}
      </View>
      {draft.kind === 'image' && (
        <Field label="图片网址" error={errors.url}>
          {input('url', 'https://…/poster.jpg', 500)}
        </Field>
      )}
      {draft.kind === 'miniprogram' && (
        <>
          <Field label="卡片标题" error={errors.title}>
            {input('title', '如：会员日领券', 20)}
          </Field>
          <Field label="小程序 AppID" error={errors.appid}>
            {input('appid', 'wx 开头的 18 位，在小程序后台 → 设置里', 18)}
          </Field>
          <Field label="页面路径" error={errors.page}>
            {input('page', '如：pages/coupon/index.html')}
          </Field>
          <Field label="封面图片网址" error={errors.coverUrl}>
            {input('coverUrl', 'https://…/cover.jpg', 500)}
          </Field>
        </>
      )}
    </View>
  );
}
