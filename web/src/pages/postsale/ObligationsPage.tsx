/**
 * 多套房退出期限 (第二十二条): holders who came to hold more than one unit by inheritance or a
 * change of marriage must apply to exit the extra one within 60 days of the change.
 */
import { Card, Checkbox, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type Obligation, useObligations } from '../../api/postsale';
import { ArticleLink } from '../../components/ArticleLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { SaleTag } from '../sale/StatusTag';
import { DaysLeftTag } from './Bits';
import { OBLIGATION_STATUS } from './model';
import { ScrollTable } from './ScrollTable';

/** The obligation list at /staff/postsale/obligations. */
export function ObligationsPage() {
  usePageTitle('多套房退出期限');
  const [overdue, setOverdue] = useState(false);
  const { data, isFetching, error } = useObligations(overdue);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>多套房退出期限</Typography.Title>
      <Typography.Paragraph style={{ marginTop: 8 }}>
        因继承、婚姻状况变化等取得其他保障性住房的，可保留其中1套，超出1套的应在相关情形发生变化之日起60日内申请退出（<ArticleLink article="第二十二条" />）。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Card size="small" title={<Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="obligations-overdue">只看逾期</Checkbox>}>
        <ScrollTable<Obligation> label="多套房退出期限" size="small" rowKey="id" dataSource={data ?? []} loading={isFetching} data-testid="obligations-table" minWidth={900}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }} locale={{ emptyText: '暂无多套房退出期限' }}
          columns={[
            { title: '持有人', key: 'holder', render: (_, o) => `${o.holder.maskedName ?? '—'}${o.holder.regCode ? `（${o.holder.regCode}）` : ''}` },
            { title: '持有套数', dataIndex: 'unitsHeld', align: 'right' },
            { title: '房源', key: 'units', render: (_, o) => o.units.map((u) => (
              <div key={u.unitId}><Link to={`/staff/postsale/units/${u.unitId}`}>{u.label}</Link></div>)) },
            { title: '变化之日', dataIndex: 'changeOn' },
            { title: '申请退出期限', dataIndex: 'deadlineOn' },
            { title: '剩余', dataIndex: 'daysLeft', render: (v: number, o) => (o.status === 'open' ? <DaysLeftTag days={v} /> : '—') },
            { title: '已发提醒', dataIndex: 'remindersSent', render: (v: number[]) => (v.length ? v.map((d) => `提前${d}天`).join('、') : '无') },
            { title: '状态', dataIndex: 'status', render: (v: string, o) => <>
              <SaleTag map={OBLIGATION_STATUS} status={v} />
              {o.met?.exitNo && <Link to={`/staff/postsale/exits/${o.met.exitId}`}>{o.met.exitNo}</Link>}
            </> },
          ]} />
      </Card>
    </>
  );
}
