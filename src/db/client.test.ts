import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { TEST_DB_KINDS, openTestDbOf } from './testing.js';
import { accounts, districts } from './schema.js';
import { migrate, queryRows } from './client.js';

describe.each(TEST_DB_KINDS)('database on %s', (kind) => {
  it('migrates, loads the 12 districts and counties of Jinan plus zones, and re-migrates idempotently', async () => {
    const h = await openTestDbOf(kind);
    try {
      await migrate(h);
      const rows = await h.db.select().from(districts);
      expect(rows.filter((r) => r.kind !== 'zone')).toHaveLength(12);
      expect(rows.find((r) => r.code === '370102')?.name).toBe('历下区');
      const [{ d }] = await h.sql<{ d: string }>(`select date '2025-05-20' as d`);
      expect(d).toBe('2025-05-20');
    } finally {
      await h.close();
    }
  });

  it('refuses district staff without a district (accounts_district_staff_ck)', async () => {
    const h = await openTestDbOf(kind);
    try {
      await expect(
        h.db.insert(accounts).values({ username: 'x', passwordHash: 'h', role: 'district_staff', displayName: 'x' }),
      ).rejects.toThrow();
      await h.db.insert(accounts).values({ username: 'y', passwordHash: 'h', role: 'district_staff', districtCode: '370102', displayName: 'y' });
      const [a] = await h.db.select().from(accounts).where(eq(accounts.username, 'y'));
      expect(a.role).toBe('district_staff');
      const r = await queryRows<{ n: number }>(h.db, sql`select nextval('application_reg_seq')::int as n`);
      expect(r[0].n).toBe(1);
    } finally {
      await h.close();
    }
  });
});
