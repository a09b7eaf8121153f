// Importing the shop's data from a spreadsheet: choose what it holds, pick the file from a WeChat chat, preview how the
// columns were understood and what each row would do, then import.
import { Button, Picker, Text, View } from '@tarojs/components';
import * as intake from '@xiaoer/common/api/intake';
import { INTAKE_KIND_NAMES, INTAKE_KINDS, type IntakeKindName } from '@xiaoer/common/schemas/shop-data';
import { useState } from 'react';
import { ImportRowsFooter } from '../../components/ImportRowsFooter';
import { call } from '../../services/client';
import { useSheetImport } from '../../hooks/useSheetImport';
import { useSignedIn } from '../../hooks/useSignedIn';

const FIELD_NAMES: Record<string, string> = {
  externalId: '编号',
  placedAt: '时间',
  channel: '渠道',
  status: '状态',
  amount: '金额',
  items: '商品',
  phone: '手机号',
  memberNo: '会员号',
  quantity: '数量',
  unit: '单位',
  low: '预警线',
  critical: '告急线',
  expiresOn: '到期日',
  item: '品名',
  change: '变动',
  reason: '类型',
  at: '时间',
  service: '项目',
  startAt: '预约时间',
  staffName: '服务人员',
  course: '课程',
  studentName: '学员',
  totalHours: '总课时',
  remainingHours: '剩余课时',
  packageId: '课时包',
  hours: '课时',
  cardName: '卡名',
  balance: '余额',
  visitsLeft: '剩余次数',
  platform: '平台',
  rating: '评分',
  text: '内容',
  orderId: '订单号',
  name: '姓名',
  birthday: '生日',
  points: '积分',
  subject: '科目',
  score: '成绩',
  fullMarks: '满分',
  comment: '老师评语',
  teacher: '老师',
  date: '日期',
};

export default function DataImport() {
  useSignedIn();
  const [kind, setKind] = useState<IntakeKindName>('orders');
  const {
    sheet,
    report: preview,
    busy,
    choose,
    confirm,
    clear,
  } = useSheetImport(
    (picked, dryRun) =>
      call(intake.importSheet, {
        params: { kind },
        body: { format: picked.format, content: picked.content, dryRun },
      }),
    (report) => `导入了 ${report.created + report.updated} 条`,
  );

  return (
    <View className="page">
      <View className="card">
        <View className="card-title">表格里是什么</View>
        <Picker
          mode="selector"
          range={INTAKE_KIND_NAMES.map((k) => INTAKE_KINDS[k].label)}
          value={INTAKE_KIND_NAMES.indexOf(kind)}
          onChange={(e) => {
            setKind(INTAKE_KIND_NAMES[Number(e.detail.value)]!);
            clear();
          }}
        >
          <View className="field">
            <Text>{INTAKE_KINDS[kind].label}</Text>
            <Text className="muted">换一种 ›</Text>
          </View>
        </Picker>
        <View className="muted">支持收银、预约、库存、课时系统导出的 .csv / .xlsx，常见中文表头会自动识别。</View>
        <View className="btn-row">
          <Button className="btn btn-primary" disabled={busy || undefined} onClick={choose}>
            从微信聊天里选文件
          </Button>
        </View>
      </View>
      {sheet && preview && (
        <View className="card">
          <View className="card-title">{preview.dryRun ? `预览：${sheet.name}` : `已导入：${sheet.name}`}</View>
          <View className="muted">这些列会被导入：</View>
          <View style={{ margin: '8px 0 16px' }}>
            {Object.entries(preview.mapping).map(([header, field]) => (
              <Text className="tag tag-on" key={header}>{`${header} → ${FIELD_NAMES[field] ?? field}`}</Text>
            ))}
          </View>
          <View className="field">
            <Text>共几行</Text>
            <Text>{preview.received}</Text>
          </View>
          <View className="field">
            <Text>{preview.dryRun ? '将新增' : '新增'}</Text>
            <Text>{preview.created}</Text>
          </View>
          <View className="field">
            <Text>{preview.dryRun ? '将更新' : '更新'}</Text>
            <Text>{preview.updated}</Text>
          </View>
          <View className="field">
            <Text>没对上客户</Text>
            <Text>{preview.unmatchedCustomers}</Text>
          </View>
          <ImportRowsFooter report={preview} busy={busy} onConfirm={confirm} />
        </View>
      )}
    </View>
  );
}
