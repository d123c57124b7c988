/**
 * 政府回购 of an accepted exit: the contract from the model text (第二十八条), the payments in two
 * stages with the lender first (第二十九条), the vacating checklist and the transfer registration
 * (第二十九条), completion with the maintenance-fund refund (第二十九条第二款) and the reconciliation.
 */
import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { download } from '../../../api/client';
import type { BuybackContract, ExitDetail } from '../../../api/postsale';
import { ArticleLink } from '../../../components/ArticleLink';
import { errorText } from '../../../components/ErrorAlert';
import { formatFen } from '../../../components/unitGrid';
import { formatShanghai, fractionToPercent, yuanToFen } from '../../sale/format';
import { CardTitle } from '../Bits';
import { DateField, FormDialog, MoneyField, TextField } from '../FormDialog';
import { balanceBlocker, type BuybackProgress, completeBlocker, paymentTable } from '../model';
import { ReconCard } from './ReconCard';
import { VacatingCard } from './VacatingCard';
import { ScrollTable } from '../ScrollTable';

/** Everything of a buyback after acceptance. */
export function BuybackSection({ e, canWrite }: { e: ExitDetail; canWrite: boolean }) {
  const c = e.contract;
  const transfer = e.transfer;
  const progress: BuybackProgress = { contract: c, payments: e.payments, vacating: e.vacating, vacatingExpected: e.vacatingExpected, transferRegistered: transfer !== null };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}><ContractCard e={e} c={c} canWrite={canWrite} /></Col>
      <Col xs={24} xl={12}>{c && <PaymentsCard e={e} c={c} progress={progress} canWrite={canWrite} />}</Col>
      {c?.status === 'signed' && <Col xs={24} xl={12}><VacatingCard e={e} canWrite={canWrite} /></Col>}
      {c?.status === 'signed' && <Col xs={24} xl={12}><TransferRegistrationCard e={e} transfer={transfer} canWrite={canWrite} /></Col>}
      {c && <Col xs={24}><ReconCard exitId={e.id} /></Col>}
    </Row>
  );
}

type GenerateValues = { outstandingLoan: string; lender?: string; vacateByOn: string };

function ContractCard({ e, c, canWrite }: { e: ExitDetail; c: BuybackContract | null; canWrite: boolean }) {
  const { message } = App.useApp();
  const pdf = async () => {
    try {
      await download(c!.pdfUrl ?? `/api/buyback-contracts/${c!.id}/contract.pdf`, `${c!.contractNo}.pdf`);
    } catch (err) {
      message.error(errorText(err));
    }
  };
  return (
    <Card size="small" data-testid="buyback-contract" title={<CardTitle>回购合同（<ArticleLink article="第二十八条" />）</CardTitle>}>
      {!c ? (
        <Space orientation="vertical">
          <Typography.Text type="secondary">按市住房城乡建设部门制定的示范文本生成回购合同，约定回购价格、结算方式、腾退时间、产权变更等。</Typography.Text>
          {canWrite && e.status === 'accepted' && (
            <FormDialog<GenerateValues> label="生成回购合同" type="primary" article="第二十八条" testId="buyback-generate"
              path={`/api/exits/${e.id}/buyback-contract`} rename={{ outstandingLoanFen: 'outstandingLoan' }}
              initialValues={{ outstandingLoan: '0', vacateByOn: e.dueOn ?? undefined }}
              toBody={(v) => ({ outstandingLoanFen: yuanToFen(v.outstandingLoan), lender: v.lender?.trim() || undefined, vacateByOn: v.vacateByOn })}
              confirm={<>以回购价格 {formatFen(e.priceFen)} 生成合同；未还清的购房贷款在每期付款中优先清偿（第二十九条）</>}>
              <MoneyField name="outstandingLoan" label="未偿还购房贷款" testId="buyback-generate-outstandingLoan" allowZero />
              <TextField name="lender" label="贷款机构（有未偿贷款时必填）" testId="buyback-generate-lender" required={false} />
              <DateField name="vacateByOn" label="腾退期限" testId="buyback-generate-vacateByOn" />
            </FormDialog>
          )}
        </Space>
      ) : (
        <>
          <Descriptions size="small" column={1} items={[
            { key: 'n', label: '合同编号', children: <span data-testid="buyback-contract-no">{c.contractNo}</span> },
            { key: 's', label: '状态', children: c.status === 'signed' ? <Tag color="success">已签订 {formatShanghai(c.signedAt)}</Tag> : <Tag color="processing">待签订</Tag> },
            { key: 'p', label: '回购价格', children: formatFen(c.priceFen) },
            { key: 'l', label: '未偿还贷款', children: c.outstandingLoanFen > 0 ? `${formatFen(c.outstandingLoanFen)}（${c.lender}）` : '无' },
            { key: 'v', label: '腾退期限', children: c.vacateByOn },
            { key: 'm', label: '示范文本版本', children: c.modelVersion },
          ]} />
          <Space wrap style={{ marginTop: 8 }}>
            <Button icon={<FilePdfOutlined />} onClick={pdf} data-testid="buyback-pdf" aria-label={`下载合同 PDF（回购合同 ${c.contractNo}）`}>合同 PDF</Button>
            {canWrite && c.status === 'generated' && (
              <FormDialog<Record<string, never>> label="签订回购合同" type="primary" article="第二十八条" testId="buyback-sign"
                path={`/api/buyback-contracts/${c.id}/sign`} confirm="双方已签订回购合同；签订后按回购资金10%先行支付（第二十九条）" />
            )}
          </Space>
        </>
      )}
    </Card>
  );
}

