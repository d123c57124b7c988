import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  exportQualificationResults,
  streamQualificationResultsToBuffer,
  type QualificationResultRow,
} from './results-xlsx.js';

const rows: QualificationResultRow[] = [
  {
    regCode: 'LX2025-0100-000123',
    maskedName: '张*华',
    maskedId: '37**************12',
    districtName: '历下区',
    category: 'wage_family',
    priority: ['low_middle_income', 'elderly_member'],
    status: 'admitted',
    admittedOn: '2025-05-20',
  },
  {
    regCode: 'GX2025-0900-000004',
    maskedName: '李*',
    maskedId: '37**************3X',
    districtName: '高新区',
    category: 'talent',
    priority: [],
    status: 'admitted',
    admittedOn: '2025-12-31',
  },
];

async function load(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no worksheet');
  return ws;
}

function checkSheet(ws: ExcelJS.Worksheet): void {
  expect(ws.name).toBe('资格审核结果');
  expect(String(ws.getCell('A1').value)).toContain('济政发〔2025〕3号第七条');
  expect(ws.getCell('A1').isMerged).toBe(true);
  expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
    '序号', '登记编号', '申请人', '身份证号', '所属区县', '保障类别', '优先情形（第六条）', '状态', '入库日期',
  ]);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  expect(ws.autoFilter).toBe('A2:I2');
  expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(20);
  const r3 = ws.getRow(3);
  expect(r3.getCell(2).value).toBe('LX2025-0100-000123');
  expect(r3.getCell(4).value).toBe('37**************12');
  expect(r3.getCell(6).value).toBe('城市工薪收入家庭');
  expect(r3.getCell(7).value).toBe('中低收入家庭、有60周岁以上老人');
  expect(r3.getCell(8).value).toBe('已入库');
  const date = r3.getCell(9);
  expect(date.value).toBeInstanceOf(Date);
  expect((date.value as Date).toISOString().slice(0, 10)).toBe('2025-05-20');
  expect(date.numFmt).toBe('yyyy-mm-dd');
  expect((ws.getRow(4).getCell(9).value as Date).toISOString().slice(0, 10)).toBe('2025-12-31');
  expect(ws.getRow(4).getCell(6).value).toBe('城市引进人才');
  expect(ws.getRow(4).getCell(7).value).toBe('无');
}

describe('资格审核结果 xlsx (济政发〔2025〕3号 第七条)', () => {
  it('第七条: the export has a cited title, a frozen filterable Chinese header and dates as dates', async () => {
    const buf = await exportQualificationResults(rows);
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    const ws = await load(buf);
    checkSheet(ws);
    expect(ws.rowCount).toBe(4);
  });

  it('第七条: the streamed export holds the same sheet', async () => {
    const ws = await load(await streamQualificationResultsToBuffer(rows));
    checkSheet(ws);
    expect(ws.rowCount).toBe(4);
  });

  it('第七条: the streamed export takes an async source of 20,000 rows', async () => {
    async function* many(): AsyncGenerator<QualificationResultRow> {
      for (let i = 0; i < 20_000; i++) yield { ...rows[0]!, regCode: `LX2025-0100-${String(i).padStart(6, '0')}` };
    }
    const ws = await load(await streamQualificationResultsToBuffer(many()));
    expect(ws.rowCount).toBe(20_002);
    expect(ws.getRow(20_002).getCell(2).value).toBe('LX2025-0100-019999');
    expect(ws.getRow(20_002).getCell(1).value).toBe(20_000);
  });

  it('privacy: a row whose ID shows more than the first 2 and last 2 characters is refused', async () => {
    const leaky = { ...rows[0]!, maskedId: '370102**********12' };
    await expect(exportQualificationResults([leaky])).rejects.toThrow(/maskedId/);
    await expect(streamQualificationResultsToBuffer([leaky])).rejects.toThrow(/maskedId/);
  });
});
