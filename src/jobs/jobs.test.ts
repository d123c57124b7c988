import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../db/testing.js';
import { activePersons, applications, notices, notifications } from '../db/schema.js';
import { verifyAuditChain } from '../audit/index.js';
import { approveApplication, cancelQualification, getApplication, saveDraft, submitApplication } from '../commands/applications/index.js';
import { agreeingRecords, familyForm, idFor, makeWorld } from '../commands/applications/fixtures.js';
import { idRanges, lapseUnconfirmed, recheckHoldings, remindReconfirm, startJobs } from './index.js';

describe.each(TEST_DB_KINDS)('jobs on %s', (kind) => {
  let h: DbHandle;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  const admitted: Array<{ id: string; regCode: string; applicant: string }> = [];
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await makeWorld(h, '2026-03-02');
    for (let i = 0; i < 5; i++) {
      const form = familyForm({ applicant: idFor('1988-05-1' + i, `1${i}1`), spouse: idFor('1989-06-1' + i, `1${i}2`) });
      for (const [id, p] of Object.entries(agreeingRecords(form))) w.provider.put(id, p);
      const d = await saveDraft(w.ctx('family1'), { form });
      await submitApplication(w.ctx('family1'), { applicationId: d.id });
      await approveApplication(w.ctx('lixia'), { applicationId: d.id });
      admitted.push({ id: d.id, regCode: d.regCode, applicant: form.members[0].idNumber });
    }
  });
  afterAll(() => h.close());

  it('第九条 re-check: a family that bought a second home is removed with a notice giving the reason; others stay', async () => {
    w.clock.set('2026-09-01');
    w.provider.put(admitted[1].applicant, { homes: [
      { kind: 'commercial', area: 89, registeredOn: '2026-05-01' }, { kind: 'commercial', area: 120, registeredOn: '2026-07-01' },
    ] });
    const r = await recheckHoldings(w.deps, { batchSize: 2 });
    expect(r).toEqual({ checked: 5, noHoldings: 4, unchanged: 0, reevaluated: 1, removed: 1, skipped: 0 });
    const [gone] = await h.db.select().from(applications).where(eq(applications.id, admitted[1].id));
    expect(gone).toMatchObject({ status: 'removed', closedOn: '2026-09-01' });
    expect(gone.closedReason).toContain('2 套');
    const [n] = await h.db.select().from(notices).where(eq(notices.kind, 'removal'));
    expect(n.noticeNo).toMatch(/^济住保移〔2026〕\d{6}号$/);
    expect((await h.db.select().from(activePersons).where(eq(activePersons.applicationId, admitted[1].id)))).toHaveLength(0);
    const removedNote = (await h.db.select().from(notifications)).find((x) => x.template === 'removed' && x.channel === 'in_app');
    expect(removedNote?.body).toContain(n.noticeNo);
    // Running again removes no one else.
    expect((await recheckHoldings(w.deps)).removed).toBe(0);
  });

  it('第三十一条（一）: staff cancel a qualification with evidence', async () => {
    const c = await cancelQualification(w.ctx('lixia'), { applicationId: admitted[4].id, reason: '隐瞒名下住房', evidence: [{ description: '不动产登记中心协查函', reference: '济不动产函〔2026〕12号', department: 'property' }] });
    expect(c.noticeNo).toMatch(/^济住保撤〔2026〕/);
    const full = await getApplication(w.ctx('city'), { applicationId: admitted[4].id });
    expect(full.events.at(-1)).toMatchObject({ kind: 'cancelled', article: '第三十一条（一）' });
  });

  it('第八条: reminders from 60 days before the anniversary, once; lapse the day after; a confirmed family is kept', async () => {
    // Admitted 2026-03-02 → deadline 2028-03-02, reminders from 2028-01-02.
    w.clock.set('2028-01-01');
    expect(await remindReconfirm(w.deps)).toEqual({ reminded: 0 });
    w.clock.set('2028-01-02');
    expect(await remindReconfirm(w.deps)).toEqual({ reminded: 3 });
    expect(await remindReconfirm(w.deps)).toEqual({ reminded: 0 });
    const { confirmApplication } = await import('../commands/applications/index.js');
    await confirmApplication(w.ctx('family1'), { applicationId: admitted[0].id });

    w.clock.set('2028-03-02');
    expect(await lapseUnconfirmed(w.deps)).toEqual({ lapsed: 0 });
    w.clock.set('2028-03-03');
    expect(await lapseUnconfirmed(w.deps)).toEqual({ lapsed: 2 });
    const rows = await h.db.select().from(applications);
    expect(rows.find((a) => a.id === admitted[0].id)?.status).toBe('admitted');
    expect(rows.filter((a) => a.status === 'lapsed').map((a) => a.lapsedOn)).toEqual(['2028-03-03', '2028-03-03']);
    // Lapsed persons are free: the family may apply again (第八条).
    expect((await h.db.select().from(activePersons).where(eq(activePersons.applicationId, admitted[2].id)))).toHaveLength(0);
    const again = familyForm({ applicant: admitted[2].applicant });
    const d = await saveDraft(w.ctx('family1'), { form: again });
    expect((await submitApplication(w.ctx('family1'), { applicationId: d.id })).status).toBe('submitted');
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
  });

  it('pg-boss runs the jobs on this database and the outbox is dispatched to the log', async () => {
    const lines: Record<string, unknown>[] = [];
    const s = await startJobs(h, { ...w.deps, log: (l) => lines.push(l) }, { crons: { 'waitlist-recheck': false, 'waitlist-reminders': false, 'waitlist-lapse': false, 'outbox-dispatch': false, 'contracts-lapse': false, 'deposit-refunds': false }, dispatchEveryMs: 0 });
    try {
      await s.send('outbox-dispatch');
      await s.send('waitlist-lapse');
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && lines.filter((l) => l.msg === 'jobs.done').length < 2) await new Promise((r) => setTimeout(r, 200));
      expect(lines.filter((l) => l.msg === 'jobs.done').map((l) => l.job).sort()).toEqual(['outbox-dispatch', 'waitlist-lapse']);
      expect(lines.some((l) => l.msg === 'notify.sms')).toBe(true);
      const pending = (await h.db.select().from(notifications)).filter((n) => !n.dispatchedAt);
      expect(pending).toHaveLength(0);
    } finally {
      await s.stop();
    }
  });
});

