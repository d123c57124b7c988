import { Alert, Card, Descriptions, Empty, Grid, Input, Pagination, Space, Spin, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { ArticleLink } from '../../components/ArticleLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { usePageTitle } from '../../components/usePageTitle';
import { DRAW_STATUS, type PublicRankRow, poolsText, usePublicDraw, usePublicRanks } from './api';

const PAGE_SIZE = 50;

const columns = [
  { title: '名次', dataIndex: 'rank', key: 'rank', width: 80 },
  { title: '登记号', dataIndex: 'entrantId', key: 'entrantId' },
  { title: '摇号池', dataIndex: 'pool', key: 'pool', render: (p: string) => <Tag>{p}</Tag> },
  { title: '申请人', dataIndex: 'maskedName', key: 'maskedName' },
  { title: '身份证号', dataIndex: 'maskedId', key: 'maskedId' },
  { title: '区县', dataIndex: 'district', key: 'district' },
];

const mono: React.CSSProperties = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', wordBreak: 'break-all' };

/**
 * 摇号排序结果公示 (第七条): a draw's ranks with masked names, its QLOT-1 values, both files of the
 * bundle, and a link to verify it in the browser. A voided draw shows its public reason.
 */
export function LotteryRanksPage() {
  const { drawId = '' } = useParams();
  const screens = Grid.useBreakpoint();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const draw = usePublicDraw(drawId);
  const ranks = usePublicRanks(drawId, page, PAGE_SIZE, q);
  const d = draw.data;
  usePageTitle(d ? `${d.projectName} 摇号结果` : '摇号结果');
  if (draw.isLoading) return <div className="qc-container"><Spin aria-label="加载中" /></div>;
  if (!d) return <div className="qc-container"><ErrorAlert error={draw.error} /></div>;
  const status = DRAW_STATUS[d.status] ?? { text: d.status, color: 'default' };
  const items = ranks.data?.items ?? [];
  return (
    <div className="qc-container">
      <Typography.Title level={1} style={{ fontSize: 24 }} data-testid="lottery-title">
        {d.projectName} 第 {d.round} 轮摇号{d.attempt > 1 ? `（第 ${d.attempt} 次）` : ''}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={status.color} data-testid="lottery-status">{status.text}</Tag>
        <span>项目编号 {d.projectCode}</span>
        {d.noticeNo && <span>{d.noticeNo}</span>}
        <span>参加摇号 {d.entrantCount.toLocaleString('zh-CN')} 户</span>
      </Space>
      <Typography.Paragraph>
        依据 <ArticleLink article="第七条" />、<ArticleLink article="第十一条" />，摇号排序按 QLOT-1 公开可验证摇号规则进行：
        名单冻结时已公布名单摘要与密钥承诺值，摇号日输入外部信标后公布全部数据，任何人均可下载两个文件自行验证。
      </Typography.Paragraph>
      {d.status === 'void' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="lottery-void-reason"
          title="本次摇号已作废" description={`作废原因：${d.voidReason ?? ''}${d.voidedAt ? `（${new Date(d.voidedAt).toLocaleString('zh-CN')}）` : ''}。重新摇号的结果另行公布。`} />
      )}
      <Card size="small" style={{ marginBottom: 12 }} data-testid="lottery-values">
        <Descriptions column={1} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="摇号池">{poolsText(d.pools)}</Descriptions.Item>
          <Descriptions.Item label="名单摘要 list_digest"><span style={mono}>{d.listDigest}</span></Descriptions.Item>
          <Descriptions.Item label="密钥承诺值 commitment"><span style={mono}>{d.commitment}</span></Descriptions.Item>
          <Descriptions.Item label="信标 beacon"><span style={mono}>{d.beacon ?? '（摇号时输入）'}</span></Descriptions.Item>
          <Descriptions.Item label="种子 seed"><span style={mono}>{d.seed ?? '（摇号后公布）'}</span></Descriptions.Item>
          <Descriptions.Item label="密钥 server_secret"><span style={mono}>{d.serverSecret ?? '（摇号后公布）'}</span></Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 8 }}>
          <a href={d.files.entrantsTsv} download="entrants.tsv" data-testid="lottery-download-entrants"><DownloadOutlined /> 下载名单 entrants.tsv</a>
          {d.files.lotteryJson
            ? <a href={d.files.lotteryJson} download="lottery.json" data-testid="lottery-download-bundle"><DownloadOutlined /> 下载摇号结果 lottery.json</a>
            : <Typography.Text type="secondary">摇号结果文件 lottery.json 摇号后公布</Typography.Text>}
          {d.files.lotteryJson && (
            <LinkButton type="primary" icon={<SafetyCertificateOutlined />} to={`/lottery/${d.id}/verify`} data-testid="lottery-verify-link">在浏览器中验证</LinkButton>
          )}
        </Space>
      </Card>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="输入登记号查询名次，如 R2026000123" enterButton="查询" data-testid="lottery-search"
          aria-label="按登记号查询" onSearch={(v) => { setPage(1); setQ(v.trim()); }} />
      </Card>
      <ErrorAlert error={ranks.error} />
      {screens.md ? (
        <Table<PublicRankRow> rowKey="rank" columns={columns} dataSource={items} loading={ranks.isFetching} pagination={false}
          data-testid="lottery-ranks-table" locale={{ emptyText: q ? '未找到该登记号' : d.status === 'frozen' ? '尚未摇号' : '暂无数据' }} />
      ) : (
        <div data-testid="lottery-ranks-table" aria-busy={ranks.isFetching}>
          {!ranks.isFetching && items.length === 0 && <Empty description={q ? '未找到该登记号' : d.status === 'frozen' ? '尚未摇号' : '暂无数据'} />}
          {items.map((r) => (
            <Card key={r.rank} size="small" style={{ marginBottom: 8 }} title={`第 ${r.rank} 名 · ${r.entrantId}`}>
              <div>摇号池：<Tag>{r.pool}</Tag></div>
              <div>申请人：{r.maskedName}　身份证号：{r.maskedId}</div>
              <div>区县：{r.district || '—'}</div>
            </Card>
          ))}
        </div>
      )}
      <Pagination style={{ marginTop: 12, textAlign: 'right' }} current={page} pageSize={PAGE_SIZE} total={ranks.data?.total ?? 0}
        showSizeChanger={false} onChange={setPage} showTotal={(t) => `共 ${t.toLocaleString('zh-CN')} 名`} simple={!screens.md} />
    </div>
  );
}

export default LotteryRanksPage;
