import { Card, Table, Tag } from 'antd';
import type { DataCheck } from '../../../api/types';
import { DEPARTMENT } from '../../../lib/labels';
import { formatDateTime } from '../../../lib/law';

const RESULT_LABEL: Record<string, string> = {
  ownedUnits: '名下住房套数', ownedArea: '名下住房面积(㎡)', incomeStatus: '收入认定', months: '连续缴纳月数',
  socialInsuranceMonths: '社保月数', retired: '已退休', employer: '单位', contributing: '正常缴存', hasAccount: '有公积金账户',
  found: '查得记录', status: '状态',
};

/** Renders a department's answer as "label: value" pairs, whatever its shape. */
export function CheckResult({ check }: { check: DataCheck }) {
  if (check.summary_zh) return <>{check.summary_zh}</>;
  const r = check.result;
  if (r === null || r === undefined) return <>—</>;
  if (typeof r !== 'object') return <>{String(r)}</>;
  return (
    <>
      {Object.entries(r as Record<string, unknown>).map(([k, v]) => (
        <div key={k}>
          {RESULT_LABEL[k] ?? k}：{typeof v === 'boolean' ? (v ? '是' : '否') : typeof v === 'object' ? JSON.stringify(v) : String(v)}
        </div>
      ))}
    </>
  );
}

/** Answers of the four departments (第三条 data-check support), with provider and time. */
export function DataChecks({ checks }: { checks: DataCheck[] }) {
  const columns = [
    { title: '核查部门', dataIndex: 'department', key: 'department', render: (v: string) => DEPARTMENT[v] ?? v },
    { title: '数据来源', dataIndex: 'provider', key: 'provider', render: (v?: string) => v ?? '—' },
    { title: '核查时间', dataIndex: 'checkedAt', key: 'checkedAt', render: (v?: string) => formatDateTime(v) },
    { title: '结果', key: 'result', render: (_: unknown, c: DataCheck) => (
      <>
        {c.ok === true && <Tag color="success">一致</Tag>}
        {c.ok === false && <Tag color="error">不一致</Tag>}
        <CheckResult check={c} />
      </>
    ) },
  ];
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>部门数据核查</h2>} style={{ marginBottom: 16 }}>
      <Table<DataCheck> rowKey={(c, i) => `${c.department}-${i}`} size="small" pagination={false} columns={columns} dataSource={checks}
        data-testid="data-checks" locale={{ emptyText: '尚无核查结果' }} />
    </Card>
  );
}