const PAYEE: Record<string, string> = { lender: '贷款机构', family: '原购房家庭' };

function PaymentsCard({ e, c, progress, canWrite }: { e: ExitDetail; c: BuybackContract; progress: BuybackProgress; canWrite: boolean }) {
  const table = paymentTable(c, progress.payments);
  const balanceWhy = balanceBlocker(progress);
  const completeWhy = completeBlocker(progress);
  return (
    <Card size="small" data-testid="buyback-payments" title={<CardTitle>回购价款支付（<ArticleLink article="第二十九条" />）</CardTitle>}>
      <Typography.Paragraph type="secondary">签订回购协议后先行支付 {formatFen(c.schedule.first)}（回购资金的{fractionToPercent(c.schedule.firstShare)}）；办理转移登记并完成腾退后结清余款。未足额偿还贷款的，优先清偿贷款。</Typography.Paragraph>
      {table.map((row) => (
        <div key={row.stage} style={{ marginBottom: 12 }} data-testid={`buyback-stage-${row.stage}`}>
          <Space wrap style={{ marginBottom: 4 }}>
            <Typography.Text strong>{row.stage === 'first' ? `首期（${fractionToPercent(c.schedule.firstShare)}）` : '余款'} {formatFen(row.totalFen)}</Typography.Text>
            {row.booked ? <Tag color="success">已支付</Tag> : <Tag>未支付</Tag>}
            {canWrite && !row.booked && c.status === 'signed' && (
              <FormDialog<{ paidOn: string; reference: string }> label="登记付款" size="small" article="第二十九条" testId={`buyback-pay-${row.stage}`}
                path={`/api/buyback-contracts/${c.id}/payments`} toBody={(v) => ({ stage: row.stage, ...v })}
                disabled={row.stage === 'balance' && balanceWhy !== null} disabledReason={row.stage === 'balance' ? balanceWhy ?? undefined : undefined}
                confirm={`登记${row.stage === 'first' ? '首期款' : '余款'}：${row.cells.map((x) => `${PAYEE[x.payee]} ${formatFen(x.dueFen)}`).join('，')}`}>
                <DateField name="paidOn" label="支付日期" testId={`buyback-pay-${row.stage}-paidOn`} />
                <TextField name="reference" label="支付凭证号" testId={`buyback-pay-${row.stage}-reference`} />
              </FormDialog>
            )}
          </Space>
          <ScrollTable label="付款明细" size="small" rowKey="payee" pagination={false} dataSource={row.cells} minWidth={420}
            columns={[
              { title: '收款方', dataIndex: 'payee', render: (v: string) => PAYEE[v] },
              { title: '应付', dataIndex: 'dueFen', align: 'right', render: (v: number) => formatFen(v) },
              { title: '已付', key: 'paid', align: 'right', render: (_, x) => (x.paid ? formatFen(x.paid.amountFen) : x.dueFen === 0 ? '—' : '未付') },
              { title: '日期 / 凭证', key: 'ref', render: (_, x) => (x.paid ? `${x.paid.paidOn} · ${x.paid.reference}` : '—') },
            ]} />
        </div>
      ))}
      {canWrite && e.status === 'contracted' && (
        <FormDialog<Record<string, never>> label="完成回购" type="primary" article="第二十九条" testId="buyback-complete" path={`/api/exits/${e.id}/complete`}
          disabled={completeWhy !== null} disabledReason={completeWhy ?? undefined}
          confirm="完成回购：退还分户账结余的维修资金，房屋转为政府回购房源，原购房家庭退出保障" />
      )}
    </Card>
  );
}

function TransferRegistrationCard({ e, transfer: t, canWrite }: { e: ExitDetail; transfer: ExitDetail['transfer']; canWrite: boolean }) {
  return (
    <Card size="small" data-testid="buyback-transfer" title={<CardTitle>不动产转移登记（<ArticleLink article="第二十九条" />）</CardTitle>}>
      {t ? (
        <Descriptions size="small" column={1} items={[
          { key: 'c', label: '证书号（政府）', children: t.certificateNo },
          { key: 'i', label: '登记日期', children: t.issuedOn },
        ]} />
      ) : (
        <Space orientation="vertical">
          <Typography.Text type="secondary">原购房家庭配合办理不动产转移登记后方可结清余款。</Typography.Text>
          {canWrite && e.status === 'contracted' && (
            <FormDialog<{ certificateNo: string; issuedOn: string }> label="登记转移" type="primary" article="第二十九条" testId="buyback-transfer-register"
              path={`/api/exits/${e.id}/transfer-registration`} confirm="将该套住房转移登记至政府名下（房屋性质不变）">
              <TextField name="certificateNo" label="不动产权证书号" testId="buyback-transfer-register-certificateNo" />
              <DateField name="issuedOn" label="登记日期" testId="buyback-transfer-register-issuedOn" />
            </FormDialog>
          )}
        </Space>
      )}
    </Card>
  );
}
