/**
 * A buyback's reconciliation as a workbook for the finance office (济政发〔2025〕3号 第二十九条): the
 * price against the schedule and the payments booked by stage and payee, the maintenance fund,
 * and every check. Amounts are yuan numbers formatted ¥#,##0.00, converted exactly from fen.
 */
import ExcelJS from 'exceljs';
import type { BuybackReconciliation } from '../../../commands/buybacks/index.js';
import { fenToYuan } from '../../../rules/core/money.js';

const MONEY = '"¥"#,##0.00';
const yuan = (fen: number) => Number(fenToYuan(fen));
const CHECK: Record<string, string> = {
  price_is_first_plus_balance: '回购价格 = 首付款 + 余款', schedule_clears_loan_first: '价款优先清偿购房贷款',
  first_booked_as_scheduled: '首付款按计划登记', balance_booked_as_scheduled: '余款按计划登记', paid_in_full: '回购价款已付清',
  loan_cleared: '购房贷款已清偿', fund_refunded: '维修资金结余已全额退还（应为退还前结余，实为退还额）', resale_pays_in_the_refund: '再次配售应缴维修资金 = 退还额（第三十条）',
};

/** The workbook bytes. */
export async function buybackReconciliationXlsx(r: BuybackReconciliation): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '泉城安居';
  wb.created = new Date(`${r.asOf}T00:00:00+08:00`);
  const sheet = wb.addWorksheet('回购对账');
  sheet.columns = [{ width: 36 }, { width: 18 }, { width: 18 }, { width: 18 }];
  sheet.addRow([`回购对账 ${r.exitNo} / ${r.contractNo}（济政发〔2025〕3号 第二十九条）`]).font = { bold: true };
  sheet.addRow(['对账日', r.asOf]);
  sheet.addRow(['状态', r.exitStatus]);
  const money = (label: string, ...fen: number[]) => {
    const row = sheet.addRow([label, ...fen.map(yuan)]);
    fen.forEach((_, i) => { row.getCell(i + 2).numFmt = MONEY; });
  };
  money('回购价格', r.priceFen);
  money('未偿还购房贷款', r.outstandingLoanFen);
  sheet.addRow(['', '合计', '付贷款人', '付家庭']).font = { bold: true };
  money('首付款（计划）', r.schedule.first, r.schedule.firstToLender, r.schedule.firstToFamily);
  money('首付款（已付）', r.booked.firstToLender + r.booked.firstToFamily, r.booked.firstToLender, r.booked.firstToFamily);
  money('余款（计划）', r.schedule.balance, r.schedule.balanceToLender, r.schedule.balanceToFamily);
  money('余款（已付）', r.booked.balanceToLender + r.booked.balanceToFamily, r.booked.balanceToLender, r.booked.balanceToFamily);
  money('合计（已付）', r.booked.total, r.booked.lender, r.booked.family);
  if (r.fund) {
    sheet.addRow([`维修资金 ${r.fund.accountNo}`]).font = { bold: true };
    money('缴存', r.fund.depositsFen);
    money('退还前结余', r.fund.balanceBeforeRefundFen);
    money('回购退还', r.fund.refundedAtBuybackFen);
    money('退还合计', r.fund.refundsFen);
    money('现结余', r.fund.balanceFen);
  }
  sheet.addRow(['核对', '应为', '实为', '结果']).font = { bold: true };
  for (const c of r.checks) {
    const row = sheet.addRow([`${CHECK[c.code] ?? c.code}（${c.article}）`, yuan(c.expectedFen), yuan(c.actualFen), c.ok ? '相符' : '不符']);
    row.getCell(2).numFmt = MONEY;
    row.getCell(3).numFmt = MONEY;
  }
  sheet.addRow(['平衡 balanced', r.balanced ? '是' : '否']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
