/**
 * 维修资金 (第十九条): the unit's account, its balance and movements; forms to open the account
 * and record a deposit. Refunds happen at buyback completion (第二十九条).
 */
import { Card, Descriptions, Space, Typography } from 'antd';
import type { FundEntry, UnitRecord } from '../../../api/postsale';
import { ArticleLink } from '../../../components/ArticleLink';
import { formatFen } from '../../../components/unitGrid';
import { fenToYuan, yuanToFen } from '../../sale/format';
import { CardTitle } from '../Bits';
import { DateField, FormDialog, MoneyField, TextField } from '../FormDialog';
import { ScrollTable } from '../ScrollTable';

type OpenValues = { accountNo: string; bank: string; openedOn: string; initialDeposit?: string; reference?: string };
type DepositValues = { amount: string; occurredOn: string; reference: string; memo: string };

/** The maintenance-fund card of the dossier. */
export function FundCard({ record: r, canWrite }: { record: UnitRecord; canWrite: boolean }) {
  const f = r.fund;
  const due = r.contract?.maintenanceFundDueFen;
  return (
    <Card size="small" title={<CardTitle>维修资金（<ArticleLink article="第十九条" />）</CardTitle>} data-testid="unit-fund-card">
      {f ? (
        <>
          <Descriptions size="small" column={1} items={[
            { key: 'a', label: '分户账号', children: f.accountNo },
            { key: 'b', label: '开户银行', children: f.bank },
            { key: 'o', label: '开户日期', children: f.openedOn },
            { key: 'x', label: '余额', children: <strong data-testid="unit-fund-balance">{formatFen(f.balanceFen)}</strong> },
          ]} />
          <ScrollTable<FundEntry> label="维修资金明细" size="small" rowKey="id" dataSource={f.entries} pagination={false} style={{ marginTop: 8 }} minWidth={520}
            locale={{ emptyText: '暂无缴存' }} columns={[
              { title: '日期', dataIndex: 'occurredOn', onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
              { title: '类型', dataIndex: 'kind', onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (v: string) => (v === 'deposit' ? '缴存' : '退还') },
              { title: '金额', dataIndex: 'amountFen', align: 'right', onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (v: number, e) => formatFen(e.kind === 'refund' ? -v : v) },
              { title: '凭证', dataIndex: 'reference' },
              { title: '摘要', dataIndex: 'memo' },
            ]} />
          {canWrite && (
            <div style={{ marginTop: 12 }}>
              <FormDialog<DepositValues> label="登记缴存" article="第十九条" testId="fund-deposit" path={`/api/units/${r.unit.id}/maintenance-fund/entries`}
                rename={{ amountFen: 'amount' }} confirm="记录一笔维修资金缴存（同一凭证只记一次）"
                toBody={(v) => ({ kind: 'deposit', amountFen: yuanToFen(v.amount), occurredOn: v.occurredOn, reference: v.reference, memo: v.memo })}>
                <MoneyField name="amount" label="缴存金额" testId="fund-deposit-amount" />
                <DateField name="occurredOn" label="缴存日期" testId="fund-deposit-occurredOn" />
                <TextField name="reference" label="凭证号" testId="fund-deposit-reference" />
                <TextField name="memo" label="摘要" testId="fund-deposit-memo" />
              </FormDialog>
            </div>
          )}
        </>
      ) : (
        <Space orientation="vertical">
          <Typography.Text type="secondary">尚未开立分户账{due ? `；合同约定应缴 ${formatFen(due)}` : ''}。</Typography.Text>
          {canWrite && (
            <FormDialog<OpenValues> label="开立分户账" article="第十九条" testId="fund-open" type="primary" path={`/api/units/${r.unit.id}/maintenance-fund`}
              rename={{ initialDepositFen: 'initialDeposit' }} confirm="为该套住房开立维修资金分户账，可同时登记首次缴存"
              initialValues={{ initialDeposit: due ? fenToYuan(due) : undefined, reference: r.contract?.contractNo }}
              toBody={(v) => ({
                accountNo: v.accountNo, bank: v.bank, openedOn: v.openedOn,
                ...(v.initialDeposit ? { initialDepositFen: yuanToFen(v.initialDeposit), reference: v.reference } : {}),
              })}>
              <TextField name="accountNo" label="分户账号" testId="fund-open-accountNo" />
              <TextField name="bank" label="开户银行" testId="fund-open-bank" />
              <DateField name="openedOn" label="开户日期" testId="fund-open-openedOn" />
              <MoneyField name="initialDeposit" label="首次缴存" testId="fund-open-initialDeposit" required={false} />
              <TextField name="reference" label="缴存凭证号" testId="fund-open-reference" required={false} />
            </FormDialog>
          )}
        </Space>
      )}
    </Card>
  );
}
