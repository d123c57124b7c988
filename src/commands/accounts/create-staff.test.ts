import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../db/testing.js';
import type { DbHandle } from '../../db/client.js';
import { accounts } from '../../db/schema.js';
import { createStaff } from './create-staff.js';

describe('createStaff (seed and CLI only)', () => {
  let h: DbHandle;
  beforeAll(async () => { h = await openTestDb({ pglite: true }); });
  afterAll(async () => { await h?.close(); });

  const base = { password: 'staffpass1', displayName: '审核员' };

  it('第三条: district staff belong to exactly one existing district', async () => {
    const a = await createStaff({ db: h.db }, { ...base, username: 'LiXia.One', role: 'district_staff', districtCode: '370102' });
    expect(a).toMatchObject({ username: 'lixia.one', role: 'district_staff', districtCode: '370102', created: true });
    await expect(createStaff({ db: h.db }, { ...base, username: 'nodistrict', role: 'district_staff' }))
      .rejects.toMatchObject({ code: 'BAD_DISTRICT', http: 400, field: 'districtCode' });
    await expect(createStaff({ db: h.db }, { ...base, username: 'baddistrict', role: 'district_staff', districtCode: '999999' }))
      .rejects.toMatchObject({ code: 'BAD_DISTRICT', field: 'districtCode' });
  });

  it('refuses a district on city staff and auditors, and roles that are not staff', async () => {
    await expect(createStaff({ db: h.db }, { ...base, username: 'city.one', role: 'city_staff', districtCode: '370102' }))
      .rejects.toMatchObject({ code: 'BAD_DISTRICT' });
    await expect(createStaff({ db: h.db }, { ...base, username: 'sneaky', role: 'applicant' as never }))
      .rejects.toMatchObject({ code: 'BAD_ROLE', field: 'role' });
  });

  it('is idempotent for the same account and refuses a username held by another', async () => {
    const again = await createStaff({ db: h.db }, { ...base, username: 'lixia.one', role: 'district_staff', districtCode: '370102' });
    expect(again.created).toBe(false);
    await expect(createStaff({ db: h.db }, { ...base, username: 'lixia.one', role: 'city_staff' }))
      .rejects.toMatchObject({ code: 'USERNAME_TAKEN', http: 409 });
    expect((await h.db.select().from(accounts)).length).toBe(1);
  });
});
