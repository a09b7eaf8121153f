// One script's editor: category, title, the text with its variables one tap away, a live preview as a customer of this
// shop would receive it, an attachment (image, link or mini-program card), and delete (undoable in 修改记录).
import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as knowledge from '@xiaoer/common/api/knowledge';
import { SCRIPT_VARIABLES, scriptInputSchema } from '@xiaoer/common/schemas/knowledge';
import type { ScriptDto } from '@xiaoer/common/schemas/knowledge-item';
import { blanksIn } from '@xiaoer/common/schemas/knowledge-template';
import { useState } from 'react';
import { Field, FormError } from '../../components/Field';
import { toast } from '../../components/Toast';
import { call } from '../../services/client';
import { checkForm, errorsOf, type FieldErrors } from '../../services/form-check';
import {
  ATTACHMENT_KINDS,
  SAMPLE_CUSTOMER,
  attachmentFields,
  attachmentOf,
  previewText,
  unknownVariables,
  type AttachmentFields,
} from '../../services/scripts-page';
import { BlankText } from '../setup/BlankText';

interface Props {
  script: ScriptDto | null;
  categories: string[];
  defaultCategory: string;
  shopName: string;
  onDone: () => Promise<void>;
  onCancel: () => void;
}

export function ScriptEditor({ script, categories, defaultCategory, shopName, onDone, onCancel }: Props) {
  const [category, setCategory] = useState(script?.category ?? defaultCategory);
  const [title, setTitle] = useState(script?.title ?? '');
  const [content, setContent] = useState(script?.content ?? '');
  const [attachment, setAttachment] = useState<AttachmentFields>(attachmentFields(script?.attachment));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const unknown = unknownVariables(content);
  const blanks = blanksIn(`${title}\n${content}`);
  const setField = (field: keyof AttachmentFields) => (e: { detail: { value: string } }) =>
    setAttachment((a) => ({ ...a, [field]: e.detail.value }));

  const save = async () => {
    const checked = checkForm(scriptInputSchema, { category, title, content, attachment: attachmentOf(attachment) });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      if (script) await call(knowledge.scripts.update, { params: { id: script.id }, body: checked.value });
      else await call(knowledge.scripts.create, { body: checked.value });
      toast(blanks.length ? '已保存，还有【请填写】没补' : '已保存，店员马上能用', blanks.length ? 'none' : 'success');
      await onDone();
    } catch (err) {
      setErrors(errorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!script) return;
    const { confirm } = await Taro.showModal({
      title: `删除「${script.title}」？`,
      content: '店员的侧边栏里就没有这条了；可以在「菜单 / 商品 › 修改记录」里撤销',
    });
    if (!confirm) return;
    try {
      await call(knowledge.scripts.remove, { params: { id: script.id } });
      toast('已删除', 'success');
      await onDone();
    } catch (err) {
      toast((err as Error).message);
    }
  };

  return (
    <View className="card" id="script-editor">
      <View className="card-title">{script ? '修改话术' : '新增话术'}</View>
      <Field label="分类" error={errors.category}>
        <Input
          className="input"
          value={category}
          maxlength={20}
          placeholder="如 欢迎、售后、活动"
          onInput={(e) => setCategory(e.detail.value)}
        />
      </Field>
      {categories.length > 0 && (
        <View className="variables">
          {categories.map((c) => (
            <Text key={c} className={`tag ${c === category ? 'tag-on' : ''}`} onClick={() => setCategory(c)}>
              {c}
            </Text>
          ))}
        </View>
      )}
      <Field label="标题（店员搜索时看到）" error={errors.title}>
        <Input
          className="input"
          value={title}
          maxlength={40}
          placeholder="如 进店欢迎"
          onInput={(e) => setTitle(e.detail.value)}
        />
      </Field>
      <Field label="内容" error={errors.content}>
        <Textarea
          className="textarea"
          value={content}
          maxlength={1000}
          placeholder="{客户称呼}您好，欢迎来到{店名}～"
          onInput={(e) => setContent(e.detail.value)}
        />
      </Field>
      <View className="muted">点一下插入变量，发送时自动换成真实的：</View>
      <View className="variables">
        {SCRIPT_VARIABLES.map((v) => (
          <Text key={v.token} className="tag" data-variable={v.token} onClick={() => setContent((c) => c + v.token)}>
            {`${v.token} ${v.hint}`}
          </Text>
        ))}
      </View>
      {unknown.length > 0 && (
        <View className="warn">{`${unknown.join('、')} 不是可用的变量，会原样发给客户。可用的变量见上方。`}</View>
      )}
      {blanks.length > 0 && (
        <View className="warn">{`还有【请填写】：${blanks.join('、')}。补上之前店员发不出去。`}</View>
      )}

      <Field label="附件（可选）" error={errors.attachment}>
        <View className="variables">
          {ATTACHMENT_KINDS.map((k) => (
            <Text
              key={k.kind}
              className={`tag ${attachment.kind === k.kind ? 'tag-on' : ''}`}
              data-attachment={k.kind}
              onClick={() => setAttachment((a) => ({ ...a, kind: k.kind }))}
            >
              {k.name}
            </Text>
          ))}
        </View>
      </Field>
      {(attachment.kind === 'link' || attachment.kind === 'miniprogram') && (
        <Field label={attachment.kind === 'link' ? '链接标题' : '卡片标题'} error={errors['attachment.title']}>
          <Input
            className="input"
            value={attachment.title}
            maxlength={60}
            placeholder={attachment.kind === 'link' ? '如 本周菜单' : '如 在线点单'}
            onInput={setField('title')}
          />
        </Field>
      )}
      {(attachment.kind === 'image' || attachment.kind === 'link') && (
        <Field
          label={attachment.kind === 'image' ? '图片地址（https://…）' : '链接地址（https://…）'}
          error={errors['attachment.url']}
        >
          <Input className="input" value={attachment.url} placeholder="https://" onInput={setField('url')} />
        </Field>
      )}
      {attachment.kind === 'miniprogram' && (
        <>
          <Field label="小程序 AppID" error={errors['attachment.appid']}>
            <Input
              className="input"
              value={attachment.appid}
              maxlength={40}
              placeholder="wx 开头，在小程序后台「开发设置」里"
              onInput={setField('appid')}
            />
          </Field>
          <Field label="页面路径" error={errors['attachment.page']}>
            <Input
              className="input"
              value={attachment.page}
              maxlength={200}
              placeholder="如 pages/index/index"
              onInput={setField('page')}
            />
          </Field>
        </>
      )}

      <View className="form-label">{`预览：发给「${SAMPLE_CUSTOMER}」时`}</View>
      <View className="preview" id="script-preview">
        {content.trim() ? (
          <BlankText text={previewText(content, shopName)} />
        ) : (
          <Text className="muted">写好内容后在这里预览</Text>
        )}
        {attachment.kind === 'image' && attachment.url.startsWith('https://') && (
          <Image className="preview-attachment" src={attachment.url} mode="widthFix" style={{ width: '160px' }} />
        )}
        {attachment.kind !== 'none' && attachment.kind !== 'image' && (
          <View className="preview-attachment">
            {`${attachment.kind === 'link' ? '链接' : '小程序卡片'}：${attachment.title || '（未填标题）'}`}
          </View>
        )}
      </View>

      <FormError error={errors._} />
      <View className="btn-row">
        <Button className="btn btn-primary" disabled={busy || undefined} onClick={() => void save()}>
          保存
        </Button>
        <Button className="btn btn-ghost" onClick={onCancel}>
          取消
        </Button>
      </View>
      {script && (
        <View className="btn-row">
          <Button className="btn btn-danger" onClick={() => void remove()}>
            删除这条话术
          </Button>
        </View>
      )}
    </View>
  );
}
