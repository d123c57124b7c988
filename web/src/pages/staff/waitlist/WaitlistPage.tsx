import { Card, Form, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useDistrictName } from '../../../api/queries';
import { useReviewQueue } from '../../../api/staff';
import type { Application } from '../../../api/types';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { CategoryText, PriorityTags, WaitlistTag } from '../../../components/Tags';
import { usePageTitle } from '../../../components/usePageTitle';
import { WAITLIST } from '../../../lib/labels';
import { formatDate } from '../../../lib/law';
import { ExportButton } from '../ExportButton';

/** 轮候库: admitted families with their 第八条 status (active / must confirm / lapsed). */
export function WaitlistPage() {
  usePageTitle('轮候库');
  const districtName = useDistrictName();
  const [wl, setWl] = useState<string>('');
  const admitted = useReviewQueue({ status: 'admitted' });
  const lapsed = useReviewQueue({ status: 'lapsed' });
  const rows = [...(admitted.data ?? []), ...(lapsed.data ?? [])]
    .map((a) => ({ ...a, wl: a.waitlist?.status ?? (a.status === 'lapsed' ? 'lapsed' : 'active') }))
    .filter((a) => !wl || a.wl === wl);
  const columns = [
    { title: '登记编号', dataIndex: 'regCode', key: 'regCode', render: (v: string, a: Application) => <Link to={`/staff/applications/${a.id}`}>{v}</Link> },
    { title: '区县', dataIndex: 'districtCode', key: 'district', render: (v: string, a: Application) => a.districtName ?? districtName(v) },
    { title: '类别', dataIndex: 'category', key: 'category', render: (v: string) => <CategoryText category={v} /> },
    { title: '优先情形', dataIndex: 'priority', key: 'priority', render: (v: string[]) => <PriorityTags priority={v} /> },
    { title: '入库日期', dataIndex: 'admittedOn', key: 'admittedOn', render: formatDate },
    { title: '最近确认', dataIndex: 'lastConfirmedOn', key: 'lastConfirmedOn', render: formatDate },
    { title: '确认截止日', key: 'deadline', render: (_: unknown, a: Application) => formatDate(a.waitlist?.deadline) },
    { title: '轮候状态', dataIndex: 'wl', key: 'wl', render: (v: string) => <WaitlistTag status={v} /> },
  ];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>轮候库</Typography.Title>
        <ExportButton />
      </Space>
      <Typography.Paragraph style={{ marginTop: 8 }}>
        纳入轮候库2年内未完成认购的家庭应再次确认信息，未确认的失去轮候资格（<ArticleLink article="第八条" />）。
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout="inline">
          <Form.Item label="轮候状态" htmlFor="wl-status">
            <Select id="wl-status" aria-label="按轮候状态筛选" style={{ width: 160 }} value={wl} onChange={setWl}
              options={[{ value: '', label: '全部' }, ...Object.entries(WAITLIST).map(([value, s]) => ({ value, label: s.label }))]} />
          </Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={admitted.error ?? lapsed.error} />
      <Table rowKey="id" columns={columns} dataSource={rows} loading={admitted.isLoading} data-testid="waitlist-table"
        pagination={{ pageSize: 20, showSizeChanger: false }} locale={{ emptyText: '轮候库中暂无家庭' }} />
    </>
  );
}
