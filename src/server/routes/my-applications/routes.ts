/**
 * /api/my/…: the family's own applications and inbox. Every route needs an applicant
 * session; the commands check ownership again and answer 404 for anyone else's application.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  confirmApplication, getApplication, listMyApplications, requestChange, saveDraft, submitApplication, withdrawApplication,
} from '../../../commands/applications/index.js';
import type { AppDeps } from '../../deps.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { sendNoticePdf } from './notice.js';
import { presentDetail, presentSummary, presentVerdict, type DetailIn } from './presenter.js';
import {
  ApplicationDetail, ApplicationList, ChangeBody, Confirmed, ChangeFiled, DraftBody, DraftSaved, IdParams, NoticeQuery,
  ReasonBody, Submitted, Withdrawn,
} from './schema.js';

const tags = ['my'];
const security = [{ session: [] }];

/** Registers the applicant routes. */
export function myApplicationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/my/applications', {
    preValidation: guard('my.applications.read'),
    schema: { tags, security, summary: '我的申请 My applications', response: { 200: ApplicationList } },
  }, async (req) => ({ items: (await listMyApplications(commandContext(deps, req))).map(presentSummary) }));

  r.post('/api/my/applications', {
    preValidation: guard('my.applications.create'),
    schema: { tags, security, summary: '新建草稿 Start an application (draft); Idempotency-Key honoured', body: DraftBody, response: { 201: DraftSaved } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 201, body: await saveDraft(commandContext(deps, req), { form: req.body.form }),
  })));

  r.get('/api/my/applications/:id', {
    preValidation: guard('my.applications.read'),
    schema: { tags, security, summary: '申请详情 One own application with form, verdict and history', params: IdParams, response: { 200: ApplicationDetail } },
  }, async (req) => {
    const d = await getApplication(commandContext(deps, req), { applicationId: req.params.id });
    return presentDetail(d as DetailIn, { pdfBase: `/api/my/applications/${req.params.id}/notice.pdf`, staff: false });
  });

  r.put('/api/my/applications/:id', {
    preValidation: guard('my.applications.update'),
    schema: { tags, security, summary: '保存草稿 Save the draft (draft or returned only)', params: IdParams, body: DraftBody, response: { 200: DraftSaved } },
  }, async (req) => saveDraft(commandContext(deps, req), { applicationId: req.params.id, form: req.body.form }));

  r.post('/api/my/applications/:id/submit', {
    preValidation: guard('my.applications.submit'),
    schema: { tags, security, summary: '提交申请 Submit: data checks and rule verdict; Idempotency-Key honoured', params: IdParams, response: { 200: Submitted } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => {
    const out = await submitApplication(commandContext(deps, req), { applicationId: req.params.id });
    return { status: 200, body: { ...out, verdict: presentVerdict(out.verdict) } };
  }));

  r.post('/api/my/applications/:id/change', {
    preValidation: guard('my.applications.change'),
    schema: { tags, security, summary: '申请变更 Ask to change data while waiting (第九条)', params: IdParams, body: ChangeBody, response: { 200: ChangeFiled } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => {
    const out = await requestChange(commandContext(deps, req), { applicationId: req.params.id, form: req.body.form, reason: req.body.reason });
    return { status: 200, body: { ...out, verdict: presentVerdict(out.verdict) } };
  }));

  r.post('/api/my/applications/:id/withdraw', {
    preValidation: guard('my.applications.withdraw'),
    schema: { tags, security, summary: '撤回申请 Withdraw (第九条)', params: IdParams, body: ReasonBody, response: { 200: Withdrawn } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: await withdrawApplication(commandContext(deps, req), { applicationId: req.params.id, reason: req.body.reason }),
  })));

  r.post('/api/my/applications/:id/confirm', {
    preValidation: guard('my.applications.confirm'),
    schema: { tags, security, summary: '确认轮候信息 Re-confirm for another two years (第八条)', params: IdParams, response: { 200: Confirmed } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 200, body: await confirmApplication(commandContext(deps, req), { applicationId: req.params.id }),
  })));

  r.get('/api/my/applications/:id/notice.pdf', {
    preValidation: guard('my.notice.read'),
    schema: { tags, security, summary: '准予入库通知书 PDF (or a removal notice by noticeNo)', params: IdParams, querystring: NoticeQuery },
  }, async (req, reply) => sendNoticePdf(commandContext(deps, req), reply, req.params.id, req.query.noticeNo));
}
