import { Card, Form, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useDistrictName, useDistricts, useMe } from '../../../api/queries';
import { useStaffApplications } from '../../../api/staff';
import type { Application } from '../../../api/types';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { CategoryText, PriorityTags, WaitlistTag } from '../../../components/Tags';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDate } from '../../../lib/law';
import { ExportButton } from '../ExportButton';

const PAGE_SIZE = 20;

/** The server's 第八条 status of the row (computed on its date); a closed lapsed row is simply lapsed. */
const waitlistStatus = (a: Application) => a.waitlist?.status ?? (a.status === 'lapsed' ? 'lapsed' : undefined);

/** 轮候库: admitted families with their 第八条 status (active / must confirm), and those who lapsed. */
export function WaitlistPage() {
  usePageTitle('轮候库');
  const { data: me } = useMe();
  const { data: districts } = useDistricts();
  const districtName = useDistrictName();
  const [status, setStatus] = useState<'admitted' | 'lapsed'>('admitted');
  const [district, setDistrict] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const { data, isFetching, error } = useStaffApplications({ status, district, page, pageSize: PAGE_SIZE });
  const rows = data?.items ?? [];
  const columns = [
    { title: '登记编号', dataIndex: 'regCode', key: 'regCode', render: (v: string, a: Application) => <Link to={`/staff/applications/${a.id}`}>{v}</Link> },
    { title: '区县', dataIndex: 'districtCode', key: 'district', render: (v: string, a: Application) => a.districtName ?? districtName(v) },
    { title: '申请人', dataIndex: 'maskedName', key: 'maskedName', render: (v?: string) => v ?? '—' },
    { title: '类别', dataIndex: 'category', key: 'category', render: (v: string) => <CategoryText category={v} /> },
    { title: '优先情形', dataIndex: 'priority', key: 'priority', render: (v: string[]) => <PriorityTags priority={v} /> },
    { title: '入库日期', dataIndex: 'admittedOn', key: 'admittedOn', render: formatDate },
    { title: '最近确认', dataIndex: 'lastConfirmedOn', key: 'lastConfirmedOn', render: formatDate },
    { title: '确认截止日', key: 'deadline', render: (_: unknown, a: Application) => formatDate(a.waitlist?.deadline ?? a.confirmDeadline) },
    { title: '轮候状态', key: 'wl', render: (_: unknown, a: Application) => <WaitlistTag status={waitlistStatus(a)} /> },
  ];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>轮候库</Typography.Title>
        <ExportButton district={district} />
      </Space>
      <Typography.Paragraph style={{ marginTop: 8 }}>
        纳入轮候库2年内未完成认购的家庭应再次确认信息，未确认的失去轮候资格（<ArticleLink article="第八条" />）。
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout="inline">
          <Form.Item label="名单" htmlFor="wl-status">
            <Select id="wl-status" aria-label="选择名单" style={{ width: 180 }} value={status}
              onChange={(v: 'admitted' | 'lapsed') => { setStatus(v); setPage(1); }}
              options={[{ value: 'admitted', label: '轮候中的家庭' }, { value: 'lapsed', label: '轮候资格已失效' }]} />
          </Form.Item>
          {me?.role === 'city_staff' && (
            <Form.Item label="区县" htmlFor="wl-district">
              <Select id="wl-district" aria-label="按区县筛选" style={{ width: 200 }} allowClear value={district} placeholder="全部区县"
                onChange={(v?: string) => { setDistrict(v); setPage(1); }}
                options={(districts ?? []).map((d) => ({ value: d.code, label: d.name }))} />
            </Form.Item>
          )}
        </Form>
      </Card>
      <ErrorAlert error={error} />
      <Table rowKey="id" columns={columns} dataSource={rows} loading={isFetching} data-testid="waitlist-table"
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (t) => `共 ${t} 户` }}
        locale={{ emptyText: '暂无家庭' }} />
    </>
  );
}
