import { Card, Table } from 'antd';
import type { DataCheck, Member } from '../../../api/types';
import { DEPARTMENT, RELATION } from '../../../lib/labels';
import { formatDate, formatDateTime } from '../../../lib/law';

const PROPERTY_KIND: Record<string, string> = { commercial: '商品住房', policy: '政策性住房', affordable: '保障性住房' };
const FUND_STATUS: Record<string, string> = { contributing: '正常缴存', suspended: '封存/暂停', none: '无账户' };
type Obj = Record<string, unknown>;

/** A department's answer in words; members are named from the form (answers refer to them by index). */
export function CheckResult({ check, members }: { check: DataCheck; members: Member[] }) {
  const who = (i: unknown) => { const m = members[Number(i)]; return m ? `${m.name}（${RELATION[m.relation] ?? m.relation}）` : `成员${Number(i) + 1}`; };
  const r = (check.result ?? {}) as Obj;
  if (check.summary_zh) return <>{check.summary_zh}</>;
  switch (check.department) {
    case 'property': {
      const recs = (r.records as Obj[] | undefined) ?? [];
      return (
        <>
          <div>名下住房 {String(r.ownedUnits ?? 0)} 套，合计 {String(r.ownedArea ?? 0)} 平方米</div>
          {recs.map((x, i) => <div key={i}>· {who(x.member)}：{PROPERTY_KIND[String(x.kind)] ?? String(x.kind)} {String(x.area)} 平方米，{formatDate(String(x.registeredOn))} 登记</div>)}
        </>
      );
    }
    case 'civil_affairs':
      return <>{r.incomeStatus === 'low_middle' ? `已认定为城市中低收入家庭${r.certifiedOn ? `（${formatDate(String(r.certifiedOn))}认定）` : ''}` : '未认定为中低收入家庭'}</>;
    case 'social_insurance':
      return <>{((r.members as Obj[] | undefined) ?? []).map((x, i) => <div key={i}>{who(x.member)}：在济南缴纳 {String(x.months)} 个月{x.retired ? '，已退休' : ''}</div>)}</>;
    case 'provident_fund':
      return <>{((r.members as Obj[] | undefined) ?? []).map((x, i) => <div key={i}>{who(x.member)}：{FUND_STATUS[String(x.status)] ?? String(x.status)}，{String(x.months)} 个月</div>)}</>;
    default:
      return <code style={{ wordBreak: 'break-all' }}>{JSON.stringify(check.result)}</code>;
  }
}

/** Answers of the four departments (第三条 data-check support), with provider and time. */
export function DataChecks({ checks, members }: { checks: DataCheck[]; members: Member[] }) {
  const columns = [
    { title: '核查部门', dataIndex: 'department', key: 'department', width: 260, render: (v: string) => DEPARTMENT[v] ?? v },
    { title: '数据来源', dataIndex: 'provider', key: 'provider', width: 160, render: (v?: string) => v ?? '—' },
    { title: '核查时间', dataIndex: 'checkedAt', key: 'checkedAt', width: 170, render: (v?: string) => formatDateTime(v) },
    { title: '结果', key: 'result', render: (_: unknown, c: DataCheck) => <CheckResult check={c} members={members} /> },
  ];
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>部门数据核查</h2>} style={{ marginBottom: 16 }}>
      <Table<DataCheck> rowKey={(c) => `${c.department}-${c.checkedAt}`} size="small" pagination={false} columns={columns} dataSource={checks}
        data-testid="data-checks" locale={{ emptyText: '尚无核查结果' }} />
    </Card>
  );
}
