/**
 * The dossier's cases (第二十、二十三条) and exit applications (第二十四、二十六条), with the
 * staff filing of an exit for the holder (第二十二条 multi-unit, 第三十一条(三) fraud).
 */
import { Card, Form, Select } from 'antd';
import { Link } from 'react-router-dom';
import type { ExitSummary, UnitCase, UnitRecord } from '../../../api/postsale';
import { ArticleLink } from '../../../components/ArticleLink';
import { SaleTag } from '../../sale/StatusTag';
import { CardTitle } from '../Bits';
import { CaseCloseButton } from '../CaseClose';
import { FormDialog } from '../FormDialog';
import { CASE_STATUS, EVENT_KIND, EXIT_ORIGIN, EXIT_ROUTE, EXIT_STATUS } from '../model';
import { ScrollTable } from '../ScrollTable';

/** Cases of the unit. */
export function CasesCard({ record: r, canWrite }: { record: UnitRecord; canWrite?: boolean }) {
  return (
    <Card size="small" data-testid="unit-cases-card" title={<CardTitle>案件（<ArticleLink article="第二十条" />、<ArticleLink article="第二十三条" />）</CardTitle>}>
      <ScrollTable<UnitCase> label="案件" size="small" rowKey="id" dataSource={r.cases} pagination={false} locale={{ emptyText: '暂无案件' }} minWidth={480}
        columns={[
          { title: '案号', dataIndex: 'caseNo' },
          { title: '类型', dataIndex: 'kind', render: (v: string) => EVENT_KIND[v]?.label ?? v },
          { title: '立案', dataIndex: 'openedOn' },
          { title: '状态', dataIndex: 'status', render: (v: string) => <SaleTag map={CASE_STATUS} status={v} /> },
          { title: '处理', key: 'a', render: (_, c) => (c.status === 'open' && canWrite ? <CaseCloseButton c={c} /> : c.resolution ?? '—') },
        ]} />
    </Card>
  );
}

/** Exit applications of the unit, and the staff filing. */
export function ExitsCard({ record: r, canWrite }: { record: UnitRecord; canWrite: boolean }) {
  const open = r.exits.some((e) => ['submitted', 'accepted', 'contracted', 'offered', 'matched'].includes(e.status));
  return (
    <Card size="small" data-testid="unit-exits-card" title={<CardTitle>退出申请（<ArticleLink article="第二十四条" />）</CardTitle>}
      extra={canWrite && r.title && r.title.holderKind !== 'government' && !open ? (
        <FormDialog<{ route: string; origin: string }> label="为持有人提交退出" article="第二十二条" testId="exit-file" size="small"
          path={`/api/units/${r.unit.id}/exits`} initialValues={{ route: 'buyback', origin: 'multi_unit' }}
          confirm="由住房城乡建设部门代持有人提交退出申请：超出1套的住房（第二十二条），或骗取资格已交房的责令腾退并回购（第三十一条（三））">
          <Form.Item name="route" label="退出方式" rules={[{ required: true }]}>
            <Select data-testid="exit-file-route" aria-label="退出方式" options={Object.entries(EXIT_ROUTE).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="origin" label="提交原因" rules={[{ required: true }]}>
            <Select data-testid="exit-file-origin" aria-label="提交原因" options={['multi_unit', 'fraud'].map((value) => ({ value, label: EXIT_ORIGIN[value] }))} />
          </Form.Item>
        </FormDialog>
      ) : null}>
      <ScrollTable<ExitSummary> label="退出申请" size="small" rowKey="id" dataSource={r.exits} pagination={false} locale={{ emptyText: '暂无退出申请' }} minWidth={480}
        columns={[
          { title: '编号', dataIndex: 'exitNo', render: (v, e) => <Link to={`/staff/postsale/exits/${e.id}`} data-testid={`unit-exit-${v}`}>{v}</Link> },
          { title: '方式', dataIndex: 'route', render: (v: string) => EXIT_ROUTE[v] ?? v },
          { title: '来源', dataIndex: 'origin', render: (v: string) => EXIT_ORIGIN[v] ?? v },
          { title: '提交', dataIndex: 'submittedOn' },
          { title: '状态', dataIndex: 'status', render: (v: string) => <SaleTag map={EXIT_STATUS} status={v} /> },
        ]} />
    </Card>
  );
}
