import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { applications } from '../../../db/schema.js';
import { TEST_DB_KINDS } from '../../../db/testing.js';
import { createStaff } from '../../../commands/accounts/create-staff.js';
import { drawWorld, type DrawWorld } from '../../../commands/draws/testing.js';
import { verifyBundle } from '../../../lottery/index.js';
import { Agent, buildTestApp, type TestApp } from '../../testing.js';

async function signedIn(t: TestApp, username: string, role: 'district_staff' | 'city_staff' | 'auditor', districtCode?: string): Promise<Agent> {
  await createStaff({ db: t.handle.db }, { username, password: 'staff2025x', displayName: username, role, districtCode });
  const a = new Agent(t.app);
  const res = await a.post('/api/auth/login', { username, password: 'staff2025x' });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
  return a;
}

describe.each(TEST_DB_KINDS)('摇号 over HTTP, and what the public sees (第七条) on %s', (kind) => {
  let t: TestApp;
  let w: DrawWorld;
  let lixia: Agent, licheng: Agent, city: Agent, auditor: Agent, anon: Agent;
  let drawId: string;
  let listDigest: string;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    w = await drawWorld(t.handle, { units: 10, families: 6 });
    t.clock.current = new Date('2026-03-11T02:00:00Z');
    lixia = await signedIn(t, 'lixia_draw', 'district_staff', '370102');
    licheng = await signedIn(t, 'licheng_draw', 'district_staff', '370112');
    city = await signedIn(t, 'city_draw', 'city_staff');
    auditor = await signedIn(t, 'auditor_draw', 'auditor');
    anon = new Agent(t.app);
  });
  afterAll(() => t.close());

  it('freeze: anonymous 401, another district 403, the project district 200 with digest and commitment', async () => {
    const url = `/api/projects/${w.project.id}/draws/freeze`;
    expect((await anon.post(url)).statusCode).toBe(401);
    expect((await licheng.post(url)).statusCode).toBe(403);
    expect((await auditor.post(url)).statusCode).toBe(403);
    const res = await lixia.post(url);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ entrantCount: 6, attempt: 1, status: 'frozen', pools: [{ label: 'PRIO', quota: 3 }, { label: 'GEN', quota: 'all' }] });
    drawId = body.id;
    listDigest = body.listDigest;
    expect((await lixia.post(url)).json().id).toBe(drawId);
  });

  it('entrants.tsv is public from the freeze, byte for byte; lottery.json is 404 until the draw', async () => {
    const tsv = await anon.get(`/api/public/draws/${drawId}/entrants.tsv`);
    expect(tsv.statusCode).toBe(200);
    expect(tsv.headers['content-type']).toBe('text/tab-separated-values; charset=utf-8');
    expect(tsv.headers['content-disposition']).toBe(`attachment; filename="entrants.tsv"; filename*=UTF-8''entrants.tsv`);
    expect(createHash('sha256').update(tsv.rawPayload).digest('hex')).toBe(listDigest);
    const json = await anon.get(`/api/public/draws/${drawId}/lottery.json`);
    expect(json.statusCode).toBe(404);
    expect(json.json().code).toBe('NOT_DRAWN');
    const summary = (await anon.get(`/api/public/draws/${drawId}`)).json();
    expect(summary).toMatchObject({ status: 'frozen', serverSecret: null, seed: null, projectCode: 'JN-2026-001', files: { lotteryJson: null } });
  });

  it('draw: the beacon is validated naming the field; Idempotency-Key replays; a second draw is 409', async () => {
    const bad = await city.post(`/api/draws/${drawId}/draw`, { beacon: 'a\nb' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toBe('beacon');
    const first = await city.post(`/api/draws/${drawId}/draw`, { beacon: '20260312-381946' }, { 'idempotency-key': 'draw-jn-2026-001-1' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ id: drawId, status: 'drawn', ranks: 6 });
    const replay = await city.post(`/api/draws/${drawId}/draw`, { beacon: '20260312-381946' }, { 'idempotency-key': 'draw-jn-2026-001-1' });
    expect(replay.json()).toEqual(first.json());
    const again = await city.post(`/api/draws/${drawId}/draw`, { beacon: 'other' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_DRAWN');
  });

  it('the published bundle verifies (QLOT-1 section 6) from the two downloads alone', async () => {
    const tsv = await anon.get(`/api/public/draws/${drawId}/entrants.tsv`);
    const json = await anon.get(`/api/public/draws/${drawId}/lottery.json`);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers['content-disposition']).toContain('filename="lottery.json"');
    const v = verifyBundle({ entrantsTsv: tsv.rawPayload, lotteryJson: json.rawPayload });
    expect(v.ok).toBe(true);
    // A rank changed by one place no longer verifies: step 4 names the entry.
    const tampered = json.rawPayload.toString('utf8').replace('"rank":1,', '"rank":0,');
    expect(verifyBundle({ entrantsTsv: tsv.rawPayload, lotteryJson: tampered })).toMatchObject({ ok: false, step: 4 });
  });

  it('public ranks carry masked names and ID numbers only, even when a stored mask is wrong', async () => {
    // A stored mask that would reveal the whole name and ID number is masked again on the way out.
    await t.handle.db.update(applications).set({ maskedApplicantName: '张三丰', maskedApplicantId: '370102199001011234' })
      .where(eq(applications.id, w.families[1].applicationId));
    // A mask as the waiting list makes it (first 2, last 2 characters) passes unchanged.
    await t.handle.db.update(applications).set({ maskedApplicantId: '37**************21' }).where(eq(applications.id, w.families[2].applicationId));
    const res = await anon.get(`/api/public/draws/${drawId}/ranks?pageSize=200`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBe(6);
    expect(page.items.map((i: { rank: number }) => i.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(res.body).not.toContain('张三丰');
    expect(res.body).not.toContain('370102199001011234');
    const leaked = page.items.find((i: { entrantId: string }) => i.entrantId === 'R2026000001');
    expect(leaked).toMatchObject({ maskedName: '***', maskedId: '*'.repeat(18), district: '历下区' });
    expect(page.items.find((i: { entrantId: string }) => i.entrantId === 'R2026000002').maskedId).toBe('37**************21');
    for (const i of page.items.filter((x: { entrantId: string }) => x.entrantId !== 'R2026000001')) {
      expect(i.maskedName).toMatch(/^张\*\d$/);
      // The fixture's other masks show 4 + 4 digits, more than the public 2 + 2: starred out.
      expect(i.maskedId).toMatch(/^(37\*{14}\d{2}|\*{18})$/);
    }
    const found = (await anon.get(`/api/public/draws/${drawId}/ranks?q=R2026000004`)).json();
    expect(found.items.map((i: { entrantId: string }) => i.entrantId)).toEqual(['R2026000004']);
    expect((await anon.get(`/api/public/draws/${drawId}/ranks?pageSize=500`)).statusCode).toBe(400);
  });

  it('redraw: void needs a reason, is public with it, and freezing again makes attempt 2 with a new commitment', async () => {
    const noReason = await lixia.post(`/api/draws/${drawId}/void`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details.field).toBe('reason');
    expect((await licheng.post(`/api/draws/${drawId}/void`, { reason: '越权作废尝试' })).statusCode).toBe(403);
    const v = await lixia.post(`/api/draws/${drawId}/void`, { reason: '信标录入时现场公证员未签字确认' });
    expect(v.statusCode).toBe(200);
    const old = (await anon.get(`/api/public/draws/${drawId}`)).json();
    const second = (await lixia.post(`/api/projects/${w.project.id}/draws/freeze`)).json();
    expect(second).toMatchObject({ attempt: 2, listDigest: old.listDigest });
    expect(second.commitment).not.toBe(old.commitment);
    const pub = (await anon.get('/api/public/projects/JN-2026-001')).json();
    expect(pub.draws.map((d: { attempt: number; status: string; voidReason: string | null }) => [d.attempt, d.status, d.voidReason]))
      .toEqual([[1, 'void', '信标录入时现场公证员未签字确认'], [2, 'frozen', null]]);
    expect(pub.grid[0].units).toHaveLength(10);
    expect(JSON.stringify(pub)).not.toMatch(/accountId|applicationId/);
    // The voided draw's bundle stays downloadable: what was voided can still be checked.
    expect((await anon.get(`/api/public/draws/${drawId}/lottery.json`)).statusCode).toBe(200);
  });

  it('the public project list and the staff view', async () => {
    const list = (await anon.get('/api/public/projects')).json();
    expect(list.items).toEqual([expect.objectContaining({ code: 'JN-2026-001', district: '历下区', noticeNo: '配售通告〔2026〕1号', unitsOffered: 10, unitsSold: 0, depositFen: 2_000_000 })]);
    expect((await anon.get('/api/public/projects/NO-SUCH')).statusCode).toBe(404);
    const staffView = await auditor.get(`/api/draws/${drawId}`);
    expect(staffView.statusCode).toBe(200);
    expect(staffView.json()).toMatchObject({ status: 'void', rankCount: 6, files: { lotteryJson: `/api/public/draws/${drawId}/lottery.json` } });
    expect((await anon.get(`/api/draws/${drawId}`)).statusCode).toBe(401);
  });
});
