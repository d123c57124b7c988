/**
 * Title and description of a list item without antd's List.Item.Meta, whose <h4> title breaks
 * the heading order under an h1/h2 page (axe heading-order). `level` picks the heading.
 */
export function ItemText({ title, description, level = 3 }: { title: React.ReactNode; description?: React.ReactNode; level?: 2 | 3 | 4 }) {
  const H = `h${level}` as 'h2' | 'h3' | 'h4';
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <H style={{ fontSize: 15, fontWeight: 600, margin: '0 0 4px' }}>{title}</H>
      {description && <div style={{ color: 'rgba(0,0,0,0.7)' }}>{description}</div>}
    </div>
  );
}
