import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../db/testing.js';
import { family, familyForm, staff, submitted } from '../../test-fixtures.js';
import { buildTestApp, type Agent, type TestApp } from '../../testing.js';

const encoded = (regCode: string) => `${encodeURIComponent('准予入库通知书')}-${regCode}.pdf`;

describe.each(TEST_DB_KINDS)('第八条 准予入库通知书 download headers (%s)', (kind) => {
  let t: TestApp;
  let fam: Agent;
  let s: Awaited<ReturnType<typeof staff>>;
  let id: string;
  let regCode: string;

  beforeAll(async () => {
    t = await buildTestApp(kind);
    s = await staff(t);
    fam = await family(t, 'notice_family');
    id = await submitted(fam, familyForm('370102', t));
    const ap = await s.lixia.post(`/api/staff/applications/${id}/approve`, {});
    regCode = ap.json().regCode;
  });
  afterAll(async () => { await t?.close(); });

  it('the family downloads it as an attachment named 准予入库通知书-<登记编号>.pdf (RFC 6266 filename*, ASCII fallback)', async () => {
    const res = await fam.get(`/api/my/applications/${id}/notice.pdf`);
    expect(res.statusCode).toBe(200);
    expect(regCode).toMatch(/^[A-Z0-9]+$/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="notice.pdf"; filename*=UTF-8''${encoded(regCode)}`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('staff get the same header from the staff route', async () => {
    const res = await s.lixia.get(`/api/staff/applications/${id}/notice.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="notice.pdf"; filename*=UTF-8''${encoded(regCode)}`);
  });
});
