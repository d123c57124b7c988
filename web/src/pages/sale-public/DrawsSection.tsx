import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { PublicDraw } from '../../api/sale-public';
import { ArticleLink } from '../../components/ArticleLink';
import { DRAW_STATUS } from '../../lib/labels';
import { formatDateTime } from '../../lib/law';

const Hex = ({ value, testId }: { value?: string; testId?: string }) =>
  value ? (
    <Typography.Text code copyable={{ text: value, tooltips: ['复制', '已复制'] }} data-testid={testId}
      style={{ wordBreak: 'break-all', fontSize: 12 }}>{value}</Typography.Text>
  ) : <span>—</span>;

/** Void draws first (their reason must be seen), then newest round and attempt first. */
function ordered(draws: PublicDraw[]): PublicDraw[] {
  return [...draws].sort((a, b) => b.round - a.round || b.attempt - a.attempt);
}

/**
 * The project's draws as the public sees them (QLOT-1, 第七条): before the draw the list digest
 * and the commitment to the secret, after it the beacon and seed, and any void with its reason.
 */
export function DrawsSection({ draws }: { draws: PublicDraw[] }) {
  if (draws.length === 0) {
    return (
      <Typography.Paragraph>
        登记截止后冻结摇号名单，并在摇号前公布名单摘要和承诺值；摇号后公布名次，任何人均可下载文件自行验证（<ArticleLink article="第七条" />）。
      </Typography.Paragraph>
    );
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {ordered(draws).map((d) => <DrawCard key={d.id} d={d} />)}
    </Space>
  );
}

function DrawCard({ d }: { d: PublicDraw }) {
  const st = DRAW_STATUS[d.status] ?? { label: d.status, color: 'default' };
  const drawn = Boolean(d.seed) || d.status === 'drawn';
  const base = `/api/public/draws/${encodeURIComponent(d.id)}`;
  return (
    <Card size="small" data-testid={`draw-${d.id}`}
      title={<h3 style={{ fontSize: 15, margin: 0, whiteSpace: 'normal' }}>第{d.round}轮摇号{d.attempt > 1 ? `（第${d.attempt}次）` : ''}</h3>}
      extra={<Tag color={st.color} data-testid="draw-status">{st.label}</Tag>}>
      {d.status === 'void' && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="draw-void-reason"
          title={`本次摇号已作废${d.voidedAt ? `（${formatDateTime(d.voidedAt)}）` : ''}`}
          description={<>作废原因：{d.voidReason ?? '—'}。作废后以新的服务器密钥重新冻结同一名单并公布新的承诺值，再次摇号。</>} />
      )}
      {d.status === 'frozen' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="draw-committed"
          title="摇号前已公布"
          description="名单摘要（list_digest）和承诺值（commitment）在摇号前公布：名单已冻结，平台已锁定一个保密的服务器密钥。摇号时将公开该密钥和现场产生的信标（beacon），届时任何人都可以用公开的文件重新计算全部名次，核对平台没有更改名单或结果。" />
      )}
      <Descriptions column={1} size="small" styles={{ label: { width: 110 } }} items={[
        { key: 'n', label: '摇号名单', children: d.entrantCount !== undefined ? `${d.entrantCount} 户` : '—' },
        { key: 'frozen', label: '冻结时间', children: formatDateTime(d.frozenAt) },
        { key: 'digest', label: '名单摘要', children: <Hex value={d.listDigest} testId="draw-list-digest" /> },
        { key: 'commit', label: '承诺值', children: <Hex value={d.commitment} testId="draw-commitment" /> },
        ...(drawn ? [
          { key: 'drawn', label: '摇号时间', children: formatDateTime(d.drawnAt) },
          { key: 'beacon', label: '信标', children: <Typography.Text data-testid="draw-beacon" style={{ wordBreak: 'break-all' }}>{d.beacon ?? '—'}</Typography.Text> },
          { key: 'secret', label: '服务器密钥', children: <Hex value={d.serverSecret} testId="draw-server-secret" /> },
          { key: 'seed', label: '随机种子', children: <Hex value={d.seed} testId="draw-seed" /> },
        ] : []),
      ]} />
      <Space wrap style={{ marginTop: 8 }}>
        {drawn && <Link to={`/lottery/${encodeURIComponent(d.id)}`} data-testid="draw-ranks-link">查看摇号名次</Link>}
        {drawn && (
          <Link to={`/lottery/${encodeURIComponent(d.id)}/verify`} data-testid="draw-verify-link">
            <SafetyCertificateOutlined aria-hidden /> 在浏览器中验证
          </Link>
        )}
        <a href={`${base}/entrants.tsv`} download data-testid="draw-download-entrants"><DownloadOutlined aria-hidden /> 冻结名单 entrants.tsv</a>
        {drawn && <a href={`${base}/lottery.json`} download data-testid="draw-download-bundle"><DownloadOutlined aria-hidden /> 摇号结果 lottery.json</a>}
      </Space>
    </Card>
  );
}
