// A campaign (群发) to an audience: pick tags, lifecycle stages, group layers and how long since the last visit,
// write the text (with a picture or a mini-program card), see who receives it per staff member and who is left out
// and why, then confirm — now, or at a chosen time (a festival). Each staff member gets one WeCom task with all their
// customers and confirms it once; one asked for in the shop's quiet hours waits until they end.
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { GROUP_LAYERS, type GroupLayer } from '@xiaoer/common/constants/groups';
import { LIFECYCLE_STAGES } from '@xiaoer/common/constants/lifecycle';
import type { CampaignAudience, CampaignPreview, CampaignSendResult } from '@xiaoer/common/schemas/campaign';
import { useState } from 'react';
import { Empty, ErrorState, Loading } from '../../components/States';
import { toast } from '../../components/Toast';
import { useAsync } from '../../hooks/useAsync';
import { type FieldErrors } from '../../services/form-check';
import { shopDate, shortTime } from '../../services/format';
import {
  audienceOf,
  newSendKey,
  pickedInstant,
  previewCampaign,
  previewLines,
  sendCampaign,
  tagOptions,
  toggled,
} from '../../services/campaigns';
import { AttachmentFields, checkAttachment, NO_ATTACHMENT, type AttachmentDraft } from './AttachmentFields';
import './campaigns.scss';

const LAYERS = (Object.keys(GROUP_LAYERS) as GroupLayer[]).filter((l) => l !== 'unset');

function Choices<T extends string>(props: {
  options: readonly T[];
  label?: (v: T) => string;
  picked?: T[];
  onToggle: (v: T) => void;
}) {
  return (
    <View className="choices">
      {props.options.map((o) => (
        <View
          key={o}
          className={`choice ${props.picked?.includes(o) ? 'choice-on' : ''}`}
          onClick={() => props.onToggle(o)}
        >
          {props.label ? props.label(o) : o}
        </View>
      ))}
    </View>
  );
}

