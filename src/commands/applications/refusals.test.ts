import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { activePersons, applicationMembers, applicationRevisions, applications, auditLog, dataChecks, notifications } from '../../db/schema.js';
import {
  approveApplication, cancelQualification, getApplication, listApplications, listReviewQueue, lookupPerson, rejectApplication,
  returnApplication, saveDraft, submitApplication,
} from './index.js';
import { agreeingRecords, familyForm, idFor, makeWorld } from './fixtures.js';

const counts = async (h: DbHandle) => ({
  persons: (await h.db.select().from(activePersons)).length,
  checks: (await h.db.select().from(dataChecks)).length,
  notes: (await h.db.select().from(notifications)).length,
  audit: (await h.db.select().from(auditLog)).length,
  members: (await h.db.select().from(applicationMembers)).length,
});

describe.each(TEST_DB_KINDS)('refusals on %s', (kind) => {
  let h: DbHandle;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  const shared = idFor('1985-11-30', '051');
  let first: { id: string; regCode: string };
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await makeWorld(h, '2026-02-10');
    const f1 = familyForm({ applicant: idFor('1986-01-01', '011'), spouse: shared });
    for (const [id, p] of Object.entries(agreeingRecords(f1))) w.provider.put(id, p);
    first = await saveDraft(w.ctx('family1'), { form: f1 });
    await submitApplication(w.ctx('family1'), { applicationId: first.id });
  });
  afterAll(() => h.close());

  it('a person already in an active application is refused in a second family; nothing is written; staff can see where', async () => {
    const f2 = familyForm({ applicant: idFor('1984-04-04', '061'), spouse: shared });
    const d2 = await saveDraft(w.ctx('family2'), { form: f2 });
    const before = await counts(h);
    const err = await submitApplication(w.ctx('family2'), { applicationId: d2.id }).catch((e) => e);
    expect(err).toMatchObject({ code: 'PERSON_IN_ACTIVE_APPLICATION', http: 409, field: 'form.members.1.idNumber' });
    expect(err.internal).toMatchObject({ otherRegCode: first.regCode });
    expect(`${err.message_zh}${err.message_en}${JSON.stringify(err.details)}`).not.toContain(first.regCode);
    expect(await counts(h)).toEqual(before);
    const [app2] = await h.db.select().from(applications).where(eq(applications.id, d2.id));
    expect(app2.status).toBe('draft');
    const [rev2] = await h.db.select().from(applicationRevisions).where(eq(applicationRevisions.applicationId, d2.id));
    expect(rev2).toMatchObject({ status: 'draft', verdict: null });

    const found = await lookupPerson(w.ctx('lixia'), { idNumber: shared });
    expect(found).toMatchObject({ regCode: first.regCode, districtName: '历下区', status: 'submitted' });
    await expect(lookupPerson(w.ctx('family2'), { idNumber: shared })).rejects.toMatchObject({ http: 403 });
  });

  it('a wrong ID checksum is a 400 naming the member field, and changes nothing', async () => {
    const bad = idFor('1992-02-02', '071').slice(0, 17) + (idFor('1992-02-02', '071').endsWith('1') ? '2' : '1');
    const d = await saveDraft(w.ctx('family2'), { form: familyForm({ applicant: bad }) });
    const before = await counts(h);
    await expect(submitApplication(w.ctx('family2'), { applicationId: d.id })).rejects.toMatchObject({
      code: 'VALIDATION', http: 400, field: 'form.members.0.idNumber', message_zh: expect.stringContaining('校验码'),
    });
    await expect(saveDraft(w.ctx('family2'), { form: { districtCode: '999999' } })).rejects.toMatchObject({ http: 400, field: 'form.districtCode' });
    await expect(submitApplication(w.ctx('family2'), { applicationId: 'not-a-uuid' })).rejects.toMatchObject({ http: 404 });
    expect(await counts(h)).toEqual(before);
  });

  it('district staff act only in their district; applicants only on their own; the auditor only reads', async () => {
    await expect(approveApplication(w.ctx('licheng'), { applicationId: first.id })).rejects.toMatchObject({ code: 'FORBIDDEN', http: 403 });
    await expect(returnApplication(w.ctx('licheng'), { applicationId: first.id, reason: '不属本区' })).rejects.toMatchObject({ http: 403 });
    await expect(getApplication(w.ctx('licheng'), { applicationId: first.id })).rejects.toMatchObject({ http: 403 });
    expect((await listReviewQueue(w.ctx('licheng'))).items).toHaveLength(0);
    await expect(listReviewQueue(w.ctx('licheng'), { district: '370102' })).rejects.toMatchObject({ http: 403 });
    expect((await listReviewQueue(w.ctx('city'), { district: '370102' })).items.map((i) => i.regCode)).toContain(first.regCode);
    expect((await listApplications(w.ctx('licheng'))).items).toHaveLength(0);

    await expect(getApplication(w.ctx('family2'), { applicationId: first.id })).rejects.toMatchObject({ code: 'NOT_FOUND', http: 404 });
    await expect(approveApplication(w.ctx('family1'), { applicationId: first.id })).rejects.toMatchObject({ http: 403 });

    await expect(approveApplication(w.ctx('auditor'), { applicationId: first.id })).rejects.toMatchObject({ http: 403 });
    const audited = (await h.db.select().from(auditLog)).length;
    expect((await getApplication(w.ctx('auditor'), { applicationId: first.id })).application.regCode).toBe(first.regCode);
    expect((await h.db.select().from(auditLog)).length).toBe(audited + 1);
  });

  it('第五条: a family the property records show with two homes cannot be approved; rejected, its persons are free', async () => {
    const f = familyForm({ applicant: idFor('1979-09-09', '081') }, { districtCode: '370112' });
    w.provider.put(f.members[0].idNumber, { socialInsuranceMonths: 40, homes: [
      { kind: 'commercial', area: 90, registeredOn: '2015-01-01' }, { kind: 'commercial', area: 70, registeredOn: '2020-01-01' },
    ] });
    const d = await saveDraft(w.ctx('family2'), { form: f });
    const s = await submitApplication(w.ctx('family2'), { applicationId: d.id });
    expect(s.verdict.value.eligible).toBe(false);
    expect(s.verdict.overrides).toEqual(expect.arrayContaining([{ field: 'housing.ownedUnits', declared: 0, checked: 2, department: 'property' }]));
    await expect(approveApplication(w.ctx('licheng'), { applicationId: d.id })).rejects.toMatchObject({ code: 'NOT_ELIGIBLE', http: 422 });
    await expect(rejectApplication(w.ctx('licheng'), { applicationId: d.id, reason: '' })).rejects.toMatchObject({ http: 400, field: 'reason' });
    expect(await rejectApplication(w.ctx('licheng'), { applicationId: d.id, reason: '名下住房两套，不属于住房困难家庭' })).toMatchObject({ status: 'rejected' });
    expect(await lookupPerson(w.ctx('city'), { idNumber: f.members[0].idNumber })).toBeNull();
    // Cancelling needs an admitted family and evidence.
    await expect(cancelQualification(w.ctx('licheng'), { applicationId: d.id, reason: '虚假材料', evidence: [] })).rejects.toMatchObject({ http: 400, field: 'evidence' });
  });
});
