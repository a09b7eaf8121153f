// The menu or catalogue from a spreadsheet: the layout explained and a template to fill (one row per variant: colour ×
// size, 中杯 / 大杯), the file picked, a preview of what each product and row would do, then the import with the
// result row by row. A product with a wrong row is not imported at all; the owner fixes the row and imports again
// (a re-import updates, never duplicates).
import { Button, Text, View } from '@tarojs/components';
import * as knowledge from '@xiaoer/common/api/knowledge';
import {
  ATTRIBUTE_HEADERS,
  MENU_TEMPLATE_FILENAME,
  VARIANT_OPTION_HEADERS,
  menuTemplateCsv,
} from '@xiaoer/common/constants/menu-sheet';
import { useSheetImport } from '../../../hooks/useSheetImport';
import { ImportRowsFooter } from '../../../components/ImportRowsFooter';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { call } from '../../../services/client';
import { offerTemplate } from '../../../services/files';
import '../../../components/form.scss';
import '../setup.scss';

const RESULT = { created: '新增', updated: '更新', failed: '未导入' } as const;

export default function MenuImport() {
  useSignedIn();
  const { sheet, report, busy, choose, confirm } = useSheetImport(
    (picked, dryRun) =>
      call(knowledge.importProducts, { body: { format: picked.format, content: picked.content, dryRun } }),
    (result) => `导入了 ${result.created + result.updated} 个商品`,
  );

  return (
    <View className="page">
      <View className="narrow">
        <View className="card" id="menu-sheet-layout">
          <View className="card-title">表格怎么填</View>
          <View className="muted">· 一行一个规格：同一件商品有几种颜色、尺码或杯型，就写几行，商品名写成一样的。</View>
          <View className="muted">{`· 规格列可用：${VARIANT_OPTION_HEADERS.slice(0, 6).join('、')} 等，或一列「规格」写成 颜色=黄色;尺码=L。`}</View>
          <View className="muted">· 价格写元（如 18 或 16.5），库存写整数，不计库存就留空。</View>
          <View className="muted">{`· 顾客会问的属性可加列：${ATTRIBUTE_HEADERS.slice(0, 8).join('、')} 等；别名用顿号隔开。`}</View>
          <View className="muted">· 再次导入同名商品会更新，不会重复；表格里没有的列保持原样。</View>
          <View className="btn-row">
            <Button className="btn btn-ghost" onClick={() => offerTemplate(menuTemplateCsv(), MENU_TEMPLATE_FILENAME)}>
              下载模板
            </Button>
            <Button className="btn btn-primary" disabled={busy || undefined} onClick={choose}>
              选择表格文件
            </Button>
          </View>
        </View>
        {sheet && report && (
          <View className="card" id="menu-import-report" data-dry-run={report.dryRun}>
            <View className="card-title">{report.dryRun ? `预览：${sheet.name}` : `已导入：${sheet.name}`}</View>
            <View className="field">
              <Text>{`共 ${report.rows} 行`}</Text>
              <Text>{`${report.dryRun ? '将新增' : '新增'} ${report.created} · ${report.dryRun ? '将更新' : '更新'} ${report.updated}`}</Text>
            </View>
            {(report.items ?? []).map((item) => (
              <View className="field" key={item.name} data-product={item.name} data-result={item.result}>
                <Text>{item.name}</Text>
                <Text className={item.result === 'failed' ? 'up' : 'muted'}>
                  {`第 ${item.rows.join('、')} 行 · ${RESULT[item.result]}`}
                </Text>
              </View>
            ))}
            <ImportRowsFooter report={report} busy={busy} onConfirm={confirm} advice="改好后再导入一次" />
          </View>
        )}
      </View>
    </View>
  );
}
