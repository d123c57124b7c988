import { Card, Space, Table, Tag } from 'antd';
import { type BoardBatch, type BoardCall, type SelectionBoard, unitText } from '../../../api/sale';
import { CALL_OUTCOME } from '../../../lib/labels';
import { ActionButton } from '../ActionButton';
import { formatShanghai } from '../format';
import { SaleTag } from '../StatusTag';

/** The board: each batch (newest first) with its called families, outcomes and the mark buttons. */
export function BatchBoard({ batches, canMark }: { batches: BoardBatch[]; canMark: boolean }) {
  return (
    <>
      {batches.map((b) => (
        <Card key={b.id} size="small" style={{ marginBottom: 12 }} data-testid={`batch-${b.batchNo}`}
          title={<Space wrap><h2 style={{ fontSize: 16, margin: 0 }}>第 {b.batchNo} 批 · 第 {b.fromRank}–{b.toRank} 名</h2>
            <Tag color={b.status === 'open' ? 'processing' : 'default'}>{b.status === 'open' ? '选房中' : '已结束'}</Tag></Space>}>
          <p style={{ margin: '0 0 8px' }}>选房时间：{formatShanghai(b.opensAt)} 至 {formatShanghai(b.closesAt)}</p>
          <Table<BoardCall> size="small" rowKey="registrationId" dataSource={b.calls} pagination={false} scroll={{ x: 760 }} locale={{ emptyText: '本批无家庭' }}
            columns={[
              { title: '排序', dataIndex: 'rank', width: 70 },
              { title: '登记号', dataIndex: 'regNo' },
              { title: '家庭', dataIndex: 'maskedName', render: (v) => v ?? '—' },
              { title: '摇号池', dataIndex: 'pool', render: (v) => v ?? '—' },
              { title: '结果', dataIndex: 'outcome', render: (v: string, c) => <SaleTag map={CALL_OUTCOME} status={v} testId={`call-outcome-${c.regNo}`} /> },
              { title: '所选房源', key: 'unit', render: (_, c) => unitText(c) ? `${unitText(c)}${c.selectionStatus === 'released' ? '（已释放）' : c.selectionStatus === 'signed' ? '（已签约）' : c.selectionStatus === 'locked' ? '（待签约）' : ''}` : '—' },
              { title: '时间', dataIndex: 'at', render: (v) => formatShanghai(v), width: 140 },
              { title: '备注', dataIndex: 'note', render: (v) => v ?? '—' },
              { title: '操作', key: 'act', render: (_, c) => canMark && (c.outcome === 'waiting' || (c.outcome === 'selected' && c.selectionStatus === 'locked')) ? (
                <Space direction="vertical" size={2}>
                  {c.outcome === 'waiting' ? (
                    <ActionButton label="未到场" size="small" article="第十一条" path="/api/selection-calls/mark" body={{ batchId: b.id, registrationId: c.registrationId, outcome: 'no_show' }}
                      testId={`call-noshow-${c.regNo}`} confirm={`记录 ${c.regNo} 未在选房时限内选房`} fields={[{ name: 'note', label: '备注（选填）' }]} />
                  ) : null}
                  <ActionButton label="放弃选房" size="small" danger article="第十一条" path="/api/selection-calls/mark" body={{ batchId: b.id, registrationId: c.registrationId, outcome: 'refused' }}
                    testId={`call-refused-${c.regNo}`} confirm={c.outcome === 'selected' ? `记录 ${c.regNo} 放弃所选房源，房源恢复可选` : `记录 ${c.regNo} 放弃本次选房`} fields={[{ name: 'note', label: '备注（如 家庭书面放弃）' }]} />
                </Space>
              ) : null },
            ]} />
        </Card>
      ))}
    </>
  );
}

/** Selections of the rolling sale (第十六条), newest first. */
export function RollingTable({ rows }: { rows: NonNullable<SelectionBoard['rolling']> }) {
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>常态化配售选房记录</h2>} style={{ marginTop: 16 }}>
      <Table size="small" rowKey="id" dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="rolling-table"
        columns={[
          { title: '家庭', dataIndex: 'maskedName', render: (v) => v ?? '—' },
          { title: '房源', key: 'unit', render: (_, r) => unitText(r) ?? '—' },
          { title: '状态', dataIndex: 'status', render: (v: string) => ({ locked: '已锁定待签约', signed: '已签约', released: '已释放' }[v] ?? v) },
          { title: '选定时间', dataIndex: 'lockedAt', render: (v) => formatShanghai(v) },
        ]} />
    </Card>
  );
}
