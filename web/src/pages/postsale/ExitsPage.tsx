/**
 * 回购看板 (第二十六条): exit applications with their due date (six months from acceptance),
 * days left as a coloured tag with the overdue first, route, origin and status.
 */
import { Card, Checkbox, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type ExitBoardRow, useExits } from '../../api/postsale';
import { ArticleLink } from '../../components/ArticleLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { SaleTag } from '../sale/StatusTag';
import { DaysLeftTag } from './Bits';
import { boardSummary, byUrgency, EXIT_ORIGIN, EXIT_ROUTE, EXIT_STATUS } from './model';
import { ScrollTable } from './ScrollTable';

/** The exit board at /staff/postsale/exits. */
export function ExitsPage() {
  usePageTitle('回购看板');
  const [status, setStatus] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const { data, isFetching, error } = useExits({ status, overdue });
  const rows = byUrgency(data ?? []);
  const sum = boardSummary(rows);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>回购看板</Typography.Title>
      <Typography.Paragraph style={{ marginTop: 8 }}>
        受理后会同有关部门核查并实施回购，原则上于半年内完成（<ArticleLink article="第二十六条" />）；
        退出方式为轮候家庭内部流转或政府回购（<ArticleLink article="第二十四条" />）。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={8}><Card size="small"><Statistic title="列表中的申请" value={sum.total} /></Card></Col>
        <Col xs={8}><Card size="small"><Statistic title="30日内到期" value={sum.dueIn30} styles={{ content: { color: '#ad4e00' } }} /></Card></Col>
        <Col xs={8}><Card size="small" data-testid="exits-overdue-count"><Statistic title="已逾期" value={sum.overdue} styles={{ content: { color: '#a8071a' } }} /></Card></Col>
      </Row>
      <Card size="small" title={
        <Space wrap>
          <Select allowClear placeholder="全部状态" aria-label="按状态筛选" style={{ width: 160 }} value={status} onChange={setStatus} data-testid="exits-status"
            options={Object.entries(EXIT_STATUS).map(([value, v]) => ({ value, label: v.label }))} />
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="exits-overdue">只看逾期</Checkbox>
        </Space>
      }>
        <ScrollTable<ExitBoardRow> label="退出申请台账" size="small" rowKey="id" dataSource={rows} loading={isFetching} data-testid="exits-table" minWidth={1000}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 件` }} locale={{ emptyText: '暂无退出申请' }}
          columns={[
            { title: '编号', dataIndex: 'exitNo', render: (v, e) => <Link to={`/staff/postsale/exits/${e.id}`} data-testid={`exit-open-${v}`}>{v}</Link> },
            { title: '房源', key: 'unit', render: (_, e) => <Link to={`/staff/postsale/units/${e.unitId}`}>{e.unitLabel}</Link> },
            { title: '持有人', dataIndex: 'holderMaskedName', render: (v) => v ?? '—' },
            { title: '方式', dataIndex: 'route', render: (v: string) => EXIT_ROUTE[v] ?? v },
            { title: '来源', dataIndex: 'origin', render: (v: string) => EXIT_ORIGIN[v] ?? v },
            { title: '受理', dataIndex: 'acceptedOn', render: (v) => v ?? '—' },
            { title: '应完成', dataIndex: 'dueOn', render: (v) => v ?? '—' },
            { title: '剩余', dataIndex: 'daysLeft', render: (v: number | null, e) => <DaysLeftTag days={v} testId={`exit-days-${e.exitNo}`} /> },
            { title: '状态', dataIndex: 'status', render: (v: string) => <SaleTag map={EXIT_STATUS} status={v} /> },
          ]} />
      </Card>
    </>
  );
}
