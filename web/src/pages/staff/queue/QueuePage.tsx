import { Card, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useDistrictName, useDistricts, useMe } from '../../../api/queries';
import { useReviewQueue, useStaffApplications } from '../../../api/staff';
import type { Application } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { CategoryText, PriorityTags, StatusTag } from '../../../components/Tags';
import { usePageTitle } from '../../../components/usePageTitle';
import { STATUS } from '../../../lib/labels';
import { formatDateTime } from '../../../lib/law';
import { ExportButton } from '../ExportButton';

const PENDING = 'pending';
const STATUS_FILTER = ['submitted', 'returned', 'admitted', 'rejected', 'withdrawn', 'removed', 'lapsed', 'cancelled', 'draft'];
const PAGE_SIZE = 20;

/**
 * 审核队列: by default the review queue (first applications and change requests awaiting a
 * decision, with verdict); other filters list applications by status.
 */
export function QueuePage() {
  usePageTitle('审核队列');
  const { data: me } = useMe();
  const { data: districts } = useDistricts();
  const districtName = useDistrictName();
  const [status, setStatus] = useState<string>(PENDING);
  const [district, setDistrict] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const pending = status === PENDING;
  const queue = useReviewQueue({ district, enabled: pending });
  const list = useStaffApplications({ status: status || undefined, district, page, pageSize: PAGE_SIZE, enabled: !pending });
  const rows = pending ? queue.data ?? [] : list.data?.items ?? [];
  const columns = [
    { title: '登记编号', dataIndex: 'regCode', key: 'regCode', render: (v: string, a: Application) => <Link to={`/staff/applications/${a.id}`} data-testid={`queue-open-${v ?? a.id}`}>{v ?? '（未编号）'}</Link> },
    { title: '区县', dataIndex: 'districtCode', key: 'district', render: (v: string, a: Application) => a.districtName ?? districtName(v) },
    { title: '申请人', dataIndex: 'maskedName', key: 'maskedName', render: (v?: string) => v ?? '—' },
    { title: '提交时间', dataIndex: 'submittedAt', key: 'submittedAt', render: (v?: string) => formatDateTime(v) },
    { title: '规则判定', key: 'verdict', render: (_: unknown, a: Application) => (a.verdict ? (a.verdict.eligible ? <Tag color="success">符合</Tag> : <Tag color="error">不符合</Tag>) : '—') },
    { title: '类别', dataIndex: 'category', key: 'category', render: (v: string) => <CategoryText category={v} /> },
    { title: '优先情形', dataIndex: 'priority', key: 'priority', render: (v: string[]) => <PriorityTags priority={v} /> },
    { title: '状态', dataIndex: 'status', key: 'status', render: (v: string, a: Application) => <Space size={4} wrap><StatusTag status={v} />{a.pendingChange && <Tag color="processing">变更待审</Tag>}</Space> },
  ];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>审核队列</Typography.Title>
        <ExportButton district={district} />
      </Space>
      <Card size="small" style={{ margin: '12px 0' }}>
        <Form layout="inline">
          <Form.Item label="范围" htmlFor="queue-status">
            <Select id="queue-status" aria-label="按状态筛选" style={{ width: 200 }} value={status} data-testid="queue-status"
              onChange={(v: string) => { setStatus(v); setPage(1); }}
              options={[{ value: PENDING, label: '待审核（含变更申请）' }, { value: '', label: '全部申请' }, ...STATUS_FILTER.map((s) => ({ value: s, label: STATUS[s].label }))]} />
          </Form.Item>
          {me?.role === 'city_staff' && (
            <Form.Item label="区县" htmlFor="queue-district">
              <Select id="queue-district" aria-label="按区县筛选" style={{ width: 200 }} allowClear value={district} placeholder="全部区县"
                onChange={(v?: string) => { setDistrict(v); setPage(1); }}
                options={(districts ?? []).map((d) => ({ value: d.code, label: d.name }))} />
            </Form.Item>
          )}
        </Form>
      </Card>
      <ErrorAlert error={pending ? queue.error : list.error} />
      <Table<Application> rowKey="id" columns={columns} dataSource={rows} loading={pending ? queue.isLoading : list.isFetching} data-testid="queue-table"
        locale={{ emptyText: pending ? '没有待审核的申请' : '没有符合条件的申请' }}
        pagination={pending
          ? { pageSize: PAGE_SIZE, showSizeChanger: false }
          : { current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (t) => `共 ${t} 件` }} />
    </>
  );
}
