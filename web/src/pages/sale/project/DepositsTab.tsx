import { CheckCircleOutlined, FileExcelOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { download } from '../../../api/client';
import { type ReconRow, useReconciliation } from '../../../api/sale';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert, errorText } from '../../../components/ErrorAlert';
import { formatFen } from '../../../components/unitGrid';
import { REGISTRATION_STATUS } from '../../../lib/labels';
import { ActionButton } from '../ActionButton';
import { SaleTag } from '../StatusTag';
import type { TabProps } from './tabProps';

/**
 * 认购金对账 (第十一条): every fen paid is credited against a price, refunded, or still held;
 * paid = credited + refunded + held, and held equals the sum over registrations. 结束销售
 * refunds every unsigned family's 认购金.
 */
export function DepositsTab({ project, ab }: TabProps) {
  const { message } = App.useApp();
  const { data: r, isFetching, error } = useReconciliation(project.id);
  const xlsx = async () => {
    try {
      await download(`/api/projects/${project.id}/reconciliation?format=xlsx`, `认购金对账-${project.code}.xlsx`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const sumOk = r ? r.paid === r.credited + r.refunded + r.held : false;
  return (
    <>
      <Typography.Paragraph>
        申请家庭缴纳的认购金可折抵购房款；项目配售结束后，未签约家庭的认购金应予返还（<ArticleLink article="第十一条" />）。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      {r ? (
        <Alert type={r.balanced && sumOk ? 'success' : 'error'} showIcon style={{ marginBottom: 16 }} data-testid="recon-banner" data-balanced={String(r.balanced && sumOk)}
          title={r.balanced && sumOk ? '账目平衡：已缴 = 已折抵 + 已退还 + 留存，且留存等于各登记之和' : '账目不平衡，请核查下列登记与银行流水'}
          description={`已缴 ${formatFen(r.paid)} = 已折抵 ${formatFen(r.credited)} + 已退还 ${formatFen(r.refunded)} + 留存 ${formatFen(r.held)}；各登记应留存合计 ${formatFen(r.heldByRegistrations)}${r.refundsInFlight?.count ? `；退款在途 ${r.refundsInFlight.count} 笔 ${formatFen(r.refundsInFlight.amountFen)}（已记账，待银行确认）` : ''}`} />
      ) : null}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {([['paid', '已缴认购金'], ['credited', '已折抵房款'], ['refunded', '已退还'], ['held', '留存']] as const).map(([k, l]) => (
          <Col key={k} xs={24} sm={12} lg={6}><Card size="small"><Statistic title={l} value={r ? formatFen(r[k]) : '—'} valueStyle={{ fontSize: 20 }} data-testid={`recon-${k}`} /></Card></Col>
        ))}
      </Row>
      <Card size="small" title={<Space wrap><h2 style={{ fontSize: 16, margin: 0 }}>按认购登记</h2><Button size="small" icon={<FileExcelOutlined />} onClick={xlsx} data-testid="recon-xlsx">导出 xlsx</Button></Space>}>
        <Table<ReconRow> size="small" rowKey="registrationId" dataSource={r?.rows ?? []} loading={isFetching} data-testid="recon-table" scroll={{ x: 720 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 条登记` }} locale={{ emptyText: '暂无认购登记' }}
          columns={[
            { title: '登记号', dataIndex: 'regNo', render: (v) => v ?? '—' },
            { title: '状态', dataIndex: 'status', render: (v: string) => <SaleTag map={REGISTRATION_STATUS} status={v} /> },
            { title: '已缴', dataIndex: 'paid', render: (v: number) => formatFen(v) },
            { title: '已折抵', dataIndex: 'credited', render: (v: number) => formatFen(v) },
            { title: '已退还', dataIndex: 'refunded', render: (v: number) => formatFen(v) },
            { title: '留存', dataIndex: 'held', render: (v: number) => formatFen(v) },
            { title: '退款在途', dataIndex: 'refundPending', render: (v?: number) => (v ? formatFen(v) : '—') },
            { title: '核对', dataIndex: 'ok', render: (v: boolean | undefined, row: ReconRow) => v === undefined ? '—'
              : v ? <Tag color="success" icon={<CheckCircleOutlined />}>相符</Tag>
              : <Tag color="error" icon={<WarningOutlined />} data-testid={`recon-mismatch-${row.regNo}`}>不符（应留存 {formatFen(row.expectedHeld ?? 0)}）</Tag> },
          ]} />
      </Card>
      {ab.manageSale && project.status !== 'ended' ? (
        <Card size="small" style={{ marginTop: 16 }} title={<h2 style={{ fontSize: 16, margin: 0 }}>结束销售</h2>}>
          <Typography.Paragraph>结束后项目不再配售，所有未签约家庭的留存认购金全部原路退还，退款由银行异步到账。</Typography.Paragraph>
          <ActionButton label="结束销售并退还认购金" danger article="第十一条" path={`/api/projects/${project.id}/end-sale`} testId="end-sale"
            confirm={`将结束「${project.name}」的配售，并退还全部未签约家庭的认购金（当前留存 ${r ? formatFen(r.held) : '—'}）。此操作不可撤销`}
            fields={[{ name: 'reason', label: '说明（选填）', multiline: true }]} />
        </Card>
      ) : null}
    </>
  );
}
