import { Card, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useDistrictName, useDistricts, useMe } from '../../../api/queries';
import { useReviewQueue } from '../../../api/staff';
import type { Application } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { CategoryText, PriorityTags, StatusTag } from '../../../components/Tags';
import { usePageTitle } from '../../../components/usePageTitle';
import { STATUS } from '../../../lib/labels';
import { formatDateTime } from '../../../lib/law';
import { ExportButton } from '../ExportButton';

const STATUS_FILTER = ['submitted', 'returned', 'admitted', 'rejected', 'withdrawn', 'removed', 'lapsed', 'cancelled'];

/** Review queue: applications of the staff member's district (all for city staff), filterable by status. */
export function QueuePage() {
  usePageTitle('审核队列');
  const { data: me } = useMe();
  const { data: districts } = useDistricts();
  const districtName = useDistrictName();
  const [status, setStatus] = useState<string>('submitted');
  const [district, setDistrict] = useState<string | undefined>();
  const { data, isLoading, error } = useReviewQueue({ status, district });
  const columns = [
    { title: '登记编号', dataIndex: 'regCode', key: 'regCode', render: (v: string, a: Application) => <Link to={`/staff/applications/${a.id}`} data-testid={`queue-open-${v ?? a.id}`}>{v ?? '（未编号）'}</Link> },
    { title: '区县', dataIndex: 'districtCode', key: 'district', render: (v: string, a: Application) => a.districtName ?? districtName(v) },
    { title: '申请人', dataIndex: 'maskedName', key: 'maskedName', render: (v?: string) => v ?? '—' },
    { title: '提交时间', dataIndex: 'submittedAt', key: 'submittedAt', render: (v?: string) => formatDateTime(v) },
    { title: '规则判定', key: 'verdict', render: (_: unknown, a: Application) => (a.verdict ? (a.verdict.eligible ? <Tag color="success">符合</Tag> : <Tag color="error">不符合</Tag>) : '—') },
    { title: '类别', dataIndex: 'category', key: 'category', render: (v: string) => <CategoryText category={v} /> },
    { title: '优先情形', dataIndex: 'priority', key: 'priority', render: (v: string[]) => <PriorityTags priority={v} /> },
    { title: '状态', dataIndex: 'status', key: 'status', render: (v: string, a: Application) => <Space size={4}><StatusTag status={v} />{a.pendingChange && <Tag color="processing">变更待审</Tag>}</Space> },
  ];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>审核队列</Typography.Title>
        <ExportButton />
      </Space>
      <Card size="small" style={{ margin: '12px 0' }}>
        <Form layout="inline">
          <Form.Item label="状态" htmlFor="queue-status">
            <Select id="queue-status" aria-label="按状态筛选" style={{ width: 160 }} value={status} onChange={setStatus} data-testid="queue-status"
              options={[{ value: '', label: '全部' }, ...STATUS_FILTER.map((s) => ({ value: s, label: STATUS[s].label }))]} />
          </Form.Item>
          {me?.role === 'city_staff' && (
            <Form.Item label="区县" htmlFor="queue-district">
              <Select id="queue-district" aria-label="按区县筛选" style={{ width: 200 }} allowClear value={district} onChange={setDistrict} placeholder="全部区县"
                options={(districts ?? []).map((d) => ({ value: d.code, label: d.name }))} />
            </Form.Item>
          )}
        </Form>
      </Card>
      <ErrorAlert error={error} />
      <Table<Application> rowKey="id" columns={columns} dataSource={data ?? []} loading={isLoading} data-testid="queue-table"
        pagination={{ pageSize: 20, showSizeChanger: false }} locale={{ emptyText: '没有待处理的申请' }} />
    </>
  );
}
