/**
 * Small pieces of the closed-loop console: the days-left tag of 第二十六条 and 第二十二条
 * deadlines, evidence lists (第二十、二十二、二十三、二十五条) and a card heading.
 */
import { Tag, Typography } from 'antd';
import type { Evidence } from '../../api/postsale';
import { ArticleLink } from '../../components/ArticleLink';
import { daysLeftTag } from './model';

/** Days left as a coloured tag: overdue red, 30 days or less orange, else green. */
export function DaysLeftTag({ days, testId }: { days: number | null | undefined; testId?: string }) {
  const t = daysLeftTag(days);
  return <Tag color={t.color} data-testid={testId}>{t.text}</Tag>;
}

/** A card's title as an h2 (heading order under the page's h1). */
export function CardTitle({ children }: { children: React.ReactNode }) {
  return <h2 style={{ fontSize: 16, margin: 0 }}>{children}</h2>;
}

/** Evidence items: document or check reference, with the note. */
export function EvidenceList({ items }: { items: Evidence[] | null | undefined }) {
  if (!items || items.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {items.map((e, i) => (
        <li key={i}>{EVIDENCE_KIND[e.kind ?? ''] ?? e.kind ?? '材料'}：{e.ref}{e.note ? `（${e.note}）` : ''}</li>
      ))}
    </ul>
  );
}

export const EVIDENCE_KIND: Record<string, string> = { document: '书面材料', data_check: '数据核查', inspection: '现场核查' };

/** "第二十条、第二十五条" as links to each article. */
export function Articles({ text }: { text: string }) {
  const parts = text.split('、').filter(Boolean);
  return <>{parts.map((a, i) => <span key={a}>{i > 0 && '、'}<ArticleLink article={a} /></span>)}</>;
}
