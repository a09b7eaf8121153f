// The scripts library (话术库) as a staff member sees it: every script with its pinyin initials (staff type "hyc"
// for 欢迎词 on a phone keyboard) and their own favourites first.
import type { ScriptItemDto } from '@xiaoer/common/schemas/sidebar';
import { pinyin } from 'pinyin-pro';
import { notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { ScriptRepository } from './script.repository.js';

/** First letters of the Chinese words (other characters kept as they are), lower case, no spaces. */
export const pinyinInitials = (text: string) =>
  pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/\s+/g, '')
    .toLowerCase();

export class ScriptLibraryService {
  constructor(
    private scripts: ScriptRepository,
    private staff: StaffRepository,
  ) {}

  async list(merchantId: MerchantId, staffId: string): Promise<ScriptItemDto[]> {
    const [scripts, me] = await Promise.all([
      this.scripts.library(merchantId),
      this.staff.findById(merchantId, staffId),
    ]);
    const favourites = new Set((me?.favouriteScriptIds ?? []).map(String));
    return scripts
      .map((s) => ({
        id: String(s._id),
        category: s.category,
        title: s.title,
        content: s.content,
        initials: `${pinyinInitials(s.title)} ${pinyinInitials(s.content)}`,
        attachment: s.attachment ?? undefined,
        usageCount: s.usageCount,
        favourite: favourites.has(String(s._id)),
      }))
      .sort((a, b) => Number(b.favourite) - Number(a.favourite));
  }

  async setFavourite(merchantId: MerchantId, staffId: string, scriptId: string, favourite: boolean): Promise<void> {
    const id = await this.scripts.idOf(merchantId, scriptId);
    if (!id) throw notFound('没有找到这条话术');
    await this.staff.setFavouriteScript(merchantId, staffId, id, favourite);
  }
}
