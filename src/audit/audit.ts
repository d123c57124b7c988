/**
 * Hash-chained audit log (architecture.md "Audit"): each row's hash is
 * sha256(prev_hash + canonical JSON of the row), so changing, removing or re-ordering any
 * row breaks every later link. Appends are serialised by a transaction-scoped advisory
 * lock, taken inside the caller's transaction: append last, so the lock is held briefly.
 */
import { createHash } from 'node:crypto';
import { asc, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { queryRows } from '../db/client.js';
import { auditLog } from '../db/schema.js';
import { canonicalJson } from './canonical.js';

/** Lock id for `pg_advisory_xact_lock`; any constant unique in this database. */
export const AUDIT_LOCK = 7301002;
/** prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** Who did it. Jobs use role "system" and no account. */
export type AuditActor = { accountId?: string | null; role: string };

/** One entry to append. */
export interface AuditEntry {
  actor: AuditActor;
  action: string;
  targetType: string;
  targetId: string;
  detail?: Record<string, unknown>;
  /** From the injected clock; defaults to now. */
  at?: Date;
}

type HashedFields = {
  seq: number; at: Date; actorAccountId: string | null; actorRole: string; action: string;
  targetType: string; targetId: string; detail: unknown;
};

/** sha256(prev_hash + canonical JSON of the row fields). */
export function rowHash(prevHash: string, r: HashedFields): string {
  const body = canonicalJson({
    seq: r.seq, at: r.at.toISOString(), actorAccountId: r.actorAccountId, actorRole: r.actorRole,
    action: r.action, targetType: r.targetType, targetId: r.targetId, detail: r.detail,
  });
  return createHash('sha256').update(prevHash + body, 'utf8').digest('hex');
}

// Stands for the seq in the canonical body until the database assigns it (see appendAudit).
const SEQ_SENTINEL = Number.MAX_SAFE_INTEGER;

/**
 * Append one row in the caller's transaction; returns its seq and hash.
 *
 * The lock is held from here to the caller's commit, and every append in the database waits
 * for it, so the work under the lock is two statements: take the lock, then one INSERT that
 * reads the previous hash, draws the seq and computes the row's hash in SQL (sha256 of
 * prev_hash + canonical body, exactly `rowHash`). The body is built here with a sentinel in
 * place of the seq and split around it; the lock must be its own statement so that the
 * INSERT's snapshot sees the row appended by the previous holder.
 */
export async function appendAudit(tx: Tx | Db, e: AuditEntry): Promise<{ seq: number; hash: string }> {
  // jsonb keeps only JSON; hash what will be read back.
  const detail = JSON.parse(JSON.stringify(e.detail ?? {}));
  // timestamptz keeps microseconds and a Date milliseconds: both agree at millisecond precision.
  const at = new Date(Math.floor((e.at ?? new Date()).getTime()));
  const actorAccountId = e.actor.accountId || null;
  const body = canonicalJson({
    seq: SEQ_SENTINEL, at: at.toISOString(), actorAccountId, actorRole: e.actor.role,
    action: e.action, targetType: e.targetType, targetId: e.targetId, detail,
  });
  // Keys are sorted and "detail" precedes "seq": the last occurrence is the top-level one.
  const mark = `"seq":${SEQ_SENTINEL},"targetId":`;
  const cut = body.lastIndexOf(mark);
  const before = body.slice(0, cut + 6);
  const after = body.slice(cut + 6 + String(SEQ_SENTINEL).length);
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [row] = await queryRows<{ seq: string; hash: string }>(tx, sql`
    insert into audit_log (seq, at, actor_account_id, actor_role, action, target_type, target_id, detail, prev_hash, hash)
    select n.seq, ${at}, ${actorAccountId}, ${e.actor.role}, ${e.action}, ${e.targetType}, ${e.targetId}, ${JSON.stringify(detail)}::jsonb,
           p.hash, encode(sha256(convert_to(p.hash || ${before} || n.seq::text || ${after}, 'UTF8')), 'hex')
    from (select nextval(pg_get_serial_sequence('audit_log', 'seq')) as seq) n,
         (select coalesce((select hash from audit_log order by seq desc limit 1), ${GENESIS_HASH}) as hash) p
    returning seq::text as seq, hash`);
  return { seq: Number(row.seq), hash: row.hash };
}

/**
 * Append several rows in the caller's transaction, chained in the order given, under one
 * acquisition of the lock (batch jobs): lock, read the previous hash and draw the seqs, insert.
 */
export async function appendAuditMany(tx: Tx | Db, entries: AuditEntry[]): Promise<Array<{ seq: number; hash: string }>> {
  if (entries.length <= 1) return entries.length ? [await appendAudit(tx, entries[0]!)] : [];
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [head] = await queryRows<{ hash: string | null; seqs: string[] }>(tx, sql`
    select (select hash from audit_log order by seq desc limit 1) as hash,
           array(select nextval(pg_get_serial_sequence('audit_log', 'seq'))::text from generate_series(1, ${entries.length}::int)) as seqs`);
  const seqs = head!.seqs.map(Number).sort((a, b) => a - b);
  let prevHash = head!.hash ?? GENESIS_HASH;
  const rows = entries.map((e, i) => {
    const row: HashedFields = {
      seq: seqs[i]!, at: new Date(Math.floor((e.at ?? new Date()).getTime())), actorAccountId: e.actor.accountId || null,
      actorRole: e.actor.role, action: e.action, targetType: e.targetType, targetId: e.targetId, detail: JSON.parse(JSON.stringify(e.detail ?? {})),
    };
    const hash = rowHash(prevHash, row);
    const out = { ...row, prevHash, hash };
    prevHash = hash;
    return out;
  });
  await tx.insert(auditLog).values(rows);
  return rows.map((r) => ({ seq: r.seq, hash: r.hash }));
}

/** Result of a chain check. */
export type AuditVerification =
  | { ok: true; checked: number; lastSeq: number | null; lastHash: string }
  | { ok: false; checked: number; firstBrokenSeq: number; reason: 'prev_hash' | 'hash' };

/** Walk the whole log in seq order, in batches (bounded memory), and report the first broken row. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<AuditVerification> {
  let prev = GENESIS_HASH;
  let after = 0;
  let checked = 0;
  let lastSeq: number | null = null;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(batchSize);
    for (const r of rows) {
      const seq = Number(r.seq);
      if (r.prevHash !== prev) return { ok: false, checked, firstBrokenSeq: seq, reason: 'prev_hash' };
      if (rowHash(r.prevHash, { ...r, seq }) !== r.hash) return { ok: false, checked, firstBrokenSeq: seq, reason: 'hash' };
      prev = r.hash;
      lastSeq = seq;
      checked++;
    }
    if (rows.length < batchSize) return { ok: true, checked, lastSeq, lastHash: prev };
    after = Number(rows[rows.length - 1].seq);
  }
}
