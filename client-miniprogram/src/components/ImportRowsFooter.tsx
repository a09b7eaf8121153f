// The end of every spreadsheet preview (orders and the rest, old customers, the menu): the rows that will not be
// imported with each one's reason, then the owner's 确认导入 while it is still a preview.
import { Button, View } from '@tarojs/components';

interface PreviewReport {
  dryRun: boolean;
  created: number;
  updated: number;
  failed: { row: number; errors: Record<string, string> }[];
}

/** Rows listed at most: a sheet with more wrong rows is better fixed from the first ones. */
const ROWS_SHOWN = 50;

export function ImportRowsFooter(props: {
  report: PreviewReport;
  busy: boolean;
  onConfirm: () => void;
  /** what the owner should do about the wrong rows */
  advice?: string;
}) {
  const { report, busy, onConfirm, advice = '不会导入' } = props;
  return (
    <>
      {report.failed.length > 0 && (
        <View style={{ marginTop: '16px' }} data-import-errors>
          <View className="up">{`${report.failed.length} 行有问题，${advice}：`}</View>
          {report.failed.slice(0, ROWS_SHOWN).map((f) => (
            <View className="muted" key={f.row} data-row={f.row}>
              {`第 ${f.row} 行：${Object.values(f.errors).join('；')}`}
            </View>
          ))}
        </View>
      )}
      {report.dryRun && (
        <View className="btn-row">
          <Button
            className="btn btn-primary"
            disabled={busy || report.created + report.updated === 0 || undefined}
            onClick={onConfirm}
          >
            确认导入
          </Button>
        </View>
      )}
    </>
  );
}
