import { Breadcrumb, Descriptions, Result, Space, Spin, Tabs, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useMe } from '../../../api/queries';
import { useProject } from '../../../api/sale';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { usePageTitle } from '../../../components/usePageTitle';
import { PROJECT_LEVEL, PROJECT_STATUS, SALE_MODE } from '../../../lib/labels';
import { abilities } from '../permissions';
import { SaleTag } from '../StatusTag';
import { BuildingsTab } from './BuildingsTab';
import { ContractsTab } from './ContractsTab';
import { DepositsTab } from './DepositsTab';
import { DrawTab } from './DrawTab';
import { FundsTab } from './FundsTab';
import { OverviewTab } from './OverviewTab';
import { PlansTab } from './PlansTab';
import { PricesTab } from './PricesTab';
import { SelectionTab } from './SelectionTab';
import type { TabProps } from './tabProps';

const TABS: { key: string; label: string; el: (p: TabProps) => React.ReactNode }[] = [
  { key: 'overview', label: '概况', el: (p) => <OverviewTab {...p} /> },
  { key: 'units', label: '楼栋与房源', el: (p) => <BuildingsTab {...p} /> },
  { key: 'prices', label: '价格', el: (p) => <PricesTab {...p} /> },
  { key: 'plans', label: '配售方案', el: (p) => <PlansTab {...p} /> },
  { key: 'draw', label: '摇号', el: (p) => <DrawTab {...p} /> },
  { key: 'selection', label: '选房', el: (p) => <SelectionTab {...p} /> },
  { key: 'contracts', label: '合同', el: (p) => <ContractsTab {...p} /> },
  { key: 'deposits', label: '认购金对账', el: (p) => <DepositsTab {...p} /> },
  { key: 'funds', label: '资金', el: (p) => <FundsTab {...p} /> },
];

/** One project of the sale console, a tab per stage (第十至十七条); the tab is in ?tab=. */
export function ProjectPage() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const { data: me } = useMe();
  const { data, isLoading, error } = useProject(id);
  usePageTitle(data ? data.project.name : '配售项目');
  if (isLoading) return <Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" />;
  if (!data) return error ? <ErrorAlert error={error} /> : <Result status="404" title="未找到项目" />;
  const p = data.project;
  const props: TabProps = { detail: data, project: p, me: me ?? null, ab: abilities(me, p), goTab: (t) => setParams({ tab: t }) };
  const tab = TABS.some((t) => t.key === params.get('tab')) ? params.get('tab')! : 'overview';
  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/staff/projects">配售项目</Link> }, { title: p.code }]} style={{ marginBottom: 8 }} />
      <Space align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }} data-testid="project-title">{p.name}</Typography.Title>
        <SaleTag map={PROJECT_STATUS} status={p.status} testId="project-status" />
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 8 }}
        items={[
          { key: 'code', label: '项目编号', children: <span data-testid="project-code-value">{p.code}</span> },
          { key: 'level', label: '层级', children: PROJECT_LEVEL[p.level] ?? p.level },
          { key: 'mode', label: '销售方式', children: SALE_MODE[p.saleMode] ?? p.saleMode },
          { key: 'district', label: '区县', children: p.districtName ?? p.districtCode },
        ]} />
      <ErrorAlert error={error} />
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k })} data-testid="project-tabs"
        items={TABS.map((t) => ({ key: t.key, label: <span data-testid={`tab-${t.key}`}>{t.label}</span>, children: t.key === tab ? t.el(props) : null }))} />
    </>
  );
}
