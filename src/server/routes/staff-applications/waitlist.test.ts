import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../db/testing.js';
import { familyForm, family, staff, submitted } from '../../test-fixtures.js';
import { Agent, buildTestApp, type TestApp } from '../../testing.js';

/** Moves the test clock to 10:00 in Asia/Shanghai on `day`. */
const at = (t: TestApp, day: string) => { t.clock.current = new Date(`${day}T02:00:00Z`); };

/** Signs an account in again (sessions expire when the clock jumps by months). */
async function login(t: TestApp, username: string, password: string): Promise<Agent> {
  const a = new Agent(t.app);
  const res = await a.post('/api/auth/login', { username, password });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return a;
}

type Row = { id: string; status: string; waitlist: unknown };

describe.each(TEST_DB_KINDS)('第八条 waitlist status computed by the server on its clock (%s)', (kind) => {
  let t: TestApp;
  let admittedId: string;
  let pendingId: string;

  beforeAll(async () => {
    t = await buildTestApp(kind);
    at(t, '2025-06-02');
    const s = await staff(t);
    const fam = await family(t, 'wl_family');
    admittedId = await submitted(fam, familyForm('370102', t));
    const ap = await s.lixia.post(`/api/staff/applications/${admittedId}/approve`, { note: '材料齐全' });
    if (ap.statusCode !== 200) throw new Error(`approve: ${ap.body}`);
    pendingId = await submitted(await family(t, 'wl_pending'), familyForm('370102', t));
  });
  afterAll(async () => { await t?.close(); });

  const staffRows = async (status?: string) => {
    const lixia = await login(t, 'lixia', 'staff2025x');
    const res = await lixia.get(`/api/staff/applications${status ? `?status=${status}` : ''}`);
    expect(res.statusCode).toBe(200);
    return res.json().items as Row[];
  };

  it('第八条 a family admitted 2025-06-02 is active on 2027-04-02, the day before reminders start', async () => {
    at(t, '2027-04-02');
    const row = (await staffRows('admitted')).find((r) => r.id === admittedId);
    expect(row?.waitlist).toEqual({ status: 'active', deadline: '2027-06-02', remindFrom: '2027-04-03' });
  });

  it('第八条 twelve days before the deadline the staff list, the family list and the family record all say must_confirm', async () => {
    at(t, '2027-05-21');
    const want = { status: 'must_confirm', deadline: '2027-06-02', remindFrom: '2027-04-03' };
    expect((await staffRows('admitted')).find((r) => r.id === admittedId)?.waitlist).toEqual(want);
    const fam = await login(t, 'wl_family', 'family2025');
    const mine = (await fam.get('/api/my/applications')).json().items as Row[];
    expect(mine.find((r) => r.id === admittedId)?.waitlist).toEqual(want);
    const one = await fam.get(`/api/my/applications/${admittedId}`);
    expect(one.json().waitlist).toEqual(want);
  });

  it('第八条 confirming on the deadline still counts; the day after, an admitted row the lapse job has not reached reads lapsed', async () => {
    at(t, '2027-06-02');
    expect((await staffRows('admitted')).find((r) => r.id === admittedId)?.waitlist).toMatchObject({ status: 'must_confirm' });
    at(t, '2027-06-03');
    expect((await staffRows('admitted')).find((r) => r.id === admittedId)?.waitlist).toMatchObject({ status: 'lapsed', deadline: '2027-06-02' });
  });

  it('an application that is not admitted carries no waitlist status', async () => {
    const row = (await staffRows()).find((r) => r.id === pendingId);
    expect(row).toMatchObject({ status: 'submitted', waitlist: null });
  });
});
