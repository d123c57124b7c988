/**
 * Test support for the catalogue: the accounts of makeWorld (families, 历下/历城 district staff,
 * city staff, auditor) plus two implementers, and helpers that build a draft project through
 * the real commands.
 */
import { randomUUID } from 'node:crypto';
import type { DbHandle } from '../../db/client.js';
import { accounts } from '../../db/schema.js';
import { makeWorld } from '../applications/fixtures.js';
import type { Actor, CommandContext } from '../context.js';
import { addBuilding } from './buildings.js';
import { createProject } from './create.js';
import { addUnit } from './units.js';

/** makeWorld + implementers `impl` (济南安居置业) and `other` (another company). */
export async function catalogueWorld(h: DbHandle, today = '2026-02-02') {
  const w = await makeWorld(h, today);
  const implementer = async (username: string, displayName: string): Promise<Actor> => {
    const id = randomUUID();
    await h.db.insert(accounts).values({ id, username, role: 'implementer', passwordHash: 'x', displayName });
    return { accountId: id, role: 'implementer' };
  };
  const impl = await implementer('impl', '济南安居置业有限公司');
  const other = await implementer('other_impl', '济南城建置业有限公司');
  const as = (actor: Actor): CommandContext => ({ db: h.db, clock: w.clock, crypto: w.crypto, dataChecks: w.provider, actor });
  return { ...w, impl, other, as, implCtx: as(impl) };
}
export type CatalogueWorld = Awaited<ReturnType<typeof catalogueWorld>>;

/** A draft project of `level` in 历下区 with one building 1号楼 of 30 floors and `n` units (2 per floor, 90 m²). */
export async function draftProject(w: CatalogueWorld, opts: { code?: string; level?: 'city' | 'district'; units?: number; saleMode?: 'presale' | 'completed' } = {}) {
  const project = await createProject(w.implCtx, {
    code: opts.code ?? 'JN-2026-101', name: '泉城安居·历下苑', level: opts.level ?? 'district', districtCode: '370102',
    saleMode: opts.saleMode ?? 'completed', address: '济南市历下区经十路 1 号', deliveryOn: '2026-12-31',
  });
  const building = await addBuilding(w.implCtx, { projectId: project.id, name: '1号楼', floors: 30, completedOn: '2025-12-01' });
  const unitIds: string[] = [];
  for (let i = 0; i < (opts.units ?? 4); i++) {
    const floor = Math.floor(i / 2) + 1;
    const u = await addUnit(w.implCtx, { projectId: project.id, buildingId: building.id, floor, number: `${floor}0${(i % 2) + 1}`, area: '90.00', layout: '两室一厅', orientation: '南北' });
    unitIds.push(u.id);
  }
  return { project, building, unitIds };
}
