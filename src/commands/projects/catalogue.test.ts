import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { auditLog, buildings, units } from '../../db/schema.js';
import { unitsSheetOf } from '../../documents/units-xlsx.js';
import { addBuilding, addUnit, createProject, getProject, importUnits, listProjects, unitGrid } from './index.js';
import { catalogueWorld, draftProject, type CatalogueWorld } from './testing.js';

const project = (over: Record<string, unknown> = {}) => ({
  code: 'JN-2026-201', name: '泉城安居·汉峪苑', level: 'district', districtCode: '370102', saleMode: 'presale', address: '济南市历下区汉峪 8 号', ...over,
});

const err = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as { code: string; http: number; field?: string; message_zh: string; details?: Record<string, unknown> };
  }
  throw new Error('expected a refusal');
};

describe.each(TEST_DB_KINDS)('catalogue (第十条) on %s', (kind) => {
  let h: DbHandle;
  let w: CatalogueWorld;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await catalogueWorld(h);
  });
  afterAll(() => h.close());

  const unitCount = async (projectId: string) => (await h.db.select().from(units).where(eq(units.projectId, projectId))).length;

  describe('createProject', () => {
    it('the implementer registers a draft project it owns; a retry returns the same project; the step is audited', async () => {
      const p = await createProject(w.implCtx, project());
      expect(p).toMatchObject({ code: 'JN-2026-201', status: 'draft', level: 'district', saleMode: 'presale', implementerAccountId: w.impl.accountId });
      expect((await createProject(w.implCtx, project())).id).toBe(p.id);
      const audit = await h.db.select().from(auditLog).where(eq(auditLog.targetId, p.id));
      expect(audit.map((a) => a.action)).toEqual(['project.create']);
    });

    it('QLOT-1: a code with a space or a slash is refused naming code (it is hashed into every draw)', async () => {
      for (const code of ['JN 2026', 'JN/2026', '', 'x'.repeat(65)]) {
        const e = await err(createProject(w.implCtx, project({ code })));
        expect([e.http, e.field]).toEqual([400, 'code']);
      }
    });

    it('an unknown district is refused naming districtCode; a level other than city|district naming level', async () => {
      expect((await err(createProject(w.implCtx, project({ code: 'JN-X1', districtCode: '999999' })))).field).toBe('districtCode');
      expect((await err(createProject(w.implCtx, project({ code: 'JN-X2', level: 'province' })))).field).toBe('level');
      expect((await err(createProject(w.implCtx, project({ code: 'JN-X3', saleMode: 'auction' })))).field).toBe('saleMode');
    });

    it('a code another implementer holds is a 409 naming code; staff may not create projects at all', async () => {
      const e = await err(createProject(w.as(w.other), project()));
      expect([e.http, e.code, e.field]).toEqual([409, 'PROJECT_CODE_TAKEN', 'code']);
      expect((await err(createProject(w.ctx('city'), project({ code: 'JN-C1' })))).http).toBe(403);
    });
  });

  describe('buildings and units', () => {
    it('adds a building and a unit; a retry returns them; a floor above the building or a taken room number is refused', async () => {
      const { project: p } = await draftProject(w, { code: 'JN-2026-202', units: 0 });
      const b = await addBuilding(w.implCtx, { projectId: p.id, name: '2号楼', floors: 18 });
      expect((await addBuilding(w.implCtx, { projectId: p.id, name: '2号楼', floors: 18 })).id).toBe(b.id);
      expect((await err(addBuilding(w.implCtx, { projectId: p.id, name: '2号楼', floors: 20 }))).code).toBe('BUILDING_EXISTS');
      const unit = { projectId: p.id, buildingId: b.id, floor: 12, number: '1203', area: '89.57', layout: '两室一厅', orientation: '南北' };
      const u = await addUnit(w.implCtx, unit);
      expect(u).toMatchObject({ status: 'draft', area: '89.57', priceFen: null });
      expect((await addUnit(w.implCtx, unit)).id).toBe(u.id);
      const taken = await err(addUnit(w.implCtx, { ...unit, area: '95.00' }));
      expect([taken.http, taken.code, taken.field]).toEqual([409, 'UNIT_EXISTS', 'number']);
      const high = await err(addUnit(w.implCtx, { ...unit, number: '1901', floor: 19 }));
      expect([high.http, high.field]).toEqual([400, 'floor']);
      expect(high.message_zh).toContain('2号楼共18层');
      expect((await err(addUnit(w.implCtx, { ...unit, number: '1204', area: '0' }))).field).toBe('area');
      expect((await err(addUnit(w.implCtx, { ...unit, number: '1205', area: '89.567' }))).field).toBe('area');
    });

    it('another implementer does not see the project (404) and staff may not add units (403)', async () => {
      const { project: p, building } = await draftProject(w, { code: 'JN-2026-203', units: 0 });
      const unit = { projectId: p.id, buildingId: building.id, floor: 1, number: '101', area: '90', layout: '两室', orientation: '南' };
      expect((await err(addUnit(w.as(w.other), unit))).http).toBe(404);
      expect((await err(addUnit(w.ctx('lixia'), unit))).http).toBe(403);
      expect(await unitCount(p.id)).toBe(0);
    });
  });

  describe('importUnits (xlsx, all or nothing)', () => {
    it('imports a sheet: creates the buildings it names with their highest floor, adds every unit as draft', async () => {
      const { project: p } = await draftProject(w, { code: 'JN-2026-204', units: 2 });
      const bytes = await unitsSheetOf([
        { building: '1号楼', floor: 2, number: '201', area: 89.57, layout: '两室一厅', orientation: '南北' },
        { building: '3号楼', floor: 1, number: '0101', area: '120.5', layout: '三室两厅', orientation: '南' },
        { building: '3号楼', floor: 11, number: 1101, area: 120.5, layout: '三室两厅', orientation: '南' },
      ]);
      expect(await importUnits(w.implCtx, { projectId: p.id, bytes })).toEqual({ created: 3, buildingsCreated: ['3号楼'] });
      const [b3] = (await h.db.select().from(buildings).where(eq(buildings.projectId, p.id))).filter((b) => b.name === '3号楼');
      expect(b3!.floors).toBe(11);
      const grid = await unitGrid(h.db, p.id);
      expect(grid.map((b) => [b.name, b.units.map((u) => u.number)])).toEqual([['1号楼', ['101', '102', '201']], ['3号楼', ['0101', '1101']]]);
      expect(grid[0]!.units[2]).toMatchObject({ area: '89.57', status: 'draft', priceFen: null });
    });

    it('one bad row refuses the whole sheet: every error names its row and field, and nothing is written', async () => {
      const { project: p } = await draftProject(w, { code: 'JN-2026-205', units: 2 });
      const bytes = await unitsSheetOf([
        { building: '2号楼', floor: 1, number: '101', area: 90, layout: '两室', orientation: '南' },
        { building: '2号楼', floor: '一', number: '102', area: 90, layout: '两室', orientation: '南' },
        { building: '2号楼', floor: 2, number: '201', area: -3, layout: '', orientation: '南' },
        { building: '2号楼', floor: 1, number: '101', area: 90, layout: '两室', orientation: '南' },
        { building: '1号楼', floor: 1, number: '102', area: 90, layout: '两室', orientation: '南' },
        { building: '1号楼', floor: 31, number: '3101', area: 90, layout: '两室', orientation: '南' },
      ]);
      const e = await err(importUnits(w.implCtx, { projectId: p.id, bytes }));
      expect([e.http, e.code]).toEqual([400, 'IMPORT_INVALID']);
      const errors = e.details!.errors as Array<{ row: number; field: string; message_zh: string; message: string }>;
      expect(errors.map((x) => [x.row, x.field])).toEqual([[3, 'floor'], [4, 'area'], [4, 'layout'], [5, 'number'], [6, 'number'], [7, 'floor']]);
      expect(errors[3]!.message_zh).toContain('与第2行重复');
      expect(errors[4]!.message_zh).toContain('已在本项目中登记');
      expect(errors[5]!.message_zh).toContain('1号楼共30层');
      expect(errors.every((x) => x.message.startsWith(`Row ${x.row}`))).toBe(true);
      expect(await unitCount(p.id)).toBe(2);
      expect((await h.db.select().from(buildings).where(eq(buildings.projectId, p.id))).map((b) => b.name)).toEqual(['1号楼']);
    });

    it('a sheet without the 朝向 column, or not an xlsx at all, is refused before any row is read', async () => {
      const { project: p } = await draftProject(w, { code: 'JN-2026-206', units: 0 });
      const missing = await unitsSheetOf([{ building: '1号楼', floor: 1, number: '101', area: 90, layout: '两室' }], ['楼栋', '楼层', '房号', '建筑面积', '户型']);
      const e = await err(importUnits(w.implCtx, { projectId: p.id, bytes: missing }));
      expect(e.details!.errors).toEqual([expect.objectContaining({ row: 1, field: 'orientation' })]);
      const junk = await err(importUnits(w.implCtx, { projectId: p.id, bytes: Buffer.from('楼栋,楼层\n1号楼,1') }));
      expect([e.http, junk.code, junk.field]).toEqual([400, 'IMPORT_UNREADABLE', 'file']);
    });
  });

  describe('reading', () => {
    it('getProject counts units by status per building; listProjects keeps each reader to its scope', async () => {
      const { project: p } = await draftProject(w, { code: 'JN-2026-207', units: 3 });
      const d = await getProject(w.ctx('lixia'), { projectId: p.id });
      expect(d.counts).toMatchObject({ draft: 3, available: 0, total: 3 });
      expect(d.buildings.map((b) => [b.name, b.counts.total])).toEqual([['1号楼', 3]]);
      expect(d.project.districtName).toBe('历下区');
      expect((await err(getProject(w.ctx('licheng'), { projectId: p.id }))).http).toBe(403);
      expect((await err(getProject(w.as(w.other), { projectId: p.id }))).http).toBe(404);
      await createProject(w.as(w.other), project({ code: 'JN-LC-1', districtCode: '370112' }));
      const codes = async (ctx: Parameters<typeof listProjects>[0]) => (await listProjects(ctx)).map((x) => x.code);
      expect(await codes(w.as(w.other))).toEqual(['JN-LC-1']);
      expect(await codes(w.ctx('licheng'))).toEqual(['JN-LC-1']);
      expect(await codes(w.ctx('lixia'))).not.toContain('JN-LC-1');
      expect(await codes(w.ctx('auditor'))).toContain('JN-LC-1');
      expect(await codes(w.ctx('city'))).toContain('JN-2026-207');
      expect((await listProjects(w.ctx('lixia'))).find((x) => x.code === 'JN-2026-207')!.counts.total).toBe(3);
      expect((await err(listProjects(w.ctx('family1')))).http).toBe(403);
    });
  });
});
