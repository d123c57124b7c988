import { Tag } from 'antd';

/** A status as a coloured tag with its Chinese label from one of the label maps of lib/labels. */
export function SaleTag({ map, status, testId }: { map: Record<string, { label: string; color: string }>; status?: string | null; testId?: string }) {
  const s = map[status ?? ''] ?? { label: status ?? '—', color: 'default' };
  return <Tag color={s.color} data-testid={testId} data-status={status ?? undefined}>{s.label}</Tag>;
}
