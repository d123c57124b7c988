/**
 * Read models of selection: the staff board of a project (批次、叫号、结果、剩余房源) and a
 * family's own turn with the project's grid. Names are masked as on every public list
 * (第七条 公开…选房认购结果); no ID number or phone appears.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import { unitGrid, type GridBuilding } from '../projects/index.js';
import { currentDrawOf, liveSelectionOf, uncalledEntrants, type SelectionRow } from './store.js';

/** A selection with its unit, as the family and staff see it. */
export type SelectionView = {
  id: string; projectId: string; unitId: string; status: string; kind: string; lockedAt: Date; registrationId: string | null; batchId: string | null;
  unit: { id: string; buildingName: string; floor: number; number: string; area: string; layout: string; orientation: string; priceFen: number | null };
};

/** The selection with its unit. */
export async function selectionView(tx: Tx | Db, s: SelectionRow): Promise<SelectionView> {
  const [u] = await queryRows<{ id: string; building_name: string; floor: number; number: string; area: string; layout: string; orientation: string; price_fen: string | null }>(tx, sql`
    select u.id, b.name as building_name, u.floor, u.number, u.area::text as area, u.layout, u.orientation, u.price_fen
      from units u join buildings b on b.id = u.building_id where u.id = ${s.unitId}`);
  return {
    id: s.id, projectId: s.projectId, unitId: s.unitId, status: s.status, kind: s.kind, lockedAt: s.lockedAt, registrationId: s.registrationId, batchId: s.batchId,
    unit: { id: u!.id, buildingName: u!.building_name, floor: Number(u!.floor), number: u!.number, area: u!.area, layout: u!.layout, orientation: u!.orientation, priceFen: u!.price_fen === null ? null : Number(u!.price_fen) },
  };
}

type CallRow = {
  batch_id: string; registration_id: string; reg_no: string; rank: number; pool: string | null; outcome: string; at: Date | null; note: string | null;
  masked_name: string | null; unit_id: string | null; unit_number: string | null; building_name: string | null; selection_status: string | null;
};

/** The staff board of a project's selection. */
export async function selectionBoard(ctx: CommandContext, input: { projectId: string }) {
  return ctx.db.transaction(async (tx) => {
    const project = await loadProject(tx, input.projectId);
    assertProjectAccess(ctx.actor, project, 'read');
    const draw = await currentDrawOf(tx, project.id);
    const counts = await queryRows<{ status: string; n: number }>(tx, sql`select status, count(*)::int as n from units where project_id = ${project.id} group by status`);
    const units = Object.fromEntries(['draft', 'available', 'reserved', 'sold', 'converted'].map((s) => [s, Number(counts.find((c) => c.status === s)?.n ?? 0)]));
    const batches = draw ? await queryRows<{ id: string; batch_no: number; from_rank: number; to_rank: number; opens_at: Date; closes_at: Date; status: string; closed_at: Date | null }>(tx, sql`
      select id, batch_no, from_rank, to_rank, opens_at, closes_at, status, closed_at from selection_batches where draw_id = ${draw.id} order by batch_no`) : [];
    const calls = draw ? await queryRows<CallRow>(tx, sql`
      select c.batch_id, c.registration_id, g.reg_no, c.rank, r.pool, c.outcome, c.at, c.note, a.masked_applicant_name as masked_name,
             u.id as unit_id, u.number as unit_number, bu.name as building_name, s.status as selection_status
        from selection_batches b
        join selection_calls c on c.batch_id = b.id
        join registrations g on g.id = c.registration_id
        left join draw_ranks r on r.draw_id = b.draw_id and r.rank = c.rank
        join applications a on a.id = g.application_id
        left join selections s on s.batch_id = c.batch_id and s.registration_id = c.registration_id
        left join units u on u.id = s.unit_id
        left join buildings bu on bu.id = u.building_id
       where b.draw_id = ${draw.id}
       order by c.rank, s.locked_at desc`) : [];
    const [ranked] = draw ? await queryRows<{ n: number; last: number | null }>(tx, sql`
      select count(*)::int as n, (select max(to_rank) from selection_batches where draw_id = ${draw.id}) as last from draw_ranks where draw_id = ${draw.id}`) : [];
    const rolling = await queryRows<{ id: string; masked_name: string | null; unit_number: string; building_name: string; status: string; locked_at: Date }>(tx, sql`
      select s.id, a.masked_applicant_name as masked_name, u.number as unit_number, bu.name as building_name, s.status, s.locked_at
        from selections s join applications a on a.id = s.application_id join units u on u.id = s.unit_id join buildings bu on bu.id = u.building_id
       where s.project_id = ${project.id} and s.kind = 'rolling' order by s.locked_at desc limit 500`);
    const seen = new Set<string>();
    const byBatch = new Map<string, ReturnType<typeof presentCall>[]>();
    for (const c of calls) {
      const key = `${c.batch_id}|${c.registration_id}`;
      if (seen.has(key)) continue; // the newest selection of a call only
      seen.add(key);
      byBatch.set(c.batch_id, [...(byBatch.get(c.batch_id) ?? []), presentCall(c)]);
    }
    const remaining = draw?.status === 'drawn' ? await uncalledEntrants(tx, draw.id, draw.planId) : 0;
    return {
      project: { id: project.id, code: project.code, name: project.name, status: project.status, level: project.level, districtCode: project.districtCode },
      projectStatus: project.status,
      drawId: draw?.id ?? null,
      draw: draw ? { id: draw.id, round: draw.round, attempt: draw.attempt, status: draw.status, entrantCount: draw.entrantCount } : null,
      units, unitsLeft: units.available ?? 0, remaining,
      openBatchId: batches.find((b) => b.status === 'open')?.id ?? null,
      ranks: { total: Number(ranked?.n ?? 0), calledThrough: ranked?.last === null || ranked?.last === undefined ? 0 : Number(ranked.last) },
      batches: batches.map((b) => ({
        id: b.id, batchNo: Number(b.batch_no), fromRank: Number(b.from_rank), toRank: Number(b.to_rank), opensAt: new Date(b.opens_at), closesAt: new Date(b.closes_at),
        status: b.status, closedAt: b.closed_at ? new Date(b.closed_at) : null, calls: byBatch.get(b.id) ?? [],
      })),
      rolling: rolling.map((r) => ({ id: r.id, maskedName: r.masked_name, unit: `${r.building_name} ${r.unit_number}`, status: r.status, lockedAt: new Date(r.locked_at) })),
    };
  });
}

