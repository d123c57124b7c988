import { Alert, Table, Typography } from 'antd';
import { useAudit, useAuditVerify } from '../../../api/staff';
import type { AuditRow } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { usePageTitle } from '../../../components/usePageTitle';
import { ROLE } from '../../../lib/labels';
import { formatDateTime } from '../../../lib/law';

const ACTION: Record<string, string> = {
  'application.read': '查阅完整记录', 'application.read_full': '查阅完整记录', 'application.approve': '审核通过',
  'application.return': '退回补正', 'application.reject': '不予通过', 'application.cancel': '撤销资格（第三十一条）',
  'application.submit': '提交申请', 'application.withdraw': '退出轮候库', 'application.change.request': '申请变更（第九条）',
  'application.confirm': '确认信息（第八条）', 'application.lapse': '轮候资格失效（第八条）', 'application.remove': '移出轮候库（第九条）',
  'application.notice.read': '查阅通知书', 'results.export': '导出资格审核结果', 'person.lookup': '查询人员在库情况',
};

const regCodeOf = (d: unknown) => (d && typeof d === 'object' ? (d as { regCode?: string }).regCode : undefined);

/** Hash-chained audit log (auditors and city staff) with the chain verification result. */
export function AuditPage() {
  usePageTitle('审计日志');
  const { data, isLoading, error } = useAudit(200);
  const verify = useAuditVerify();
  const v = verify.data;
  const broken = v?.brokenAt ?? v?.firstBrokenSeq;
  const columns = [
    { title: '序号', dataIndex: 'seq', key: 'seq', width: 70 },
    { title: '时间', dataIndex: 'at', key: 'at', render: formatDateTime, width: 150 },
    { title: '操作人', key: 'actor', width: 170, render: (_: unknown, r: AuditRow) => (
      <>{ROLE[r.actorRole ?? ''] ?? r.actorRole ?? '系统'}<div><code title={r.actorAccountId}>{(r.actor ?? r.actorAccountId ?? 'system').slice(0, 8)}</code></div></>
    ) },
    { title: '操作', dataIndex: 'action', key: 'action', width: 190, render: (a: string) => <>{ACTION[a] ?? a}<div><code>{a}</code></div></> },
    { title: '对象', key: 'target', width: 150, render: (_: unknown, r: AuditRow) => regCodeOf(r.detail) ?? <code title={r.targetId}>{`${r.targetType ?? ''} ${(r.targetId ?? '').slice(0, 8)}`}</code> },
    { title: '详情', dataIndex: 'detail', key: 'detail', render: (d: unknown) => (d ? <code style={{ wordBreak: 'break-all', fontSize: 12 }}>{JSON.stringify(d)}</code> : '—') },
    { title: '哈希', dataIndex: 'hash', key: 'hash', width: 120, render: (h?: string) => (h ? <code title={h}>{h.slice(0, 12)}…</code> : '—') },
  ];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>审计日志</Typography.Title>
      {verify.isLoading ? null : verify.error ? (
        <ErrorAlert error={verify.error} />
      ) : (
        <Alert data-testid="audit-verify" style={{ marginBottom: 16 }} showIcon type={v?.ok ? 'success' : 'error'}
          title={v?.ok ? `哈希链校验通过${v.checked !== undefined ? `（共校验 ${v.checked} 条）` : ''}` : `哈希链校验未通过${broken ? `：第 ${broken} 条起被篡改` : ''}`}
          description={v?.message_zh} />
      )}
      <ErrorAlert error={error} />
      <Table<AuditRow> rowKey={(r) => String(r.seq)} size="small" columns={columns} dataSource={data ?? []} loading={isLoading}
        data-testid="audit-table" tableLayout="fixed" pagination={{ pageSize: 50, showSizeChanger: false }} />
    </>
  );
}
