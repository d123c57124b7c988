/**
 * 违规案件 (第二十、二十三条): cases opened by reported leases, changes of use, other mortgages,
 * alterations and disputes; an open case fails the matching 第二十五条 item of an exit.
 */
import { Card, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type CaseView, useCases } from '../../api/postsale';
import { useMe } from '../../api/queries';
import { ArticleLink } from '../../components/ArticleLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { SaleTag } from '../sale/StatusTag';
import { Articles } from './Bits';
import { CaseCloseButton } from './CaseClose';
import { CASE_STATUS, EVENT_KIND, postsaleAbilities } from './model';
import { ScrollTable } from './ScrollTable';

/** The case list at /staff/postsale/cases. */
export function CasesPage() {
  usePageTitle('违规案件');
  const { data: me } = useMe();
  const ab = postsaleAbilities(me);
  const [status, setStatus] = useState<string | undefined>('open');
  const { data, isFetching, error } = useCases(status);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>违规案件</Typography.Title>
      <Typography.Paragraph style={{ marginTop: 8 }}>
        已购保障性住房不得变更为商品住房流入市场，不得用于家庭自住以外的其他用途（<ArticleLink article="第二十条" />）；
        除购房贷款抵押外不得用于其他类型的抵押或清偿债务（<ArticleLink article="第二十三条" />）。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Card size="small" title={
        <Select allowClear placeholder="全部状态" aria-label="按案件状态筛选" style={{ width: 140 }} value={status} onChange={setStatus} data-testid="cases-status"
          options={Object.entries(CASE_STATUS).map(([value, v]) => ({ value, label: v.label }))} />
      }>
        <ScrollTable<CaseView> label="案件列表" size="small" rowKey="id" dataSource={data ?? []} loading={isFetching} data-testid="cases-table" minWidth={900}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 件` }} locale={{ emptyText: '暂无案件' }}
          columns={[
            { title: '案号', dataIndex: 'caseNo' },
            { title: '房源', key: 'unit', render: (_, c) => <Link to={`/staff/postsale/units/${c.unitId}`}>{c.unit}</Link> },
            { title: '类型', dataIndex: 'kind', render: (v: string, c) => <>{EVENT_KIND[v]?.label ?? v}（<Articles text={c.article} />）</> },
            { title: '立案', dataIndex: 'openedOn' },
            { title: '结案', dataIndex: 'closedOn', render: (v) => v ?? '—' },
            { title: '状态', dataIndex: 'status', render: (v: string) => <SaleTag map={CASE_STATUS} status={v} /> },
            { title: '处理', key: 'a', render: (_, c) => (c.status === 'open' && ab.write ? <CaseCloseButton c={c} /> : c.resolution ?? '—') },
          ]} />
      </Card>
    </>
  );
}
