/**
 * /api/staff/…: the review queue, full records (every read audited by the command),
 * decisions, and the results export. District staff are limited to their district (403
 * otherwise); the auditor reads and never decides.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  approveApplication, cancelQualification, getApplication, listApplications, listReviewQueue, lookupPerson,
  rejectApplication, returnApplication,
} from '../../../commands/applications/index.js';
import type { AppDeps } from '../../deps.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard, listDistrict } from '../../pipeline.js';
import { presentDetail, presentSummary, type DetailIn } from '../my-applications/presenter.js';
import { sendNoticePdf } from '../my-applications/notice.js';
import { ApplicationDetail, IdParams, NoticeQuery } from '../my-applications/schema.js';
import { presentDecision, presentQueueItem } from './presenter.js';
import {
  ApproveBody, CancelBody, Decision, ListQuery, LookupBody, LookupResult, Queue, QueueQuery, ReasonBody, RejectBody, StaffList,
} from './schema.js';
import { exportResults } from './export.js';

const tags = ['staff'];
const security = [{ session: [] }];

/** Registers the staff routes. */
export function staffApplicationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/staff/review-queue', {
    preValidation: guard('staff.queue.read'),
    schema: { tags, security, summary: '待审核 Review queue with data checks, verdict and trace', querystring: QueueQuery, response: { 200: Queue } },
  }, async (req) => {
    const district = listDistrict(req, 'staff.queue.read', req.query.district);
    const out = await listReviewQueue(commandContext(deps, req), { district, limit: req.query.limit, after: req.query.after });
    return { items: out.items.map(presentQueueItem), next: out.next };
  });

  r.get('/api/staff/applications', {
    preValidation: guard('staff.queue.read'),
    schema: { tags, security, summary: '轮候库 Applications by district and status (masked)', querystring: ListQuery, response: { 200: StaffList } },
  }, async (req) => {
    const district = listDistrict(req, 'staff.queue.read', req.query.district);
    const out = await listApplications(commandContext(deps, req), { ...req.query, district });
    return { ...out, items: out.items.map(presentSummary) };
  });

  r.get('/api/staff/applications/:id', {
    preValidation: guard('staff.application.read'),
    schema: { tags, security, summary: '完整申请记录 Full record (the read is audited)', params: IdParams, response: { 200: ApplicationDetail } },
  }, async (req) => {
    const d = await getApplication(commandContext(deps, req), { applicationId: req.params.id });
    return presentDetail(d as DetailIn, { pdfBase: `/api/staff/applications/${req.params.id}/notice.pdf`, staff: true });
  });

  r.get('/api/staff/applications/:id/notice.pdf', {
    preValidation: guard('staff.application.read'),
    schema: { tags, security, summary: '通知书 PDF (audited)', params: IdParams, querystring: NoticeQuery },
  }, async (req, reply) => sendNoticePdf(commandContext(deps, req), reply, req.params.id, req.query.noticeNo));

  const decision = <B>(
    action: 'approve' | 'return' | 'reject' | 'cancel',
    summary: string,
    body: B,
    run: (ctx: ReturnType<typeof commandContext>, id: string, b: never) => Promise<{ id: string; status: string }>,
  ) => r.post(`/api/staff/applications/:id/${action}`, {
    preValidation: guard(`staff.application.${action}`),
    schema: { tags, security, summary: `${summary}; Idempotency-Key honoured`, params: IdParams, body: body as never, response: { 200: Decision } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200,
    body: presentDecision(await run(commandContext(deps, req), (req.params as { id: string }).id, req.body as never)),
  })));

  decision('approve', '准予入库 Approve (issues the numbered 准予入库通知书)', ApproveBody,
    (ctx, id, b: { note?: string }) => approveApplication(ctx, { applicationId: id, note: b.note }));
  decision('return', '退回补正 Return for correction', ReasonBody,
    (ctx, id, b: { reason: string }) => returnApplication(ctx, { applicationId: id, reason: b.reason }));
  decision('reject', '不予入库 Reject', RejectBody,
    (ctx, id, b: { reason: string; scope?: 'change' | 'family' }) => rejectApplication(ctx, { applicationId: id, reason: b.reason, scope: b.scope }));
  decision('cancel', '取消资格 Cancel a qualification obtained by deception (第三十一条(一))', CancelBody,
    (ctx, id, b: { reason: string; evidence: unknown }) => cancelQualification(ctx, { applicationId: id, reason: b.reason, evidence: b.evidence }));

  r.post('/api/staff/persons/lookup', {
    preValidation: guard('staff.person.lookup'),
    schema: {
      tags, security, summary: '人员查询 Where a person is held in an active application (audited; POST keeps the ID out of URLs)',
      body: LookupBody, response: { 200: LookupResult },
    },
  }, async (req) => {
    const row = await lookupPerson(commandContext(deps, req), { idNumber: req.body.idNumber });
    return {
      found: !!row,
      application: row ? {
        id: row.applicationId, regCode: row.regCode, status: row.status, districtCode: row.districtCode,
        districtName: row.districtName ?? null, since: row.since.toISOString(),
      } : null,
    };
  });

  exportResults(app, deps);
}
