// The existing-customers step of the setup: the WeCom contact sync with its progress (saved on the server, so a
// reload or another device shows the same), and the shop's member list imported from a spreadsheet — matched to
// customers by phone or member number, the rest kept so later orders, bookings and attendance find them.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as intake from '@xiaoer/common/api/intake';
import * as wecom from '@xiaoer/common/api/wecom';
import {
  MEMBER_SHEET_COLUMNS,
  MEMBER_SHEET_FILE_NAME,
  MEMBER_SHEET_TEMPLATE,
} from '@xiaoer/common/constants/member-sheet';
import type { ImportReport } from '@xiaoer/common/schemas/intake';
import { useEffect, useState } from 'react';
import { ImportRowsFooter } from '../../components/ImportRowsFooter';
import { ErrorState, Loading } from '../../components/States';
import { toast } from '../../components/Toast';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import { useSheetImport } from '../../hooks/useSheetImport';
import { syncView } from '../../services/setup-existing-customers';
import '../../components/form.scss';
import './setup.scss';

const POLL_MS = 2000;

/** The template: downloaded in the browser, copied (to paste into a sheet) in the mini-program. */
function getTemplate() {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([MEMBER_SHEET_TEMPLATE], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = MEMBER_SHEET_FILE_NAME;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    return;
  }
  void Taro.setClipboardData({ data: MEMBER_SHEET_TEMPLATE.replace('\uFEFF', '') }).then(() =>
    toast('模板已复制，粘贴到表格里另存为 .csv 即可', 'success'),
  );
}

function SyncCard() {
  const loaded = useAsync(() => call(wecom.contactSyncStatus));
  const [status, setStatus] = useState(loaded.data);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (loaded.data) setStatus(loaded.data);
  }, [loaded.data]);
  const view = status ? syncView(status.run, status.customers) : undefined;
  useEffect(() => {
    if (!view?.poll) return;
    const timer = setInterval(() => {
      call(wecom.contactSyncStatus).then(setStatus, () => undefined); // a missed poll is retried on the next tick
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [view?.poll]);

  const start = async () => {
    setBusy(true);
    try {
      const res = await call(wecom.contactSync);
      setStatus((s) => ({ run: res.run, customers: s?.customers ?? 0 }));
      toast(res.message, 'success');
    } catch (err) {
      toast((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" id="contact-sync">
      <View className="card-title">从企业微信同步老顾客</View>
      {loaded.error && !status && <ErrorState error={loaded.error} onRetry={loaded.reload} />}
      {!status && loaded.loading && <Loading />}
      {view && (
        <>
          <View className="step-detail" data-sync-text>
            {view.text}
          </View>
          {view.percent !== undefined && (
            <View className="progress">
              <View className="progress-bar" style={{ width: `${view.percent}%` }} />
            </View>
          )}
          {view.error && (
            <View className="step-fix" role="alert">
              <View>{view.error.message}</View>
              <View className="muted">{view.error.fix}</View>
            </View>
          )}
          <View className="btn-row">
            <Button className="btn btn-primary" disabled={busy || !view.canStart || undefined} onClick={start}>
              {view.button}
            </Button>
          </View>
        </>
      )}
    </View>
  );
}

function MemberImportCard() {
  const { sheet, report, busy, choose, confirm } = useSheetImport<ImportReport>(
    (picked, dryRun) =>
      call(intake.importSheet, {
        params: { kind: 'members' },
        body: { format: picked.format, content: picked.content, dryRun },
      }),
    (result) => `导入了 ${result.created + result.updated} 位会员`,
  );

  return (
    <View className="card" id="member-import">
      <View className="card-title">导入会员名单</View>
      <View className="muted">
        从收银或会员系统导出会员表（.csv /
        .xlsx），按手机号或会员号对上已有顾客，其余的先记下来，之后的订单、预约、考勤都能找到他们。
      </View>
      <View style={{ margin: '8px 0' }}>
        {MEMBER_SHEET_COLUMNS.map((c) => (
          <View className="field" key={c.header}>
            <Text>{c.header}</Text>
            <Text className="muted">{c.note}</Text>
          </View>
        ))}
      </View>
      <View className="btn-row">
        <Button className="btn btn-ghost" onClick={getTemplate}>
          {process.env.TARO_ENV === 'h5' ? '下载模板' : '复制模板'}
        </Button>
        <Button className="btn btn-primary" disabled={busy || undefined} onClick={choose}>
          选择会员表格
        </Button>
      </View>
      {sheet && report && (
        <View className="apply-result" data-import-report>
          <View className="strong">{report.dryRun ? `预览：${sheet.name}` : `已导入：${sheet.name}`}</View>
          <View className="field">
            <Text>共几行</Text>
            <Text>{report.received}</Text>
          </View>
          <View className="field">
            <Text>{report.dryRun ? '将新增顾客' : '新增顾客'}</Text>
            <Text>{report.created}</Text>
          </View>
          <View className="field">
            <Text>{report.dryRun ? '将补全已有顾客' : '补全已有顾客'}</Text>
            <Text>{report.updated}</Text>
          </View>
          <ImportRowsFooter report={report} busy={busy} onConfirm={confirm} />
        </View>
      )}
    </View>
  );
}

export default function SetupCustomers() {
  return (
    <View className="page">
      <View className="narrow">
        <SyncCard />
        <MemberImportCard />
      </View>
    </View>
  );
}
