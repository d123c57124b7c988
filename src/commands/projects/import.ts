/**
 * importUnits: the implementer uploads the 房源导入表 (xlsx) of its project. All or nothing: any
 * bad row refuses the whole sheet with a list of {row, field, message_zh, message}, and nothing
 * is written. Buildings named in the sheet that the project lacks are created, with as many
 * floors as the highest floor listed for them.
 *
 * A room number already in the project is an error naming the row, also when the sheet is the
 * one imported before; a client that retries an upload sends an Idempotency-Key instead.
 */
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../audit/index.js';
import { buildings, units } from '../../db/schema.js';
import { MAX_UNIT_ROWS, UNIT_COLUMNS, UnreadableSheetError, readUnitsSheet, type SheetError, type SheetUnitRow } from '../../documents/units-xlsx.js';
import { bilingual } from '../../rules/core/errors.js';
import type { CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import { assertCatalogueOpen } from './catalogue.js';
import { UnitFields } from './schema.js';

const Row = UnitFields.extend({
  building: z.string().trim().min(1, bilingual('请填写楼栋', 'building is required')).max(32, bilingual('楼栋名称不超过32个字', 'building name is at most 32 characters')),
});
type Row = z.infer<typeof Row> & { row: number };

/** What the import created. */
export type ImportOutput = { created: number; buildingsCreated: string[] };

const MAX_REPORTED = 500;
const COLUMN_ORDER = new Map<string, number>(UNIT_COLUMNS.map((c, i) => [c.field, i]));

function refuse(errors: SheetError[]): DomainError {
  const sorted = [...errors].sort((a, b) => a.row - b.row || (COLUMN_ORDER.get(a.field) ?? -1) - (COLUMN_ORDER.get(b.field) ?? -1));
  return new DomainError('IMPORT_INVALID', 400,
    `房源表有${errors.length}处错误，未导入任何房源。请按错误列表修改后重新上传。`,
    `The sheet has ${errors.length} error(s); no unit was imported. Correct them and upload again.`,
    undefined, { errors: sorted.slice(0, MAX_REPORTED), total: errors.length });
}

const split = (msg: string) => {
  const i = msg.indexOf(' / ');
  return i > 0 ? { zh: msg.slice(0, i), en: msg.slice(i + 3) } : { zh: msg, en: msg };
};

function checkRows(sheet: SheetUnitRow[], errors: SheetError[]): Row[] {
  const ok: Row[] = [];
  const seen = new Map<string, number>();
  for (const r of sheet) {
    const p = Row.safeParse(r);
    if (!p.success) {
      for (const issue of p.error.issues) {
        const field = String(issue.path[0] ?? 'row');
        const header = UNIT_COLUMNS.find((c) => c.field === field)?.header ?? field;
        const { zh, en } = split(issue.message);
        errors.push({ row: r.row, field, message_zh: `第${r.row}行“${header}”：${zh}`, message: `Row ${r.row}, ${field}: ${en}` });
      }
      continue;
    }
    const key = `${p.data.building}\u0000${p.data.number}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row: r.row, field: 'number', message_zh: `第${r.row}行：${p.data.building} ${p.data.number} 与第${first}行重复。`, message: `Row ${r.row}: ${p.data.building} ${p.data.number} repeats row ${first}.` });
      continue;
    }
    seen.set(key, r.row);
    ok.push({ ...p.data, row: r.row });
  }
  return ok;
}

/** Imports the sheet's units into the project in one transaction. */
export async function importUnits(ctx: CommandContext, input: { projectId: string; bytes: Buffer }): Promise<ImportOutput> {
  let sheet: Awaited<ReturnType<typeof readUnitsSheet>>;
  try {
    sheet = await readUnitsSheet(input.bytes);
  } catch (e) {
    if (!(e instanceof UnreadableSheetError)) throw e;
    throw new DomainError('IMPORT_UNREADABLE', 400, '无法读取上传的文件，请上传 .xlsx 格式的房源导入表。', 'The upload is not a readable .xlsx workbook.', 'file');
  }
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    // Access first: a sheet's errors are no business of someone who may not import.
    const project = await loadProject(tx, input.projectId, true);
    assertProjectAccess(ctx.actor, project, 'implementer');
    assertCatalogueOpen(project);
    const errors = [...sheet.errors];
    const rows = checkRows(sheet.rows, errors);
    const existing = await tx.select().from(buildings).where(eq(buildings.projectId, project.id));
    const byName = new Map(existing.map((b) => [b.name, b]));
    const taken = new Set<string>();
    if (existing.length) {
      const have = await tx.select({ buildingId: units.buildingId, number: units.number }).from(units).where(inArray(units.buildingId, existing.map((b) => b.id)));
      for (const u of have) taken.add(`${u.buildingId}\u0000${u.number}`);
    }
    for (const r of rows) {
      const b = byName.get(r.building);
      if (!b) continue;
      if (r.floor > b.floors) errors.push({ row: r.row, field: 'floor', message_zh: `第${r.row}行：${b.name}共${b.floors}层，没有第${r.floor}层。`, message: `Row ${r.row}: ${b.name} has ${b.floors} floors; floor ${r.floor} does not exist.` });
      if (taken.has(`${b.id}\u0000${r.number}`)) errors.push({ row: r.row, field: 'number', message_zh: `第${r.row}行：${b.name} ${r.number} 已在本项目中登记。`, message: `Row ${r.row}: ${b.name} ${r.number} is already in the project.` });
    }
    if (errors.length) throw refuse(errors);

    const newFloors = new Map<string, number>();
    for (const r of rows) if (!byName.has(r.building)) newFloors.set(r.building, Math.max(newFloors.get(r.building) ?? 0, r.floor));
    if (newFloors.size) {
      const made = await tx.insert(buildings).values([...newFloors].map(([name, floors]) => ({ projectId: project.id, name, floors }))).returning();
      for (const b of made) byName.set(b.name, b);
    }
    const values = rows.map((r) => ({
      projectId: project.id, buildingId: byName.get(r.building)!.id, floor: r.floor, number: r.number, area: r.area, layout: r.layout, orientation: r.orientation,
    }));
    for (let i = 0; i < values.length; i += 1000) await tx.insert(units).values(values.slice(i, i + 1000));
    await appendAudit(tx, {
      actor: ctx.actor, action: 'project.units.import', targetType: 'project', targetId: project.id, at: now,
      detail: { created: values.length, buildingsCreated: [...newFloors.keys()], maxRows: MAX_UNIT_ROWS },
    });
    return { created: values.length, buildingsCreated: [...newFloors.keys()] };
  });
}
