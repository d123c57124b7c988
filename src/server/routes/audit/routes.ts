/** /api/staff/audit: the hash-chained audit log, for the auditor and city staff (read-only). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { verifyAuditChain } from '../../../audit/index.js';
import { auditLog } from '../../../db/schema.js';
import type { AppDeps } from '../../deps.js';
import { guard } from '../../pipeline.js';

const Query = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  before: z.coerce.number().int().min(1).optional().describe('seq: rows older than this'),
  targetId: z.string().max(100).optional(),
});
const Row = z.object({
  seq: z.number(), at: z.string(), actorAccountId: z.string().nullable(), actorRole: z.string(), action: z.string(),
  targetType: z.string(), targetId: z.string(), detail: z.unknown(), prevHash: z.string(), hash: z.string(),
});
const Verify = z.object({
  ok: z.boolean(), checked: z.number(), lastSeq: z.number().nullable().optional(), lastHash: z.string().optional(),
  firstBrokenSeq: z.number().optional(), reason: z.string().optional(), message_zh: z.string(),
});

/** Registers the audit routes. */
export function auditRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/staff/audit', {
    preValidation: guard('staff.audit.read'),
    schema: { tags: ['audit'], security: [{ session: [] }], summary: '审计日志 Audit log, newest first', querystring: Query, response: { 200: z.object({ items: z.array(Row) }) } },
  }, async (req) => {
    const conds: SQL[] = [];
    if (req.query.before) conds.push(lt(auditLog.seq, req.query.before));
    if (req.query.targetId) conds.push(eq(auditLog.targetId, req.query.targetId));
    const rows = await deps.db.db.select().from(auditLog).where(conds.length ? and(...conds) : undefined)
      .orderBy(desc(auditLog.seq)).limit(req.query.limit ?? 100);
    return { items: rows.map((x) => ({ ...x, seq: Number(x.seq), at: x.at.toISOString() })) };
  });

  r.get('/api/staff/audit/verify', {
    preValidation: guard('staff.audit.verify'),
    schema: { tags: ['audit'], security: [{ session: [] }], summary: '校验审计链 Verify the hash chain', response: { 200: Verify } },
  }, async () => {
    const v = await verifyAuditChain(deps.db.db);
    return v.ok
      ? { ...v, message_zh: `审计链完整，共校验 ${v.checked} 条。` }
      : { ...v, message_zh: `审计链在第 ${v.firstBrokenSeq} 条处断裂（${v.reason === 'hash' ? '内容被改动' : '前序哈希不符'}）。` };
  });
}
