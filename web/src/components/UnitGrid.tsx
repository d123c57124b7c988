import {
  CheckCircleFilled, CheckCircleOutlined, EditOutlined, HomeFilled, LockFilled, SwapOutlined, ToolOutlined,
} from '@ant-design/icons';
import { Empty } from 'antd';
import type { GridBuilding, GridUnit } from '../api/sale-public';
import { floorRows, formatArea, formatFen, legendStatuses, maxPerFloor, RESALE_TAG, resaleCount, statusCounts, unitAccessibleName, unitStatusLabel } from './unitGrid';
import './UnitGrid.css';

const ICON: Record<string, React.ReactNode> = {
  available: <CheckCircleOutlined aria-hidden />,
  reserved: <LockFilled aria-hidden />,
  sold: <HomeFilled aria-hidden />,
  draft: <EditOutlined aria-hidden />,
  converted: <SwapOutlined aria-hidden />,
  bought_back: <ToolOutlined aria-hidden />,
};

/** Props of {@link UnitGrid}. */
export interface UnitGridProps {
  buildings: GridBuilding[];
  /** Which units may be picked; without it every unit is pickable when `onSelect` is given. */
  selectable?: (unit: GridUnit) => boolean;
  selectedId?: string | null;
  onSelect?: (unit: GridUnit, building: GridBuilding) => void;
  /** Shows each unit's total price (¥, from priceFen). */
  showPrice?: boolean;
  /** Hides the legend (when the page shows it elsewhere). */
  hideLegend?: boolean;
}

/** Legend of the unit colours, with the count of each status; colour, icon and word together. */
export function UnitGridLegend({ buildings }: { buildings: GridBuilding[] }) {
  const counts = statusCounts(buildings);
  const resales = resaleCount(buildings);
  return (
    <ul className="qc-grid-legend" aria-label="房源状态图例" data-testid="unit-grid-legend">
      {legendStatuses(counts).map((s) => (
        <li key={s} data-testid={`unit-grid-count-${s}`}>
          <span className={`qc-grid-swatch qc-unit-${s}`}>{ICON[s]}</span>
          {unitStatusLabel(s)} {counts[s] ?? 0} 套
        </li>
      ))}
      {resales > 0 ? <li data-testid="unit-grid-count-resale"><span className="qc-unit-tag">{RESALE_TAG}</span>回购后再次配售 {resales} 套</li> : null}
    </ul>
  );
}

/**
 * The colour grid of a project's units (房源表): one block per building, floors top-down,
 * each cell showing room number, status in words with an icon, area and (optionally) price.
 * Horizontally scrollable with the floor column kept in view, so it works on a 375 px phone
 * where a family picks its unit (第十一条 选房).
 */
export function UnitGrid({ buildings, selectable, selectedId, onSelect, showPrice, hideLegend }: UnitGridProps) {
  if (buildings.length === 0) return <Empty description="暂无楼栋与房源" />;
  return (
    <div data-testid="unit-grid">
      {hideLegend ? null : <UnitGridLegend buildings={buildings} />}
      {buildings.map((b) => {
        const rows = floorRows(b);
        const width = maxPerFloor(rows);
        return (
          <section key={b.id} className="qc-grid-building" aria-label={`${b.name} 房源表`} data-testid={`unit-building-${b.name}`}>
            <h3>{b.name} <span style={{ fontWeight: 400, fontSize: 13, color: 'rgba(0,0,0,0.7)' }}>共{b.floors}层 · {b.units.length}套</span></h3>
            {rows.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该楼栋尚无房源" />
            ) : (
              <div className="qc-grid-scroll" role="region" aria-label={`${b.name}，可左右滑动查看`} tabIndex={0}>
                <table className="qc-grid-table">
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.floor}>
                        <th scope="row">{r.floor}层</th>
                        {Array.from({ length: width }, (_, i) => {
                          const u = r.units[i];
                          return <td key={u?.id ?? `empty-${i}`}>{u ? <Cell b={b} u={u} selectable={selectable} selectedId={selectedId} onSelect={onSelect} showPrice={showPrice} /> : <div className="qc-unit-empty" />}</td>;
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}

function Cell({ b, u, selectable, selectedId, onSelect, showPrice }: { b: GridBuilding; u: GridUnit } & Pick<UnitGridProps, 'selectable' | 'selectedId' | 'onSelect' | 'showPrice'>) {
  const selected = selectedId === u.id;
  const cls = `qc-unit qc-unit-${u.status}${selected ? ' qc-unit-selected' : ''}`;
  const name = unitAccessibleName(b, u, { showPrice, selected });
  const body = (
    <>
      <span className="qc-unit-no">{u.number}{u.resale ? <span className="qc-unit-tag">{RESALE_TAG}</span> : null}</span>
      <span className="qc-unit-status">{selected ? <CheckCircleFilled aria-hidden /> : ICON[u.status]} {selected ? '已选中' : unitStatusLabel(u.status)}</span>
      <span>{formatArea(u.area)}</span>
      {showPrice ? <span className="qc-unit-price">{formatFen(u.priceFen)}</span> : null}
    </>
  );
  const common = { className: cls, title: `${u.layout} ${u.orientation}`, 'data-testid': `unit-${b.name}-${u.number}`, 'data-status': u.status };
  if (!onSelect) return <div {...common} role="img" aria-label={name}>{body}</div>;
  const can = selectable ? selectable(u) : true;
  return (
    <button type="button" {...common} aria-label={name} aria-pressed={selected} disabled={!can} onClick={() => onSelect(u, b)}>
      {body}
    </button>
  );
}
