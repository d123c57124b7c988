import { Card, Empty, Form, Grid, Input, Pagination, Table, Typography } from 'antd';
import { useState } from 'react';
import { usePublicResults } from '../../api/queries';
import type { PublicResult } from '../../api/types';
import { ArticleLink } from '../../components/ArticleLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CategoryText, PriorityTags } from '../../components/Tags';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate } from '../../lib/law';

const PAGE_SIZE = 20;

const columns = [
  { title: '登记编号', dataIndex: 'regCode', key: 'regCode' },
  { title: '申请人', dataIndex: 'maskedName', key: 'maskedName' },
  { title: '身份证号', dataIndex: 'maskedId', key: 'maskedId' },
  { title: '区县', dataIndex: 'district', key: 'district' },
  { title: '类别', dataIndex: 'category', key: 'category', render: (c: string) => <CategoryText category={c} /> },
  { title: '优先情形', dataIndex: 'priority', key: 'priority', render: (p: string[]) => <PriorityTags priority={p} /> },
  { title: '入库日期', dataIndex: 'admittedOn', key: 'admittedOn', render: (d: string) => formatDate(d) },
];

/** Public list of qualification results (第七条), masked, searchable by registration code. */
export function ResultsPage() {
  usePageTitle('资格审核结果公示');
  const screens = Grid.useBreakpoint();
  const [page, setPage] = useState(1);
  const [regCode, setRegCode] = useState('');
  const { data, isFetching, error } = usePublicResults(page, PAGE_SIZE, regCode);
  const items = data?.items ?? [];
  return (
    <div className="qc-container">
      <Typography.Title level={1} style={{ fontSize: 24 }}>资格审核结果公示</Typography.Title>
      <Typography.Paragraph>
        依据 <ArticleLink article="第七条" />，及时公开保障性住房资格审核结果，接受社会监督。姓名、身份证号已脱敏显示。
      </Typography.Paragraph>
      <Card style={{ marginBottom: 12 }}>
        <Form layout="inline" onFinish={(v: { regCode?: string }) => { setPage(1); setRegCode((v.regCode ?? '').trim()); }}>
          <Form.Item label="登记编号" name="regCode" style={{ flex: 1, minWidth: 220 }}>
            <Input.Search allowClear placeholder="输入登记编号查询" enterButton="查询" data-testid="results-search"
              onSearch={(v) => { setPage(1); setRegCode(v.trim()); }} />
          </Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={error} />
      {screens.md ? (
        <Table<PublicResult>
          rowKey="regCode"
          columns={columns}
          dataSource={items}
          loading={isFetching}
          pagination={false}
          data-testid="results-table"
          locale={{ emptyText: regCode ? '未找到该登记编号' : '暂无公示结果' }}
        />
      ) : (
        <div data-testid="results-table" aria-busy={isFetching}>
          {!isFetching && items.length === 0 && <Empty description={regCode ? '未找到该登记编号' : '暂无公示结果'} />}
          {items.map((r) => (
            <Card key={r.regCode} size="small" style={{ marginBottom: 8 }} title={r.regCode}>
              <div>申请人：{r.maskedName}　身份证号：{r.maskedId}</div>
              <div>区县：{r.district ?? '—'}　类别：<CategoryText category={r.category} /></div>
              <div>优先情形：<PriorityTags priority={r.priority} /></div>
              <div>入库日期：{formatDate(r.admittedOn)}</div>
            </Card>
          ))}
        </div>
      )}
      <Pagination
        style={{ marginTop: 12, textAlign: 'right' }}
        current={page}
        pageSize={PAGE_SIZE}
        total={data?.total ?? 0}
        showSizeChanger={false}
        onChange={setPage}
        showTotal={(t) => `共 ${t} 条`}
      />
    </div>
  );
}
