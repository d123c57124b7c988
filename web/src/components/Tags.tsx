import { Space, Tag } from 'antd';
import { CATEGORY, PRIORITY, STATUS, WAITLIST } from '../lib/labels';
import { ArticleLink } from './ArticleLink';

/** Status of an application as a coloured tag. */
export function StatusTag({ status, testId }: { status?: string; testId?: string }) {
  const s = STATUS[status ?? ''] ?? { label: status ?? '—', color: 'default' };
  return <Tag color={s.color} data-testid={testId}>{s.label}</Tag>;
}

/** Waiting-list status (第八条) as a tag. */
export function WaitlistTag({ status }: { status?: string }) {
  if (!status) return null;
  const s = WAITLIST[status] ?? { label: status, color: 'default' };
  return <Tag color={s.color}>{s.label}</Tag>;
}

/** Category of 第五条 as text. */
export function CategoryText({ category }: { category?: string | null }) {
  return <>{category ? CATEGORY[category] ?? category : '—'}</>;
}

/** Priority flags of 第六条; with `linked` each tag is followed by a link to the article. */
export function PriorityTags({ priority, linked }: { priority?: string[]; linked?: boolean }) {
  if (!priority || priority.length === 0) return <span>无</span>;
  return (
    <Space size={[4, 4]} wrap>
      {priority.map((p) => (
        <Tag key={p} color="gold">
          {PRIORITY[p] ?? p}
          {linked ? <> · <ArticleLink article="第六条" /></> : null}
        </Tag>
      ))}
    </Space>
  );
}
