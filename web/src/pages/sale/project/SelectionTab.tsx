import { Alert, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { type GridUnit, useGrid, useSelectionBoard } from '../../../api/sale';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitGrid } from '../../../components/UnitGrid';
import { ActionButton } from '../ActionButton';
import { BatchBoard, RollingTable } from './BatchBoard';
import { ConversionDialog } from './ConversionDialog';
import type { TabProps } from './tabProps';

/**
 * 选房 (第十一条 按程序组织选房签约; 第十六条 剩余房源常态化配售): batches in rank order, the board
 * of calls and outcomes, the rolling sale, and conversion decisions on long-unsold units.
 */
export function SelectionTab({ project, ab }: TabProps) {
  const board = useSelectionBoard(project.id);
  const grid = useGrid(project.id);
  const [convert, setConvert] = useState<{ unit: GridUnit; building: string } | null>(null);
  const b = board.data;
  const draw = b?.draw;
  const batches = b?.batches ?? [];
  const open = batches.find((x) => x.status === 'open');
  const nextNo = batches.reduce((m, x) => Math.max(m, x.batchNo), 0) + 1;
  const ranks = b?.ranks;
  const allCalled = ranks ? ranks.total > 0 && ranks.calledThrough >= ranks.total : false;
  return (
    <>
      <Typography.Paragraph>
        按摇号排序分批通知家庭选房，每户在选房时限内自主选择1套；未到场或放弃的如实记录（<ArticleLink article="第十一条" />）。
        各轮结束后剩余房源可向轮候家庭常态化配售；长期未售出的，经同级政府批准后可转作其他类型保障性住房（<ArticleLink article="第十六条" />）。
      </Typography.Paragraph>
      <ErrorAlert error={board.error} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} sm={6}><Card size="small"><Statistic title="可选房源" value={b?.unitsLeft ?? 0} suffix="套" data-testid="sel-units-left" /></Card></Col>
        <Col xs={12} sm={6}><Card size="small"><Statistic title="摇号排序家庭" value={ranks?.total ?? 0} suffix="户" /></Card></Col>
        <Col xs={12} sm={6}><Card size="small"><Statistic title="已通知至第" value={ranks?.calledThrough ?? 0} suffix="名" data-testid="sel-called-through" /></Card></Col>
        <Col xs={12} sm={6}><Card size="small"><Statistic title="已开批次" value={batches.length} suffix="批" /></Card></Col>
      </Row>
      {!draw || draw.status !== 'drawn' ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title="摇号完成后方可开启选房批次" /> : null}
      {ab.manageSelection || ab.manageSale ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Space wrap size="large">
            {ab.manageSelection && draw?.status === 'drawn' && project.status === 'selling' && !allCalled ? (
              <ActionButton label={`开启第 ${nextNo} 批选房`} type="primary" article="第十一条" path={`/api/draws/${draw.id}/batches/open`} body={{ batchNo: nextNo }} testId="batch-open"
                confirm={open ? `将先结束第 ${open.batchNo} 批（未选房的记为未到场），再按排序通知下一批家庭` : '按摇号排序通知下一批家庭在选房时限内选房'} />
            ) : null}
            {ab.manageSelection && open ? (
              <ActionButton label={`结束第 ${open.batchNo} 批`} article="第十一条" path={`/api/selection-batches/${open.id}/close`} testId="batch-close"
                confirm="结束后本批未选房的家庭记为未到场" />
            ) : null}
            {/* 第十六条 项目配售后: offered once no batch is open (the server checks the rounds are over) */}
            {ab.manageSale && project.status === 'selling' && draw?.status === 'drawn' && !open ? (
              <ActionButton label="启动常态化配售" article="第十六条" path={`/api/projects/${project.id}/rolling`} testId="rolling-start"
                confirm="各轮选房结束后，剩余房源向轮候家庭常态化配售，先到先选" />
            ) : null}
          </Space>
        </Card>
      ) : null}
      {batches.length ? <BatchBoard batches={[...batches].reverse()} canMark={ab.manageSelection} /> : null}
      {b?.rolling?.length ? <RollingTable rows={b.rolling} /> : null}
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>房源表</h2>} style={{ marginTop: 16 }}>
        {ab.convertUnits ? <Typography.Paragraph type="secondary">点击“可选”房源可录入转换用途决定（<ArticleLink article="第十六条" />第二款）。</Typography.Paragraph> : null}
        <UnitGrid buildings={grid.data ?? []} showPrice
          onSelect={ab.convertUnits ? (u, bl) => setConvert({ unit: u, building: bl.name }) : undefined}
          selectable={(u) => u.status === 'available'} selectedId={convert?.unit.id} />
      </Card>
      <ConversionDialog target={convert} onClose={() => setConvert(null)} />
    </>
  );
}
