/**
 * Demo data: accounts for every role and a dozen applications in every state, made by
 * running the real commands under a clock set to the day each step happened (so history,
 * notices, notifications and the audit chain are what the platform itself would have
 * written). Idempotent: an account that already has applications is left alone, so
 * running the seed twice changes nothing. Then the sale of two projects (src/demo/sale.ts).
 *
 * One exception, stated: a family can only have lapsed (第八条) two years after admission,
 * and admission needs the measure in force (2025-03-31). While "today" is less than two
 * years after that, the lapsed demo family is carried over from the earlier register
 * (imported admitted, then lapsed by the real lapse job); the import is recorded as such.
 */
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../db/client.js';
import { accounts, applicationRevisions, applications } from '../db/schema.js';
import { AAD, type FieldCrypto } from '../crypto/index.js';
import { addDays, addYears, daysBetween } from '../rules/core/dates.js';
import { maskId, maskName } from '../rules/core/mask.js';
import { fixedClock, type Actor, type CommandContext } from '../commands/context.js';
import { createStaff } from '../commands/accounts/create-staff.js';
import { registerApplicant } from '../commands/accounts/register.js';
import {
  approveApplication, rejectApplication, requestChange, returnApplication, saveDraft, submitApplication, withdrawApplication,
} from '../commands/applications/index.js';
import { memberFacts } from '../commands/applications/form.js';
import { addEvent, holdPersons, nextRegCode, writeMembers } from '../commands/applications/store.js';
import { lapseUnconfirmed } from '../jobs/reconfirm.js';
import { SimulatedProvider } from '../datachecks/index.js';
import { DEMO_FAMILIES, DEMO_SIM_RECORDS, type DemoFamily } from './families.js';
import { DEMO_PASSWORD, DEMO_STAFF } from './accounts.js';
import { demoBank, seedSaleDemo, type DemoBank } from './sale.js';
import { randomSimBankKey } from '../payments/index.js';
import { seedClosedLoopDemo } from './closed-loop.js';

/** The measure's first day (第三十四条); nothing is admitted before it. */
const IN_FORCE = '2025-03-31';

export interface SeedResult {
  accountsCreated: number;
  applicationsCreated: number;
  lapsed: number;
  /** Sale projects told (src/demo/sale.ts). */
  saleProjects: number;
  /** Closed-loop projects told (src/demo/closed-loop.ts: the pilot carried over from the earlier register). */
  closedLoopProjects: number;
}

/** A SimulatedProvider that knows the demo families. */
export function demoProvider(now: () => Date = () => new Date()): SimulatedProvider {
  return new SimulatedProvider(DEMO_SIM_RECORDS, now);
}

type Ctx = { handle: DbHandle; crypto: FieldCrypto; today: string };

async function staffActor(h: DbHandle, username: string): Promise<Actor> {
  const [a] = await h.db.select().from(accounts).where(eq(accounts.username, username));
  return { accountId: a.id, role: a.role as Actor['role'], ...(a.districtCode ? { districtCode: a.districtCode } : {}) };
}

const clamp = (d: string) => (d < IN_FORCE ? IN_FORCE : d);

/** Run one family's story with the real commands, each step on its own date. */
async function tell(c: Ctx, f: DemoFamily, applicant: Actor): Promise<void> {
  const clock = fixedClock(c.today);
  const provider = demoProvider(() => clock.now());
  const as = (actor: Actor): CommandContext => ({ db: c.handle.db, clock, crypto: c.crypto, dataChecks: provider, actor });
  const reviewer = f.form.districtCode === '370102' ? 'lixia' : f.form.districtCode === '370112' ? 'licheng' : 'city';
  const staff = await staffActor(c.handle, reviewer);

  let start = clamp(addDays(c.today, -f.submittedDaysAgo));
  if (f.state === 'must_confirm_soon') start = clamp(addDays(addYears(c.today, -2), 45));
  clock.set(addDays(start, -1) < IN_FORCE ? start : addDays(start, -1));
  const d = await saveDraft(as(applicant), { form: f.form });
  if (f.state === 'draft') return;
  clock.set(start);
  await submitApplication(as(applicant), { applicationId: d.id });
  const later = (n: number) => { const x = addDays(start, n); clock.set(x > c.today ? c.today : x); };
  if (f.state === 'submitted') return;
  later(3);
  if (f.state === 'returned') { await returnApplication(as(staff), { applicationId: d.id, reason: f.reason! }); return; }
  if (f.state === 'rejected') { await rejectApplication(as(staff), { applicationId: d.id, reason: f.reason! }); return; }
  await approveApplication(as(staff), { applicationId: d.id, note: '经审核符合条件，准予入库' });
  if (f.state === 'withdrawn') { later(30); await withdrawApplication(as(applicant), { applicationId: d.id, reason: f.reason! }); return; }
  if (f.state === 'change_pending') { clock.set(addDays(c.today, -2)); await requestChange(as(applicant), { applicationId: d.id, form: f.change!.form, reason: f.change!.reason }); }
}

