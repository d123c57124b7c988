/**
 * A table that scrolls sideways inside a focusable, labelled region, so keyboard users can scroll
 * it too (axe scrollable-region-focusable), at 1280 px and on a 375 px phone.
 */
import { Table, type TableProps } from 'antd';

/** antd's Table with `label` (the region's name) and `minWidth` in place of `scroll.x`. */
export function ScrollTable<T extends object>({ label, minWidth, style, ...props }: TableProps<T> & { label: string; minWidth: number }) {
  return (
    <div role="region" aria-label={`${label}（可左右滑动）`} tabIndex={0} style={{ overflowX: 'auto', ...style }}>
      <Table<T> {...props} style={{ minWidth }} />
    </div>
  );
}
