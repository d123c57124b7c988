/**
 * The unit import sheet (房源导入表): a template to fill in, and a reader that turns a filled
 * sheet into rows of cell texts. Checking the values is the import command's work
 * (src/commands/projects/import.ts); this module only knows the layout.
 *
 * Layout: sheet 房源, header in row 1 (楼栋, 楼层, 房号, 建筑面积, 户型, 朝向, any order), one
 * unit per row from row 2. Row numbers in errors are the row numbers Excel shows.
 */
import ExcelJS from 'exceljs';

/** The columns, by the field name errors use and the header text the sheet carries. */
export const UNIT_COLUMNS = [
  { field: 'building', header: '楼栋', en: 'building', width: 12, note: '楼栋名称，如“1号楼”；表中出现的新楼栋将自动创建' },
  { field: 'floor', header: '楼层', en: 'floor', width: 8, note: '整数，1 至楼栋总层数' },
  { field: 'number', header: '房号', en: 'room number', width: 10, note: '同一楼栋内不得重复，如 1203' },
  { field: 'area', header: '建筑面积', en: 'floor area', width: 12, note: '平方米，最多两位小数，如 89.57' },
  { field: 'layout', header: '户型', en: 'layout', width: 14, note: '如“两室一厅一卫”' },
  { field: 'orientation', header: '朝向', en: 'orientation', width: 10, note: '如“南北”' },
] as const;

export type UnitColumn = (typeof UNIT_COLUMNS)[number]['field'];

/** One filled row: the Excel row number and each column's text (trimmed; "" when empty). */
export type SheetUnitRow = { row: number } & Record<UnitColumn, string>;

/** A problem with the sheet, naming the Excel row and the column's field. */
export type SheetError = { row: number; field: string; message_zh: string; message: string };

export const UNITS_SHEET = '房源';
/** More rows than this are refused: a project this large is imported in several sheets. */
export const MAX_UNIT_ROWS = 5000;

/** The template workbook: an empty 房源 sheet with the header, and a 填写说明 sheet. */
export async function unitsTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '泉城安居';
  const ws = wb.addWorksheet(UNITS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = UNIT_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  ws.getRow(1).font = { bold: true };
  // Room numbers are text, so that 0101 keeps its leading zero.
  ws.getColumn(3).numFmt = '@';
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 14 }, { width: 60 }];
  help.addRow(['列', '填写要求']).font = { bold: true };
  for (const c of UNIT_COLUMNS) help.addRow([c.header, c.note]);
  help.addRow([]);
  help.addRow(['示例', '1号楼 | 12 | 1203 | 89.57 | 两室一厅一卫 | 南北']);
  help.addRow(['说明', '任一行有误则整表不导入，错误列表会指出行号与列；修改后重新上传即可。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A sheet that is not an .xlsx workbook at all. */
export class UnreadableSheetError extends Error {
  constructor(cause: unknown) {
    super(`not an xlsx workbook: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'UnreadableSheetError';
  }
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
  if ('result' in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
  if ('text' in v) return String(v.text).trim();
  return '';
}

// "建筑面积（㎡）" and "建筑面积(m2)" are the 建筑面积 column too.
const headerOf = (text: string) => UNIT_COLUMNS.find((c) => text.replace(/\s/g, '').startsWith(c.header));

/**
 * Reads the 房源 sheet (or the first sheet). Blank rows are skipped. Missing columns,
 * duplicated columns and too many rows come back as errors on row 1.
 */
export async function readUnitsSheet(bytes: Buffer): Promise<{ rows: SheetUnitRow[]; errors: SheetError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new UnreadableSheetError(e);
  }
  const ws = wb.getWorksheet(UNITS_SHEET) ?? wb.worksheets[0];
  const errors: SheetError[] = [];
  if (!ws) return { rows: [], errors: [{ row: 1, field: 'sheet', message_zh: '工作簿中没有工作表。', message: 'The workbook has no sheet.' }] };
  const index = new Map<UnitColumn, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const c = headerOf(cellText(cell.value));
    if (!c) return;
    if (index.has(c.field)) errors.push({ row: 1, field: c.field, message_zh: `“${c.header}”列重复。`, message: `The ${c.en} column appears twice.` });
    else index.set(c.field, col);
  });
  for (const c of UNIT_COLUMNS) {
    if (!index.has(c.field)) errors.push({ row: 1, field: c.field, message_zh: `缺少“${c.header}”列（第1行为表头）。`, message: `The ${c.en} column (${c.header}) is missing from the header row.` });
  }
  if (errors.length) return { rows: [], errors };
  const rows: SheetUnitRow[] = [];
  ws.eachRow((r, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = Object.fromEntries(UNIT_COLUMNS.map((c) => [c.field, cellText(r.getCell(index.get(c.field)!).value)])) as Record<UnitColumn, string>;
    if (Object.values(cells).every((v) => v === '')) return;
    rows.push({ row: rowNumber, ...cells });
  });
  if (rows.length > MAX_UNIT_ROWS) {
    return { rows: [], errors: [{ row: 1, field: 'sheet', message_zh: `一次最多导入${MAX_UNIT_ROWS}套房源，本表有${rows.length}行。`, message: `At most ${MAX_UNIT_ROWS} units per import; the sheet has ${rows.length} rows.` }] };
  }
  if (!rows.length) errors.push({ row: 2, field: 'sheet', message_zh: '表中没有房源（自第2行起逐行填写）。', message: 'The sheet lists no units (one per row from row 2).' });
  return { rows, errors };
}

/** Builds a filled sheet from rows (tests, demo data): the header then one row per unit, as given. */
export async function unitsSheetOf(rows: Array<Partial<Record<UnitColumn, string | number>>>, headers: readonly string[] = UNIT_COLUMNS.map((c) => c.header)): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(UNITS_SHEET);
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(UNIT_COLUMNS.map((c) => r[c.field] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