/** A family admitted on the earlier register, carried over (see the header). */
async function importLegacy(c: Ctx, f: DemoFamily, applicant: Actor, admittedOn: string): Promise<void> {
  const now = new Date(`${admittedOn}T02:00:00.000Z`);
  const clock = fixedClock(admittedOn);
  const ctx: CommandContext = { db: c.handle.db, clock, crypto: c.crypto, dataChecks: demoProvider(), actor: applicant };
  await c.handle.db.transaction(async (tx) => {
    const regCode = await nextRegCode(tx, admittedOn);
    const a = f.form.members.find((m) => m.relation === 'applicant')!;
    const [app] = await tx.insert(applications).values({
      regCode, accountId: applicant.accountId, districtCode: f.form.districtCode, status: 'admitted', category: 'wage_family', priority: [],
      maskedApplicantName: maskName(a.name), maskedApplicantId: maskId(a.idNumber), submittedAt: now, admittedOn,
      confirmDeadline: addYears(admittedOn, 2), createdAt: now, updatedAt: now,
    }).returning();
    const [rev] = await tx.insert(applicationRevisions).values({
      applicationId: app.id, seq: 1, kind: 'initial', status: 'approved', formEnc: c.crypto.encryptJson(f.form, AAD.revisionForm(app.id)),
      createdAt: now, updatedAt: now, submittedAt: now, decidedAt: now, decisionReason: '由原保障性住房轮候登记迁入（演示数据）',
    }).returning();
    const blinds = f.form.members.map((m) => c.crypto.blindIndex(m.idNumber));
    await writeMembers(tx, rev.id, f.form.members.map((m, i) => ({ relation: m.relation, idBlind: blinds[i], ...memberFacts(m), hukouType: m.hukou.type, hukouCity: m.hukou.city })));
    await holdPersons(tx, app.id, blinds, now);
    await addEvent(tx, ctx, { applicationId: app.id, kind: 'imported', to: 'admitted', reason: '由原保障性住房轮候登记迁入（演示数据）' });
  });
}

/**
 * Load the demo. `today` defaults to the real date in Asia/Shanghai; `now` (the moment of loading,
 * on `today`) places the open selection batch of the sale demo; `bank` is the simulated bank the
 * platform serves (start.ts), so the 认购金 the demo pays are signed with its key and can be refunded.
 */
export async function seedDemo(handle: DbHandle, deps: { crypto: FieldCrypto; today: string; now?: Date; bank?: DemoBank; log?: (s: string) => void }): Promise<SeedResult> {
  const c: Ctx = { handle, crypto: deps.crypto, today: deps.today };
  const out: SeedResult = { accountsCreated: 0, applicationsCreated: 0, lapsed: 0, saleProjects: 0, closedLoopProjects: 0 };
  for (const s of DEMO_STAFF) {
    const r = await createStaff({ db: handle.db }, { username: s.username, password: DEMO_PASSWORD, displayName: s.displayName, role: s.role, ...(s.districtCode ? { districtCode: s.districtCode } : {}) });
    if (r.created) out.accountsCreated++;
  }
  // Accounts that already own applications were seeded before (or are in real use): leave them alone.
  const untouched = new Set<string>();
  for (const f of DEMO_FAMILIES) {
    const [acc] = await handle.db.select().from(accounts).where(eq(accounts.username, f.username));
    if (acc && (await handle.db.select({ id: applications.id }).from(applications).where(eq(applications.accountId, acc.id)).limit(1)).length) untouched.add(f.username);
  }
  for (const f of DEMO_FAMILIES) {
    if (untouched.has(f.username)) continue;
    let [acc] = await handle.db.select().from(accounts).where(eq(accounts.username, f.username));
    if (!acc) {
      await registerApplicant({ db: handle.db, crypto: deps.crypto }, { username: f.username, password: DEMO_PASSWORD, displayName: f.displayName, phone: f.phone });
      [acc] = await handle.db.select().from(accounts).where(eq(accounts.username, f.username));
      out.accountsCreated++;
    }
    const applicant: Actor = { accountId: acc.id, role: 'applicant' };
    if (f.state === 'lapsed') {
      // Admitted two years and two months ago: past its 第八条 deadline today.
      const admittedOn = addDays(addYears(deps.today, -2), -60);
      if (admittedOn >= IN_FORCE) await tell(c, { ...f, state: 'admitted', submittedDaysAgo: daysBetween(admittedOn, deps.today) + 3 }, applicant);
      else await importLegacy(c, f, applicant, admittedOn);
    } else {
      await tell(c, f, applicant);
    }
    out.applicationsCreated++;
    deps.log?.(`demo: ${f.key} ${f.username} → ${f.state}`);
  }
  const clock = fixedClock(deps.today);
  out.lapsed = (await lapseUnconfirmed({ db: handle.db, clock, crypto: deps.crypto, dataChecks: demoProvider(() => clock.now()) })).lapsed;
  const bank = deps.bank ?? demoBank(randomSimBankKey(), { now: () => new Date() });
  out.saleProjects = (await seedSaleDemo(handle, { crypto: deps.crypto, today: deps.today, bank, ...(deps.now ? { now: deps.now } : {}), ...(deps.log ? { log: deps.log } : {}) })).projects;
  out.closedLoopProjects = (await seedClosedLoopDemo(handle, { crypto: deps.crypto, today: deps.today, ...(deps.log ? { log: deps.log } : {}) })).projects;
  return out;
}
