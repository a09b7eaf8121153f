import type { ScriptDto } from '@xiaoer/common/schemas/knowledge-item';
import type { ScriptRecord } from './script.repository.js';

type Attachment = NonNullable<ScriptRecord['attachment']>;

/** The attachment's own fields: the stored sub-document may carry empty ones (null) its kind does not have. */
const presentAttachment = ({ kind, url, title, appid, page }: Attachment): NonNullable<ScriptDto['attachment']> => ({
  kind,
  ...(url ? { url } : {}),
  ...(title ? { title } : {}),
  ...(appid ? { appid } : {}),
  ...(page ? { page } : {}),
});

/** A script as the editor shows it: its id as a string and how often it was used, no tenant or bookkeeping. */
export const presentScript = (s: ScriptRecord): ScriptDto => ({
  id: s._id.toHexString(),
  category: s.category,
  title: s.title,
  content: s.content,
  ...(s.attachment ? { attachment: presentAttachment(s.attachment) } : {}),
  usageCount: s.usageCount ?? 0,
});
