import { Card, Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMe } from '../../api/queries';
import { type Project, useProjects } from '../../api/sale';
import { ArticleLink } from '../../components/ArticleLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { PROJECT_LEVEL, PROJECT_STATUS, SALE_MODE } from '../../lib/labels';
import { NewProjectButton } from './NewProjectForm';
import { SaleTag } from './StatusTag';

/** 项目列表: the implementer's own projects, or the projects in a staff member's scope. */
export function ProjectsPage() {
  usePageTitle('配售项目');
  const { data: me } = useMe();
  const { data, isFetching, error } = useProjects();
  const columns = [
    { title: '项目编号', dataIndex: 'code', key: 'code', render: (v: string, p: Project) => <Link to={`/staff/projects/${p.id}`} data-testid={`project-open-${v}`}>{v}</Link> },
    { title: '项目名称', dataIndex: 'name', key: 'name' },
    { title: '区县', key: 'district', render: (_: unknown, p: Project) => p.districtName ?? p.districtCode },
    { title: '层级', dataIndex: 'level', key: 'level', render: (v: string) => PROJECT_LEVEL[v] ?? v },
    { title: '销售方式', dataIndex: 'saleMode', key: 'saleMode', render: (v: string) => SALE_MODE[v] ?? v },
    { title: '房源（可选/已售/合计）', key: 'counts', render: (_: unknown, p: Project) => p.counts ? `${p.counts.available} / ${p.counts.sold} / ${p.counts.total}` : '—' },
    { title: '状态', dataIndex: 'status', key: 'status', render: (v: string) => <SaleTag map={PROJECT_STATUS} status={v} /> },
  ];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>配售项目</Typography.Title>
        {me?.role === 'implementer' ? <NewProjectButton /> : null}
      </Space>
      <Typography.Paragraph style={{ marginTop: 8 }}>
        住房城乡建设部门指导项目实施主体拟定配售方案，报同级政府同意后发布配售通告并组织实施（<ArticleLink article="第十条" />）；
        认购登记、摇号排序与选房签约见各项目（<ArticleLink article="第十一条" />）。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Card size="small">
        <Table rowKey="id" columns={columns} dataSource={data ?? []} loading={isFetching} data-testid="projects-table" scroll={{ x: 760 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个项目` }} locale={{ emptyText: me?.role === 'implementer' ? '尚无项目，请点击“新建项目”' : '暂无项目' }} />
      </Card>
    </>
  );
}