export default function NewCampaign() {
  const tags = useAsync(tagOptions, []);
  const [picked, setPicked] = useState<CampaignAudience>({});
  const [minDays, setMinDays] = useState('');
  const [maxDays, setMaxDays] = useState('');
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<{ of: string; result: CampaignPreview; key: string } | null>(null);
  const [sent, setSent] = useState<CampaignSendResult | null>(null);
  const [later, setLater] = useState<{ date: string; time: string } | null>(null);
  // a picture by its web address or a mini-program card (pictures are uploaded to WeCom when the campaign goes)
  const [attachment, setAttachment] = useState<AttachmentDraft>(NO_ATTACHMENT);
  const [attachmentErrors, setAttachmentErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const audience = audienceOf(picked, minDays, maxDays);
  // the preview shown is for exactly this audience and text; a change asks for a new one (and a new send key)
  const current = JSON.stringify({ audience, text: text.trim(), attachment, later });
  const shown = preview?.of === current ? preview : null;
  const change = (next: CampaignAudience) => (setPicked(next), setSent(null));

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (err) {
      toast((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const look = () =>
    run(async () => setPreview({ of: current, result: await previewCampaign(audience), key: newSendKey() }));
  const confirm = () =>
    run(async () => {
      const checked = checkAttachment(attachment);
      setAttachmentErrors(checked.ok ? {} : checked.errors);
      if (!checked.ok) return;
      const recipients = shown!.result.senders.reduce((n, s) => n + s.recipients, 0);
      const sendAt = later ? pickedInstant(later.date, later.time) : undefined;
      const when = sendAt ? `${shortTime(sendAt)} ` : '';
      const { confirm: ok } = await Taro.showModal({
        title: '确认群发',
        content: `${when}发给 ${recipients} 位客户，每位员工在企业微信里确认一次后发出`,
        confirmText: '发送',
      });
      if (!ok) return;
      const result = await sendCampaign(audience, text.trim(), shown!.key, {
        sendAt,
        ...(checked.value ? { attachment: checked.value } : {}),
      });
      setSent(result);
      toast(result.status === 'scheduled' ? '已定好发送时间' : '群发任务已创建', 'success');
    });

  const lines = shown && previewLines(shown.result);
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">发给谁</Text>
        <View className="muted">客户标签（任选其一）</View>
        {tags.error && <ErrorState error={tags.error} onRetry={tags.reload} />}
        {!tags.data && tags.loading && <Loading />}
        {tags.data && !tags.data.length && <View className="muted">还没有标签，可先在客户页给客户打标签</View>}
        {tags.data && (
          <Choices
            options={tags.data}
            picked={picked.tags}
            onToggle={(t) => change({ ...picked, tags: toggled(picked.tags, t) })}
          />
        )}
        <View className="muted">客户阶段</View>
        <Choices
          options={LIFECYCLE_STAGES}
          picked={picked.lifecycle}
          onToggle={(s) => change({ ...picked, lifecycle: toggled(picked.lifecycle, s) })}
        />
        <View className="muted">所在客户群</View>
        <Choices
          options={LAYERS}
          label={(l) => GROUP_LAYERS[l]}
          picked={picked.groupLayers}
          onToggle={(l) => change({ ...picked, groupLayers: toggled(picked.groupLayers, l) })}
        />
        <View className="muted">最近一次到店（天前）</View>
        <View className="days">
          <Input
            className="input"
            type="number"
            placeholder="从"
            value={minDays}
            onInput={(e) => setMinDays(e.detail.value)}
          />
          <Text className="muted">至</Text>
          <Input
            className="input"
            type="number"
            placeholder="到"
            value={maxDays}
            onInput={(e) => setMaxDays(e.detail.value)}
          />
        </View>
      </View>
      <View className="card">
        <Text className="card-title">群发内容</Text>
        <Textarea
          className="textarea"
          value={text}
          maxlength={1000}
          placeholder="例如：本周六会员日，全场饮品第二杯半价～"
          onInput={(e) => setText(e.detail.value)}
        />
        <AttachmentFields
          draft={attachment}
          errors={attachmentErrors}
          onChange={(next) => (setAttachment(next), setSent(null))}
        />
        <View className="muted">什么时候发</View>
        <View className="choices">
          <View className={`choice ${later ? '' : 'choice-on'}`} onClick={() => (setLater(null), setSent(null))}>
            现在发
          </View>
          <View
            className={`choice ${later ? 'choice-on' : ''}`}
            onClick={() => (setLater(later ?? { date: shopDate(), time: '10:00' }), setSent(null))}
          >
            定时发
          </View>
        </View>
        {later && (
          <View className="days" data-schedule>
            <Picker
              mode="date"
              value={later.date}
              start={shopDate()}
              onChange={(e) => setLater({ ...later, date: e.detail.value })}
            >
              <View className="input">{later.date}</View>
            </Picker>
            <Picker mode="time" value={later.time} onChange={(e) => setLater({ ...later, time: e.detail.value })}>
              <View className="input">{later.time}</View>
            </Picker>
          </View>
        )}
        <View className="btn-row">
          <Button className="btn btn-ghost" disabled={busy || undefined} onClick={look}>
            看看会发给谁
          </Button>
        </View>
      </View>
      {lines && (
        <View className="card" data-preview>
          <Text className="card-title">发送前确认</Text>
          <View className="preview-line">{lines.summary}</View>
          {lines.senders.map((s) => (
            <View key={s} className="muted">
              {s}
            </View>
          ))}
          {lines.excluded.length > 0 && (
            <View style={{ marginTop: '16px' }}>
              <Text className="preview-line" style={{ fontWeight: 600 }}>
                不会发给
              </Text>
              {lines.excluded.map((e) => (
                <View key={e.reason} className="excluded" data-reason={e.reason}>
                  <View>{e.text}</View>
                  <View className="muted">{e.names}</View>
                </View>
              ))}
            </View>
          )}
          {!shown!.result.senders.length ? (
            <Empty title="没有可以发送的客户" hint="换个条件试试，或等冷静期、每周上限过去" />
          ) : (
            <View className="btn-row">
              <Button
                className="btn btn-primary"
                disabled={busy || !text.trim() || !!sent || undefined}
                onClick={confirm}
              >
                {sent ? '已创建' : '确认发送'}
              </Button>
            </View>
          )}
          {!text.trim() && <View className="muted">先写好群发内容再发送</View>}
        </View>
      )}
      {sent?.status === 'scheduled' && (
        <View className="card" data-sent>
          <Text className="card-title">{`已定好：${shortTime(sent.sendAt!)} 发送`}</Text>
          <View className="muted">
            到时会按当时的情况再核对一遍（退订、每周上限），再给每位员工创建群发任务；发出前可以在群发记录里取消。
          </View>
          {!later && <View className="muted">现在是免打扰时段，会在免打扰结束后发送。</View>}
          <View className="btn-row">
            <Button className="btn btn-ghost" onClick={() => Taro.redirectTo({ url: '/pages/campaigns/index' })}>
              查看群发记录
            </Button>
          </View>
        </View>
      )}
      {sent?.status === 'sent' && (
        <View className="card" data-sent>
          <Text className="card-title">已创建 {sent.tasks.length} 个群发任务</Text>
          <View className="muted">请以下员工打开企业微信，在「客户群发」里确认发送：</View>
          {sent.uncertain > 0 && (
            <View className="up">{`有 ${sent.uncertain} 位客户的任务上次创建时中断，可能已在企业微信里：请在「客户群发」记录里确认，没有的话换个条件重新发`}</View>
          )}
          {sent.senders.map((s) => (
            <View key={s.staffId} className="preview-line">{`${s.name}：${s.recipients} 位客户`}</View>
          ))}
          <View className="btn-row">
            <Button className="btn btn-ghost" onClick={() => Taro.redirectTo({ url: '/pages/campaigns/index' })}>
              查看群发记录
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
