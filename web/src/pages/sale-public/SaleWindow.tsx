import { Tag } from 'antd';
import { formatDateTime } from '../../lib/law';

/**
 * The registration window of a sale notice, with whether it is open now. The server decides
 * what is accepted; this only helps the reader (the browser's clock may be off).
 */
export function SaleWindow({ opensAt, closesAt }: { opensAt?: string; closesAt?: string }) {
  if (!opensAt && !closesAt) return <span>—</span>;
  const now = Date.now();
  const o = opensAt ? Date.parse(opensAt) : NaN;
  const c = closesAt ? Date.parse(closesAt) : NaN;
  const phase = now < o ? { t: '未开始', c: 'default' } : now < c ? { t: '登记中', c: 'success' } : Number.isFinite(c) ? { t: '已截止', c: 'default' } : null;
  return (
    <span>
      {formatDateTime(opensAt)} 至 {formatDateTime(closesAt)}
      {phase && <Tag color={phase.c} style={{ marginInlineStart: 6 }}>{phase.t}</Tag>}
    </span>
  );
}