function presentCall(c: CallRow) {
  return {
    registrationId: c.registration_id, regNo: c.reg_no, rank: Number(c.rank), pool: c.pool, maskedName: c.masked_name, outcome: c.outcome,
    at: c.at ? new Date(c.at) : null, note: c.note,
    unit: c.unit_id ? { id: c.unit_id, buildingName: c.building_name!, number: c.unit_number! } : null,
    unitLabel: c.unit_id ? `${c.building_name} ${c.unit_number}` : null, selectionStatus: c.selection_status,
  };
}
export type SelectionBoard = Awaited<ReturnType<typeof selectionBoard>>;

type TurnRow = { batch_id: string; batch_no: number; opens_at: Date; closes_at: Date; registration_id: string; rank: number; outcome: string; project_id: string; code: string; name: string; status: string };

/** A family's turn: the batch, the window, its outcome so far, and the grid to choose from. */
export type MyTurn = {
  projectId: string; project: { id: string; code: string; name: string; status: string }; mode: 'round';
  registrationId: string; rank: number; outcome: string; open: boolean;
  batch: { id: string; batchNo: number; opensAt: Date; closesAt: Date }; closesAt: Date;
  selection: SelectionView | null; grid: GridBuilding[];
  otherTurns: Array<{ projectId: string; projectName: string; batchNo: number; closesAt: Date; outcome: string }>;
};

/**
 * The family's turn in an open batch (of `projectId` when given, else the one closing first
 * that it can still use), or null when it has none.
 */
export async function mySelectionTurn(ctx: CommandContext, input: { projectId?: string } = {}): Promise<MyTurn | null> {
  requireRole(ctx.actor, ['applicant']);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const rows = (await queryRows<TurnRow>(tx, sql`
      select b.id as batch_id, b.batch_no, b.opens_at, b.closes_at, c.registration_id, c.rank, c.outcome, p.id as project_id, p.code, p.name, p.status
        from applications a
        join registrations g on g.application_id = a.id
        join selection_batches b on b.project_id = g.project_id and b.status = 'open'
        join selection_calls c on c.batch_id = b.id and c.registration_id = g.id
        join projects p on p.id = b.project_id
       where a.account_id = ${ctx.actor.accountId}`)).map((r) => ({ ...r, closes_at: new Date(r.closes_at), opens_at: new Date(r.opens_at) }));
    const usable = (r: TurnRow) => r.outcome === 'waiting' && now < r.closes_at;
    const pool = input.projectId ? rows.filter((r) => r.project_id === input.projectId) : rows;
    const t = [...pool].sort((a, b) => Number(usable(b)) - Number(usable(a)) || a.closes_at.getTime() - b.closes_at.getTime())[0];
    if (!t) return null;
    const [app] = await queryRows<{ application_id: string }>(tx, sql`select application_id from registrations where id = ${t.registration_id}`);
    const live = await liveSelectionOf(tx, app!.application_id);
    return {
      projectId: t.project_id, project: { id: t.project_id, code: t.code, name: t.name, status: t.status }, mode: 'round',
      registrationId: t.registration_id, rank: Number(t.rank), outcome: t.outcome, open: usable(t),
      batch: { id: t.batch_id, batchNo: Number(t.batch_no), opensAt: t.opens_at, closesAt: t.closes_at }, closesAt: t.closes_at,
      selection: live ? await selectionView(tx, live) : null,
      grid: await unitGrid(tx, t.project_id),
      otherTurns: rows.filter((r) => r !== t).map((r) => ({ projectId: r.project_id, projectName: r.name, batchNo: Number(r.batch_no), closesAt: r.closes_at, outcome: r.outcome })),
    };
  });
}

/**
 * The unit the family holds now (a live selection: locked or signed), from a round or a rolling
 * sale, or null. A family holds at most one in the city (第十一条, selections_app_live_uq).
 */
export async function myLiveSelection(ctx: CommandContext): Promise<SelectionView | null> {
  requireRole(ctx.actor, ['applicant']);
  return ctx.db.transaction(async (tx) => {
    const apps = await queryRows<{ id: string }>(tx, sql`select id from applications where account_id = ${ctx.actor.accountId}`);
    for (const a of apps) {
      const live = await liveSelectionOf(tx, a.id);
      if (live) return selectionView(tx, live);
    }
    return null;
  });
}
