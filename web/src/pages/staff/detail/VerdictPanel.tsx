import { Alert, Card, Descriptions, Table, Tag } from 'antd';
import type { TraceStep, Verdict } from '../../../api/types';
import { ArticleLink } from '../../../components/ArticleLink';
import { Reasons } from '../../../components/Reasons';
import { CategoryText, PriorityTags } from '../../../components/Tags';

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The rule's verdict: category, priority flags, each condition with its article, and the full trace. */
export function VerdictPanel({ verdict }: { verdict: Verdict | null | undefined }) {
  if (!verdict) {
    return (
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>规则判定</h2>} style={{ marginBottom: 16 }}>
        尚未判定（提交后由规则 housing.eligibility 判定）。
      </Card>
    );
  }
  const columns = [
    { title: '条文', dataIndex: 'article', key: 'article', render: (v?: string) => (v ? <ArticleLink article={v} /> : '—') },
    { title: '检查', dataIndex: 'test', key: 'test', render: (v: string, s: TraceStep) => s.message_zh ?? v ?? '—' },
    { title: '取值', dataIndex: 'value', key: 'value', render: show },
    { title: '参数（版本）', dataIndex: 'params', key: 'params', render: (p?: TraceStep['params']) =>
      p ? Object.entries(p).map(([k, x]) => <div key={k}>{k} = {show(x.value)}（{x.version}起）</div>) : '—' },
    { title: '结果', dataIndex: 'passed', key: 'passed', render: (v?: boolean) => (v === undefined ? '—' : v ? <Tag color="success">满足</Tag> : <Tag color="error">不满足</Tag>) },
  ];
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>规则判定</h2>} style={{ marginBottom: 16 }} data-testid="verdict">
      <Alert type={verdict.eligible ? 'success' : 'error'} showIcon style={{ marginBottom: 12 }}
        title={verdict.eligible ? '符合入库条件' : '不符合入库条件'} data-testid="verdict-eligible" />
      <Descriptions size="small" column={2} items={[
        { key: 'c', label: '类别（第五条）', children: <CategoryText category={verdict.category} /> },
        { key: 'p', label: '优先情形（第六条）', children: <PriorityTags priority={verdict.priority} linked /> },
      ]} />
      <h3 style={{ fontSize: 14 }}>各项条件</h3>
      <Reasons reasons={verdict.reasons} testId="verdict-reasons" />
      {(verdict.trace?.length ?? 0) > 0 && (
        <>
          <h3 style={{ fontSize: 14, marginTop: 12 }}>判定过程（trace）</h3>
          <Table<TraceStep> rowKey={(_, i) => String(i)} size="small" pagination={false} columns={columns} dataSource={verdict.trace} data-testid="verdict-trace" />
        </>
      )}
    </Card>
  );
}
