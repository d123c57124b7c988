import { App, Button, Descriptions, Drawer, Grid, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { type HeldUnit, type MySelection, useSelectUnit } from '../../../api/sale-my';
import type { GridBuilding, GridUnit } from '../../../api/sale-public';
import { DialogArticleLink } from './DialogArticleLink';
import { errorText } from '../../../components/ErrorAlert';
import { UnitGrid } from '../../../components/UnitGrid';
import { formatArea, formatFen } from '../../sale-public/money';

/** The message for a refused pick; UNIT_TAKEN has its own words (another family was faster). */
export function pickErrorText(e: unknown): string {
  if (e instanceof ApiError && e.code === 'UNIT_TAKEN') return '该房源已被选定，请另选';
  return errorText(e);
}

/**
 * The grid to pick from, a sheet with the tapped unit's details and price, and 确认选房 with a
 * confirmation. The database decides who gets a unit (a unit is held by one live selection,
 * a family holds one unit city-wide); a refused pick refreshes the grid.
 */
export function UnitPicker(props: {
  grid: GridBuilding[];
  rolling?: boolean;
  disabled?: boolean;
  onPicked: (s: MySelection, unit: HeldUnit) => void;
  refresh: () => unknown;
}) {
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const select = useSelectUnit();
  const [unit, setUnit] = useState<GridUnit | null>(null);
  const building = unit ? props.grid.find((b) => b.units.some((u) => u.id === unit.id)) : undefined;
  const title = unit ? `${building?.name ?? ''} ${unit.number} 室` : '';

  const onConfirm = () => {
    if (!unit) return;
    modal.confirm({
      title: `确认选定 ${title}？`,
      content: (
        <>
          <p>总价 {formatFen(unit.priceFen)}。确认后该房源为您锁定，请按时生成并签订购房合同。</p>
          <p>每个家庭只能购买1套住房（<DialogArticleLink article="第五条" />、<DialogArticleLink article="第十一条" />），选定后不能再选其他房源。</p>
        </>
      ),
      okText: '确认选房', cancelText: '再想想',
      okButtonProps: { 'data-testid': 'select-confirm-ok' } as never,
      onOk: async () => {
        try {
          const s = await select.mutateAsync({ unitId: unit.id, rolling: props.rolling });
          message.success(`已选定 ${title}`);
          const picked: HeldUnit = { ...unit, buildingName: building?.name };
          setUnit(null);
          props.onPicked(s, picked);
        } catch (e) {
          message.error(pickErrorText(e));
          setUnit(null);
          await props.refresh();
        }
      },
    });
  };

  return (
    <>
      <UnitGrid buildings={props.grid} showPrice selectedId={unit?.id}
        selectable={(u) => !props.disabled && u.status === 'available'} onSelect={(u) => setUnit(u)} />
      <Drawer open={Boolean(unit)} onClose={() => setUnit(null)} placement={screens.md ? 'right' : 'bottom'}
        size={screens.md ? 380 : 'auto'} title={title} data-testid="unit-sheet">
        {unit && (
          <>
            <Descriptions column={1} size="small" items={[
              { key: 'b', label: '楼栋', children: building?.name ?? '—' },
              { key: 'f', label: '楼层', children: `${unit.floor} 层` },
              { key: 'n', label: '房号', children: unit.number },
              { key: 'a', label: '建筑面积', children: formatArea(unit.area) },
              { key: 'l', label: '户型', children: unit.layout || '—' },
              { key: 'o', label: '朝向', children: unit.orientation || '—' },
              { key: 'c', label: '调节系数', children: unit.coefficient ?? '—' },
              { key: 'p', label: '总价', children: <strong data-testid="unit-sheet-price">{formatFen(unit.priceFen)}</strong> },
            ]} />
            <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.7)', fontSize: 13 }} data-testid="unit-sheet-price-basis">
              {unit.resale
                ? <>再配售房源：价格经批准，不低于回购价格与修缮成本之和（<DialogArticleLink article="第三十条" />）。</>
                : <>价格经批准，按基准价格 × 面积 × 调节系数计算（<DialogArticleLink article="第十二条" />）。</>}
            </Typography.Paragraph>
            <Button type="primary" size="large" block onClick={onConfirm} loading={select.isPending} data-testid="select-confirm">
              确认选房
            </Button>
          </>
        )}
      </Drawer>
    </>
  );
}
