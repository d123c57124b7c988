import { Alert, Card, Descriptions, Space, Spin, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { type DrawSummary, useDraw } from '../../../api/sale';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DRAW_STATUS } from '../../../lib/labels';
import { ActionButton } from '../ActionButton';
import { formatShanghai } from '../format';
import { SaleTag } from '../StatusTag';
import type { TabProps } from './tabProps';

const mono: React.CSSProperties = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', wordBreak: 'break-all', fontSize: 12 };

/**
 * 摇号 (第十一条; QLOT-1): freeze the list (publishing its digest and the commitment), enter the
 * public beacon and draw, or void with a public reason and freeze a new attempt.
 */
export function DrawTab({ detail, project, ab }: TabProps) {
  const published = detail.plans.filter((p) => p.status === 'published');
  const round = published.reduce((m, p) => Math.max(m, p.round), 0);
  const live = [...detail.draws].reverse().find((d) => d.round === round && d.status !== 'void');
  const canFreeze = ab.manageDraws && round > 0 && !live;
  return (
    <>
      <Typography.Paragraph>
        进入项目摇号排序库的轮候家庭，由住房城乡建设部门指导项目实施主体按程序组织摇号排序（<ArticleLink article="第十一条" />）。
        冻结名单时公布名单摘要与承诺值；摇号时输入公开信标，任何人可凭公开的名单与结果文件复核。
      </Typography.Paragraph>
      {round === 0 ? <Alert type="info" showIcon title="配售方案发布后，认购登记期结束方可冻结摇号名单" style={{ marginBottom: 16 }} /> : null}
      {canFreeze ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <ActionButton label={`冻结第 ${round} 轮摇号名单`} type="primary" article="第十一条" path={`/api/projects/${project.id}/draws/freeze`} testId="draw-freeze"
            confirm="认购登记期结束后冻结已缴认购金家庭的名单，公布名单摘要（list_digest）与承诺值（commitment），此后名单不可更改" />
        </Card>
      ) : null}
      {live ? <DrawPanel id={live.id} canManage={ab.manageDraws} /> : null}
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>摇号记录</h2>}>
        <Table<DrawSummary> size="small" rowKey="id" dataSource={detail.draws} pagination={false} data-testid="draws-table" scroll={{ x: 720 }} locale={{ emptyText: '尚未冻结名单' }}
          columns={[
            { title: '轮次', dataIndex: 'round' },
            { title: '第几次', dataIndex: 'attempt' },
            { title: '状态', dataIndex: 'status', render: (v: string) => <SaleTag map={DRAW_STATUS} status={v} /> },
            { title: '入围家庭', dataIndex: 'entrantCount' },
            { title: '冻结时间', dataIndex: 'frozenAt', render: (v) => formatShanghai(v) },
            { title: '摇号时间', dataIndex: 'drawnAt', render: (v) => formatShanghai(v) },
            { title: '作废理由', dataIndex: 'voidReason', render: (v) => v ?? '—' },
            { title: '公示', key: 'pub', render: (_, d) => <Link to={`/lottery/${d.id}`}>排序结果与复核</Link> },
          ]} />
      </Card>
    </>
  );
}

function DrawPanel({ id, canManage }: { id: string; canManage: boolean }) {
  const { data: d, isLoading, error } = useDraw(id);
  if (isLoading) return <Spin aria-label="加载中" />;
  if (!d) return <ErrorAlert error={error} />;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="draw-current"
      title={<Space wrap><h2 style={{ fontSize: 16, margin: 0 }}>第 {d.round} 轮摇号（第 {d.attempt} 次）</h2><SaleTag map={DRAW_STATUS} status={d.status} testId="draw-status" /></Space>}>
      <Descriptions size="small" column={1} items={[
        { key: 'n', label: '入围家庭', children: <span data-testid="draw-entrants">{d.entrantCount} 户</span> },
        { key: 'pools', label: '摇号池名额', children: (d.pools ?? []).map((p) => `${p.label}：${p.quota === 'all' ? '其余全部' : `${p.quota} 名`}`).join('；') || '—' },
        { key: 'digest', label: '名单摘要 list_digest', children: <span style={mono} data-testid="draw-digest">{d.listDigest}</span> },
        { key: 'commit', label: '承诺值 commitment', children: <span style={mono} data-testid="draw-commitment">{d.commitment}</span> },
        ...(d.beacon ? [{ key: 'beacon', label: '公开信标 beacon', children: <span style={mono} data-testid="draw-beacon">{d.beacon}</span> }] : []),
        ...(d.seed ? [{ key: 'seed', label: '随机种子 seed', children: <span style={mono} data-testid="draw-seed">{d.seed}</span> }] : []),
        ...(d.serverSecret ? [{ key: 'secret', label: '服务器密钥（摇号后公开）', children: <span style={mono}>{d.serverSecret}</span> }] : []),
      ]} />
      <Space wrap style={{ marginTop: 8 }}>
        <a href={`/api/public/draws/${d.id}/entrants.tsv`} download data-testid="draw-entrants-tsv">下载 entrants.tsv</a>
        {d.status === 'drawn' ? <a href={`/api/public/draws/${d.id}/lottery.json`} download data-testid="draw-lottery-json">下载 lottery.json</a> : null}
        <Link to={`/lottery/${d.id}`} data-testid="draw-public-link">公开排序结果与复核页</Link>
      </Space>
      {canManage ? (
        <Space wrap style={{ marginTop: 12 }}>
          {d.status === 'frozen' ? (
            <ActionButton label="输入信标并摇号" type="primary" article="第十一条" path={`/api/draws/${d.id}/draw`} testId="draw-run"
              confirm="信标须为摇号前无法预知、事后可公开查验的值（如当日公开开奖号码）；摇号结果与复核文件将同时公布"
              fields={[{ name: 'beacon', label: '公开信标 beacon', required: true, placeholder: '如 20260520-381946' }]} />
          ) : null}
          <ActionButton label="作废本次摇号" danger article="第十一条" path={`/api/draws/${d.id}/void`} testId="draw-void"
            confirm="作废理由将向社会公开；作废后可重新冻结同一名单，以新的密钥和承诺值进行下一次摇号"
            fields={[{ name: 'reason', label: '作废理由（公开）', required: true, multiline: true }]} />
        </Space>
      ) : null}
    </Card>
  );
}
