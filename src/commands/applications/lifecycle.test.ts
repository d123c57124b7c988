import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { activePersons, applicationRevisions, applications, auditLog, dataChecks, notices, notifications } from '../../db/schema.js';
import { verifyAuditChain } from '../../audit/index.js';
import {
  approveApplication, confirmApplication, getApplication, listPublicResults, listReviewQueue, requestChange, returnApplication,
  saveDraft, submitApplication, withdrawApplication,
} from './index.js';
import { agreeingRecords, familyForm, idFor, makeWorld, memberOf } from './fixtures.js';

const ids = { applicant: idFor('1990-03-15', '011'), spouse: idFor('1991-07-02', '022'), child: idFor('2018-09-01', '031') };

describe.each(TEST_DB_KINDS)('第八条/第九条 application lifecycle on %s', (kind) => {
  let h: DbHandle;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await makeWorld(h, '2026-01-05');
  });
  afterAll(() => h.close());

  it('draft → submit → return → resubmit → approve → change → approve → confirm → withdraw', async () => {
    const form = familyForm(ids);
    for (const [id, p] of Object.entries(agreeingRecords(form))) w.provider.put(id, p);

    // 1. A draft may be incomplete; only the district is needed.
    const d = await saveDraft(w.ctx('family1'), { form: { districtCode: '370102', phone: '139' } });
    expect(d).toMatchObject({ status: 'draft', revision: 1 });
    expect(d.regCode).toMatch(/^JN2026\d{6}$/);
    await saveDraft(w.ctx('family1'), { applicationId: d.id, form });

    // 2. Submit: checks, rule, persons held.
    const s = await submitApplication(w.ctx('family1'), { applicationId: d.id });
    expect(s.status).toBe('submitted');
    expect(s.verdict.value).toMatchObject({ eligible: true, category: 'wage_family' });
    expect(s.verdict.overrides).toEqual([]);
    expect(JSON.stringify(s.verdict)).not.toContain(ids.applicant);
    expect(await h.db.select().from(activePersons)).toHaveLength(3);
    expect((await h.db.select().from(dataChecks)).map((c) => c.department).sort()).toEqual(['civil_affairs', 'property', 'provident_fund', 'social_insurance']);
    // A retried submit changes nothing.
    expect((await submitApplication(w.ctx('family1'), { applicationId: d.id })).revision).toBe(1);
    expect(await h.db.select().from(dataChecks)).toHaveLength(4);

    // 3. The 历下区 queue shows it with checks and verdict; staff return it.
    const q = await listReviewQueue(w.ctx('lixia'));
    expect(q.items.map((i) => i.regCode)).toEqual([d.regCode]);
    expect(q.items[0].checks).toHaveLength(4);
    expect(q.items[0].members.map((m) => m.relation)).toEqual(['applicant', 'spouse', 'child']);
    await returnApplication(w.ctx('lixia'), { applicationId: d.id, reason: '请补充工作单位全称' });
    expect((await getApplication(w.ctx('family1'), { applicationId: d.id })).application.status).toBe('returned');

    // 4. Corrected and resubmitted.
    await saveDraft(w.ctx('family1'), { applicationId: d.id, form: { ...form, employment: { ...form.employment, employer: '济南市某某科技有限公司' } } });
    await submitApplication(w.ctx('family1'), { applicationId: d.id });

    // 5. Approved: numbered notice, deadline two years on, public listing masked.
    const a = await approveApplication(w.ctx('lixia'), { applicationId: d.id, note: '材料齐全' });
    expect(a.noticeNo).toMatch(/^济住保轮〔2026〕\d{6}号$/);
    expect(a).toMatchObject({ admittedOn: '2026-01-05', confirmDeadline: '2028-01-05' });
    expect(await h.db.select().from(notices).where(eq(notices.noticeNo, a.noticeNo!))).toHaveLength(1);
    const pub = await listPublicResults({ db: h.db });
    expect(pub.items).toHaveLength(1);
    expect(pub.items[0]).toMatchObject({ regCode: d.regCode, district: '历下区', category: 'wage_family', admittedOn: '2026-01-05' });
    expect(pub.items[0].maskedId!.replace(/\*/g, '').length).toBeLessThanOrEqual(4);
    expect(pub.items[0].maskedName).not.toBe('张明华');
    expect((await approveApplication(w.ctx('lixia'), { applicationId: d.id })).noticeNo).toBe(a.noticeNo);

    // 6. 第九条 change: a second child; the family keeps its place while it is reviewed.
    w.clock.set('2026-06-01');
    const child2 = idFor('2025-12-20', '042');
    const changed = { ...form, members: [...form.members, memberOf('child', '张小雪', child2)] };
    w.provider.put(child2, { socialInsuranceMonths: 0 });
    const c = await requestChange(w.ctx('family1'), { applicationId: d.id, form: changed, reason: '生育二孩' });
    expect(c.revision).toBe(2);
    expect(c.verdict.value.priority).toContain('two_or_more_children');
    expect((await listPublicResults({ db: h.db })).items).toHaveLength(1);
    await expect(requestChange(w.ctx('family1'), { applicationId: d.id, form: changed, reason: '再次' })).rejects.toMatchObject({ code: 'CHANGE_PENDING', http: 409 });

    // 7. Approved change becomes current.
    const ca = await approveApplication(w.ctx('lixia'), { applicationId: d.id });
    expect(ca).toMatchObject({ kind: 'change', admittedOn: '2026-01-05', noticeNo: a.noticeNo });
    const [app] = await h.db.select().from(applications).where(eq(applications.id, d.id));
    expect(app).toMatchObject({ currentRevision: 2, status: 'admitted' });
    expect(app.priority).toContain('two_or_more_children');
    expect(await h.db.select().from(activePersons)).toHaveLength(4);
    const revs = await h.db.select().from(applicationRevisions).where(eq(applicationRevisions.applicationId, d.id));
    expect(revs.map((r) => `${r.seq}:${r.status}`).sort()).toEqual(['1:superseded', '2:approved']);

    // 8. 第八条 confirmation inside the reminder window starts a new period.
    w.clock.set('2027-12-01');
    expect((await getApplication(w.ctx('family1'), { applicationId: d.id })).application.waitlist).toMatchObject({ status: 'must_confirm', deadline: '2028-01-05' });
    const cf = await confirmApplication(w.ctx('family1'), { applicationId: d.id });
    expect(cf).toEqual({ id: d.id, lastConfirmedOn: '2027-12-01', confirmDeadline: '2029-12-01' });

    // 9. Withdraw: history kept, persons free.
    const wd = await withdrawApplication(w.ctx('family1'), { applicationId: d.id, reason: '已购买商品住房' });
    expect(wd.status).toBe('withdrawn');
    expect(await h.db.select().from(activePersons)).toHaveLength(0);
    const full = await getApplication(w.ctx('city'), { applicationId: d.id });
    expect(full.events.map((e) => e.kind)).toEqual([
      'draft_created', 'submitted', 'returned', 'submitted', 'admitted', 'change_requested', 'change_approved', 'confirmed', 'withdrawn',
    ]);
    expect(full.latest.checks?.length).toBe(4);
    expect((full.latest.form as { members: unknown[] }).members).toHaveLength(4);

    // Every step notified the family (in-app + SMS) and the audit chain is intact, including the staff read.
    const inApp = (await h.db.select().from(notifications)).filter((n) => n.channel === 'in_app').map((n) => n.template);
    expect(inApp).toEqual(expect.arrayContaining(['application_submitted', 'application_returned', 'application_admitted', 'change_submitted', 'change_approved', 'confirmed', 'withdrawn']));
    const actions = (await h.db.select().from(auditLog)).map((r) => r.action);
    expect(actions).toContain('application.read_full');
    expect(actions).toContain('application.approve');
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
  });
});
