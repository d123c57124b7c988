/**
 * 已售房源: owned units in the reader's scope with their title (第十八条), maintenance fund
 * (第十九条), open cases (第二十、二十三条), earliest exit date (第二十四条) and open exit.
 */
import { Card, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type PostSaleUnit, usePostSaleUnits } from '../../api/postsale';
import { useProjects } from '../../api/sale';
import { ArticleLink } from '../../components/ArticleLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatFen } from '../../components/unitGrid';
import { usePageTitle } from '../../components/usePageTitle';
import { SaleTag } from '../sale/StatusTag';
import { EXIT_ROUTE, EXIT_STATUS } from './model';
import { ScrollTable } from './ScrollTable';

/** The list of owned units, filtered by project and a search (unit, title no., holder). */
export function UnitsPage() {
  usePageTitle('已售房源');
  const [projectId, setProjectId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const projects = useProjects();
  const { data, isFetching, error } = usePostSaleUnits({ projectId, q: q.trim() || undefined });
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>已售房源</Typography.Title>
      <Typography.Paragraph style={{ marginTop: 8 }}>
        不动产登记注明配售型保障性住房、划拨土地（<ArticleLink article="第十八条" />）；维修资金（<ArticleLink article="第十九条" />）；
        取得不动产权证满2年后可申请退出（<ArticleLink article="第二十四条" />）。
      </Typography.Paragraph>
      <ErrorAlert error={error ?? projects.error} />
      <Card size="small" title={
        <Space wrap>
          <Select allowClear placeholder="全部项目" aria-label="按项目筛选" style={{ width: 200 }} value={projectId} onChange={setProjectId}
            data-testid="postsale-units-project" options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          <Input.Search allowClear placeholder="房号、证书号或持有人" aria-label="搜索房源" style={{ width: 240 }}
            onSearch={setQ} data-testid="postsale-units-search" />
        </Space>
      }>
        <ScrollTable<PostSaleUnit> label="已售房源" size="small" rowKey="unitId" dataSource={data ?? []} loading={isFetching} data-testid="postsale-units-table"
          minWidth={1100} pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 套` }} locale={{ emptyText: '暂无已售房源' }}
          columns={[
            { title: '房源', key: 'unit', render: (_, u) => <Link to={`/staff/postsale/units/${u.unitId}`} data-testid={`postsale-unit-${u.unitId}`}>{u.unitLabel}</Link> },
            { title: '项目', dataIndex: 'projectName' },
            { title: '不动产权证书号', dataIndex: 'certificateNo', render: (v) => v ?? <Typography.Text type="secondary">未登记</Typography.Text> },
            { title: '持有人', key: 'holder', render: (_, u) => `${u.holderMaskedName ?? '—'}${u.holderRegCode ? `（${u.holderRegCode}）` : ''}` },
            { title: '发证日期', dataIndex: 'issuedOn', render: (v) => v ?? '—' },
            { title: '最早可退出', dataIndex: 'earliestExitOn', render: (v) => v ?? '—' },
            { title: '维修资金余额', dataIndex: 'fundBalanceFen', align: 'right', render: (v) => (v === null ? '未开户' : formatFen(v)) },
            { title: '未结案件', dataIndex: 'openCases', align: 'right' },
            { title: '退出申请', key: 'exit', render: (_, u) => u.openExit
              ? <Link to={`/staff/postsale/exits/${u.openExit.id}`}>{EXIT_ROUTE[u.openExit.route]} <SaleTag map={EXIT_STATUS} status={u.openExit.status} /></Link>
              : '—' },
          ]} />
      </Card>
    </>
  );
}