describe.each(TEST_DB_KINDS)('第九条 re-check in batches on %s', (kind) => {
  it('only families holding a home are re-evaluated: unchanged records stay, a sold home is nothing to check, four removals of one batch written in one transaction', async () => {
    const h = await openTestDbOf(kind, { poolSize: 10 });
    try {
      const w = await makeWorld(h, '2026-03-02');
      const small = { kind: 'commercial' as const, area: 30, registeredOn: '2020-01-01' };
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) {
        const holdsSmall = i < 2; // 30 m² for two people: 15 m² each, under the line of 第五条
        const form = familyForm({ applicant: idFor('1985-02-1' + i, `2${i}1`), spouse: idFor('1986-03-1' + i, `2${i}2`) }, holdsSmall ? { housing: { ownedUnits: 1, ownedArea: 30 } } : {});
        for (const [id, p] of Object.entries(agreeingRecords(form))) w.provider.put(id, p);
        if (holdsSmall) w.provider.put(form.members[0].idNumber, { homes: [small] });
        const d = await saveDraft(w.ctx('family1'), { form });
        await submitApplication(w.ctx('family1'), { applicationId: d.id });
        await approveApplication(w.ctx('lixia'), { applicationId: d.id });
        ids.push(form.members[0].idNumber);
      }
      w.clock.set('2026-09-01');
      w.provider.put(ids[1], { homes: [] }); // sold
      for (const i of [2, 3, 4, 5]) w.provider.put(ids[i], { homes: [{ kind: 'commercial', area: 120, registeredOn: '2026-06-01' }] });

      // As three jobs over id ranges: together they see every family once.
      const parts = [];
      for (const range of idRanges(3)) parts.push(await recheckHoldings(w.deps, { batchSize: 8, range }));
      const r = parts.reduce((a, b) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v + b[k as keyof typeof b]])) as typeof a);
      expect(r).toEqual({ checked: 8, noHoldings: 3, unchanged: 1, reevaluated: 4, removed: 4, skipped: 0 });
      const removed = (await h.db.select().from(applications)).filter((a) => a.status === 'removed');
      expect(removed).toHaveLength(4);
      const numbers = (await h.db.select().from(notices)).filter((n) => n.kind === 'removal').map((n) => n.noticeNo);
      expect(new Set(numbers).size).toBe(4);
      expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
      expect(await recheckHoldings(w.deps)).toMatchObject({ checked: 4, removed: 0, unchanged: 1 });
    } finally {
      await h.close();
    }
  });
});

describe('re-check id ranges', () => {
  it('k ranges tile the id space: the first has no lower bound, the last no upper, each ends where the next begins', () => {
    const r = idRanges(3);
    expect(r).toEqual([
      { to: '55555555-0000-0000-0000-000000000000' },
      { from: '55555555-0000-0000-0000-000000000000', to: 'aaaaaaaa-0000-0000-0000-000000000000' },
      { from: 'aaaaaaaa-0000-0000-0000-000000000000' },
    ]);
    expect(idRanges(1)).toEqual([{}]);
  });
});
