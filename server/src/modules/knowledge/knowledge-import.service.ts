// Bulk import from the spreadsheets small shops already keep (CSV or Excel). The menu / catalogue goes to
// menu-import.service.ts (one row per variant). FAQ here: Chinese headers are mapped to fields (or the caller's own
// mapping), every row is validated on its own, valid rows are created or updated (matched by first question), and
// the report says row by row what went wrong. A dry run only reports.
import { faqInputSchema, type KnowledgeImportReport } from '@xiaoer/common/schemas/knowledge';
import type { Session } from '../../auth/session.js';
import { issuesByPath, mapColumns, pickFields, readSpreadsheet } from '../../files/spreadsheet.js';
import type { FaqRepository } from './faq.repository.js';
import type { KnowledgeAdminService } from './knowledge-admin.service.js';
import type { MenuImportService } from './menu-import.service.js';

type Kind = 'product' | 'faq';

const FAQ_HEADERS: Record<string, string> = {
  问题: 'questions',
  问法: 'questions',
  常见问题: 'questions',
  回答: 'answer',
  答案: 'answer',
};

const faqInput = (raw: Record<string, string>) => ({
  questions: (raw.questions ?? '')
    .split(/[|｜\n]/)
    .map((q) => q.trim())
    .filter(Boolean),
  answer: raw.answer ?? '',
});

type ImportInput = { format: 'csv' | 'xlsx'; content: string; mapping?: Record<string, string>; dryRun: boolean };

export class KnowledgeImportService {
  constructor(
    private admin: KnowledgeAdminService,
    private menu: MenuImportService,
    private faqs: FaqRepository,
  ) {}

  import(session: Session, kind: Kind, input: ImportInput): Promise<KnowledgeImportReport> {
    return kind === 'product' ? this.menu.import(session, input) : this.importFaqs(session, input);
  }

  private async importFaqs(session: Session, input: ImportInput): Promise<KnowledgeImportReport> {
    const rows = await readSpreadsheet(input.format, input.content);
    const mapping = mapColumns(Object.keys(rows[0]!), FAQ_HEADERS, input.mapping);
    const report: KnowledgeImportReport = {
      mapping,
      rows: rows.length,
      created: 0,
      updated: 0,
      failed: [],
      dryRun: input.dryRun,
    };
    for (const [i, row] of rows.entries()) {
      const parsed = faqInputSchema.safeParse(faqInput(pickFields(row, mapping)));
      if (!parsed.success) {
        report.failed.push({ row: i + 2, errors: issuesByPath(parsed.error.issues) });
        continue;
      }
      const existing = await this.faqs.idByFirstQuestion(session.merchantId, parsed.data.questions[0]!);
      if (!input.dryRun) {
        if (existing) await this.admin.update(session, 'faq', existing, parsed.data);
        else await this.admin.create(session, 'faq', parsed.data);
      }
      report[existing ? 'updated' : 'created']++;
    }
    return report;
  }
}
