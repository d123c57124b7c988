import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { categoryLabel, priorityLabel, statusLabel } from './labels.js';

/** One line of the published qualification results (济政发〔2025〕3号 第七条). */
export interface QualificationResultRow {
  regCode: string;
  maskedName: string;
  /** At most the first 2 and last 2 characters of the ID number visible. */
  maskedId: string;
  districtName: string;
  /** "wage_family" | "talent", or a label. */
  category: string;
  /** 第六条 priority codes (or labels). */
  priority: string[];
  /** Application state code (admitted, …) or a label. */
  status: string;
  /** YYYY-MM-DD */
  admittedOn: string;
}

const TITLE = '济南市保障性住房轮候库资格审核结果（依据济政发〔2025〕3号第七条公开）';
const HEADER_ROW = 2;
const COLUMNS = [
  { header: '序号', width: 8 },
  { header: '登记编号', width: 22 },
  { header: '申请人', width: 12 },
  { header: '身份证号', width: 22 },
  { header: '所属区县', width: 14 },
  { header: '保障类别', width: 18 },
  { header: '优先情形（第六条）', width: 34 },
  { header: '状态', width: 10 },
  { header: '入库日期', width: 13 },
];

// Defence in depth for the privacy rule of the public list: whatever the caller
// passes, a row whose ID shows more than four characters is refused.
function assertMasked(row: QualificationResultRow, index: number): void {
  if ((row.maskedId.match(/[0-9Xx]/g) ?? []).length > 4) {
    throw new RangeError(`row ${index + 1}: maskedId shows more than 4 characters of the ID number`);
  }
}

function toDate(iso: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`admittedOn must be YYYY-MM-DD: ${iso}`);
  // A calendar date: midnight UTC keeps the Excel serial on that day in every zone.
  return new Date(`${iso}T00:00:00Z`);
}

function cells(row: QualificationResultRow, index: number): unknown[] {
  assertMasked(row, index);
  return [
    index + 1,
    row.regCode,
    row.maskedName,
    row.maskedId,
    row.districtName,
    categoryLabel(row.category),
    row.priority.length ? row.priority.map(priorityLabel).join('、') : '无',
    statusLabel(row.status),
    toDate(row.admittedOn),
  ];
}

function setUpSheet(ws: ExcelJS.Worksheet): void {
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  const title = ws.getRow(1);
  title.getCell(1).value = TITLE;
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { vertical: 'middle', horizontal: 'center' };
  title.height = 26;
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const header = ws.getRow(HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.getColumn(COLUMNS.length).numFmt = 'yyyy-mm-dd';
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: COLUMNS.length } };
}

const VIEWS: Partial<ExcelJS.WorksheetView>[] = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, activeCell: 'A3' }];

/**
 * The qualification results of 第七条 as an .xlsx workbook: a title row citing
 * the article, a frozen and filterable Chinese header row, dates as dates.
 * Holds the whole list in memory; for large lists use {@link writeQualificationResults}.
 */
export async function exportQualificationResults(rows: QualificationResultRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '泉城安居';
  const ws = wb.addWorksheet('资格审核结果', { views: VIEWS });
  setUpSheet(ws);
  rows.forEach((r, i) => ws.addRow(cells(r, i)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Streams the same workbook as {@link exportQualificationResults} to `out`,
 * committing each row as it is written, so memory stays flat for any number of
 * rows (e.g. an HTTP reply fed from a database cursor).
 */
export async function writeQualificationResults(
  rows: Iterable<QualificationResultRow> | AsyncIterable<QualificationResultRow>,
  out: Writable,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '泉城安居';
  const ws = wb.addWorksheet('资格审核结果', { views: VIEWS });
  setUpSheet(ws);
  ws.getRow(1).commit();
  ws.getRow(HEADER_ROW).commit();
  let i = 0;
  for await (const r of rows) {
    ws.addRow(cells(r, i)).commit();
    i += 1;
  }
  ws.commit();
  await wb.commit();
}

/** Collects {@link writeQualificationResults} into a Buffer (for tests and small lists). */
export async function streamQualificationResultsToBuffer(
  rows: Iterable<QualificationResultRow> | AsyncIterable<QualificationResultRow>,
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await writeQualificationResults(rows, out);
  await ended;
  return Buffer.concat(chunks);
}
