/**
 * drawLottery: on draw day staff enter the external beacon (e.g. digits drawn on site under a
 * notary), the platform reveals its secret and ranks every entrant by QLOT-1 (sections 3 to 5;
 * 济政发〔2025〕3号 第四条 公开摇号, 第七条 公开摇号顺序, 第十一条 摇号排序).
 *
 * The ranking is computed before the transaction (a million entrants take about a second and no
 * lock is needed for it: the frozen list, pools and secret never change). The transaction then
 * locks the draw row, refuses unless it is still frozen, and writes every rank, the beacon, seed,
 * secret and the bundle's bytes together: the ranks exist exactly when the draw is `drawn`.
 * Drawing a drawn draw again is refused (409), never re-run: a second beacon would be a second
 * lottery. A draw that must be redone is voided with a public reason (void.ts).
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { appendAudit } from '../../audit/index.js';
import { draws } from '../../db/schema.js';
import { LotteryInputError, commitment as commitmentOf, runDraw } from '../../lottery/index.js';
import { checkBeacon } from '../../lottery/seed.js';
import type { CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import { type DrawMeta, loadDraw, loadDrawWithFiles, qlotPools } from './load.js';
import { RANK_NOTICE_MAX, enqueueRankNotices } from './notices.js';
import { RANK_CHUNK, storeRanks } from './ranks-store.js';
import { openSecret } from './secret.js';

/** What the draw returns: the draw, its seed and the number of ranks written. */
export interface DrawOutcome {
  id: string;
  status: 'drawn';
  beacon: string;
  seed: string;
  ranks: number;
  /** Families sent their rank (0 when the list is above RANK_NOTICE_MAX). */
  notified: number;
}

/** Options for tests and the benchmark. */
export interface DrawOptions {
  /** Rows per rank INSERT (default RANK_CHUNK). */
  chunkSize?: number;
  /** Receives the time spent in each phase, in milliseconds. */
  timings?: (t: { rankMs: number; storeMs: number; noticeMs: number; totalMs: number }) => void;
}

/** 400 naming `beacon`: 1 to 256 UTF-8 bytes without LF (QLOT-1 section 3). */
function parseBeacon(value: unknown): string {
  try {
    return checkBeacon(value);
  } catch (e) {
    if (e instanceof LotteryInputError) throw new DomainError('VALIDATION', 400, e.problem.message_zh, e.problem.message_en, 'beacon');
    throw e;
  }
}

const notFrozen = (d: DrawMeta) => d.status === 'drawn'
  ? new DomainError('ALREADY_DRAWN', 409, '该摇号已完成，不能重复摇号；如需重新摇号，须先公开说明原因将其作废。', 'This draw has been drawn; it is never re-run. To redraw, void it first with a public reason.', undefined, { status: d.status })
  : new DomainError('DRAW_VOID', 409, '该摇号已作废，请冻结新的名单后再摇号。', 'This draw was voided; freeze a new list to draw again.', undefined, { status: d.status });

/** Draws a frozen draw with the beacon. */
export async function drawLottery(ctx: CommandContext, input: { drawId: string; beacon: string }, opts: DrawOptions = {}): Promise<DrawOutcome> {
  const beacon = parseBeacon(input.beacon);
  const t0 = performance.now();
  const before = await loadDrawWithFiles(ctx.db, input.drawId);
  const project = await loadProject(ctx.db as unknown as Tx, before.projectId);
  assertProjectAccess(ctx.actor, project, 'staff');
  if (before.status !== 'frozen') throw notFrozen(before);

  const secret = openSecret(ctx.crypto, before.id, before.secretEnc);
  if (commitmentOf(secret) !== before.commitment) throw new Error(`draw ${before.id}: the stored secret does not match the published commitment`);
  const outcome = runDraw({ project_code: project.code, round: before.round, pools: qlotPools(before), entrants: before.entrantsTsv, server_secret: secret, beacon });
  const { list, ranking } = outcome;
  const ids = new Array<string>(list.count);
  const pools = new Array<string>(list.count);
  const labels = list.pools.map((p) => p.label);
  for (let r = 0; r < list.count; r++) {
    const i = ranking.entrant[r];
    ids[r] = list.bytes.toString('latin1', list.idStart[i], list.idStart[i] + list.idLen[i]);
    pools[r] = labels[ranking.pool[r]];
  }
  const bundle = outcome.json();
  const t1 = performance.now();

  const now = ctx.clock.now();
  let storeMs = 0, noticeMs = 0;
  const result = await ctx.db.transaction(async (tx) => {
    const d = await loadDraw(tx, before.id, true);
    assertProjectAccess(ctx.actor, await loadProject(tx, d.projectId), 'staff');
    if (d.status !== 'frozen') throw notFrozen(d);
    const ts = performance.now();
    await storeRanks(tx, d.id, ids, pools, opts.chunkSize ?? RANK_CHUNK);
    storeMs = performance.now() - ts;
    await tx.update(draws).set({
      status: 'drawn', beacon, seed: outcome.header.seed, serverSecret: secret, bundleJson: bundle, drawnAt: now, drawnBy: ctx.actor.accountId,
    }).where(eq(draws.id, d.id));
    const tn = performance.now();
    const notified = await enqueueRankNotices(tx, { drawId: d.id, projectName: project.name, round: d.round, attempt: d.attempt, entrantCount: d.entrantCount }, now);
    noticeMs = performance.now() - tn;
    await appendAudit(tx, {
      actor: ctx.actor, action: 'draw.draw', targetType: 'draw', targetId: d.id, at: now,
      detail: { projectCode: project.code, round: d.round, attempt: d.attempt, beacon, seed: outcome.header.seed, entrantCount: d.entrantCount, listDigest: d.listDigest, commitment: d.commitment, notified, noticesSkipped: d.entrantCount > RANK_NOTICE_MAX },
    });
    return { id: d.id, status: 'drawn' as const, beacon, seed: outcome.header.seed, ranks: list.count, notified };
  });
  opts.timings?.({ rankMs: t1 - t0, storeMs, noticeMs, totalMs: performance.now() - t0 });
  return result;
}
