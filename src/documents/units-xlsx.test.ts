import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { UNIT_COLUMNS, readUnitsSheet, unitsSheetOf, unitsTemplate } from './units-xlsx.js';

describe('房源导入表 (units import sheet)', () => {
  it('the template carries the six columns in row 1 and reads back as a sheet with no units yet', async () => {
    const bytes = await unitsTemplate();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['房源', '填写说明']);
    expect((wb.getWorksheet('房源')!.getRow(1).values as unknown[]).slice(1)).toEqual(['楼栋', '楼层', '房号', '建筑面积', '户型', '朝向']);
    const read = await readUnitsSheet(bytes);
    expect(read.rows).toEqual([]);
    expect(read.errors).toEqual([expect.objectContaining({ row: 2, field: 'sheet' })]);
  });

  it('reads cells as text whatever Excel stored: numbers, rich text, formula results; columns in any order; blank rows skipped', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('房源');
    ws.addRow(['朝向', '建筑面积（㎡）', '楼栋', '房号', '楼层', '户型']);
    ws.addRow(['南北', 89.57, { richText: [{ text: '1号' }, { text: '楼' }] }, 1203, { formula: '6*2', result: 12 }, '两室一厅']);
    ws.addRow([]);
    ws.addRow(['南', '120.50', '2号楼', '0101', 1, '三室']);
    const read = await readUnitsSheet(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(read.errors).toEqual([]);
    expect(read.rows).toEqual([
      { row: 2, building: '1号楼', floor: '12', number: '1203', area: '89.57', layout: '两室一厅', orientation: '南北' },
      { row: 4, building: '2号楼', floor: '1', number: '0101', area: '120.50', layout: '三室', orientation: '南' },
    ]);
  });

  it('a missing or doubled column is an error on row 1 naming the column', async () => {
    const headers = UNIT_COLUMNS.map((c) => c.header);
    const doubled = await readUnitsSheet(await unitsSheetOf([], [...headers.slice(0, 5), '楼层']));
    expect(doubled.errors.map((e) => [e.row, e.field])).toEqual([[1, 'floor'], [1, 'orientation']]);
    expect(doubled.errors[1]!.message_zh).toBe('缺少“朝向”列（第1行为表头）。');
  });
});
