/**
 * The 认购金 reconciliation of a project as a workbook for the finance office (第十一条): a summary
 * sheet (paid = credited + refunded + held, and held against the registrations) and one line per
 * registration. Amounts are yuan numbers formatted ¥#,##0.00, converted exactly from fen.
 */
import ExcelJS from 'exceljs';
import type { Reconciliation } from '../../../commands/registrations/index.js';
import { fenToYuan } from '../../../rules/core/money.js';

const MONEY = '"¥"#,##0.00';
const STATUS: Record<string, string> = {
  pending_payment: '待缴认购金', registered: '已缴认购金', signed: '已签约', closed: '已关闭', withdrawn: '已撤回', refunded: '已退还',
};
const yuan = (fen: number) => Number(fenToYuan(fen));

/** The workbook bytes. */
export async function reconciliationXlsx(r: Reconciliation): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '泉城安居';
  wb.created = new Date(r.asOf);
  const sum = wb.addWorksheet('汇总');
  sum.columns = [{ width: 34 }, { width: 22 }];
  sum.addRow([`${r.name}（${r.code}）认购金对账（济政发〔2025〕3号 第十一条）`]).font = { bold: true };
  sum.addRow(['对账时间', r.asOf]);
  const lines: Array<[string, number]> = [
    ['已缴纳 paid', r.paid], ['已折抵房款 credited', r.credited], ['已退还 refunded', r.refunded], ['在账 held（台账）', r.held],
    ['在账 held（按登记状态）', r.heldByRegistrations], ['退款在途', r.refundsInFlight.amountFen],
  ];
  for (const [label, fen] of lines) sum.addRow([label, yuan(fen)]).getCell(2).numFmt = MONEY;
  sum.addRow(['退款在途笔数', r.refundsInFlight.count]);
  sum.addRow(['平衡 balanced', r.balanced ? '是：缴纳 = 折抵 + 退还 + 在账，且在账与登记状态一致' : '否：请核查明细中标记"不符"的登记']);

  const rows = wb.addWorksheet('明细');
  rows.columns = [
    { header: '认购登记号', width: 16 }, { header: '状态', width: 12 }, { header: '应缴认购金', width: 16 }, { header: '已缴纳', width: 16 },
    { header: '已折抵', width: 16 }, { header: '已退还', width: 16 }, { header: '在账', width: 16 }, { header: '应在账', width: 16 },
    { header: '退款在途', width: 16 }, { header: '核对', width: 8 },
  ];
  rows.getRow(1).font = { bold: true };
  for (const x of r.rows) {
    const row = rows.addRow([x.regNo, STATUS[x.status] ?? x.status, ...[x.depositFen, x.paid, x.credited, x.refunded, x.held, x.expectedHeld, x.refundPending].map(yuan), x.ok ? '相符' : '不符']);
    for (let c = 3; c <= 9; c++) row.getCell(c).numFmt = MONEY;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
