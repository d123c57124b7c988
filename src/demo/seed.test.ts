import { describe, expect, it } from 'vitest';
import { TEST_DB_KINDS, openTestDbOf } from '../db/testing.js';
import { accounts, applications, auditLog, notices } from '../db/schema.js';
import { randomFieldCrypto } from '../crypto/index.js';
import { verifyAuditChain } from '../audit/index.js';
import { seedDemo } from './seed.js';
import { DEMO_FAMILIES } from './families.js';

const snapshot = async (h: Awaited<ReturnType<typeof openTestDbOf>>) => ({
  accounts: (await h.db.select().from(accounts)).length,
  apps: (await h.db.select().from(applications)).map((a) => `${a.regCode}:${a.status}:${a.version}`).sort(),
  audit: (await h.db.select().from(auditLog)).length,
});

describe.each(TEST_DB_KINDS)('demo seed on %s', (kind) => {
  it('loads every role and a dozen applications in every state; running it twice changes nothing', async () => {
    const h = await openTestDbOf(kind);
    try {
      const crypto = randomFieldCrypto();
      const r = await seedDemo(h, { crypto, today: '2026-11-24' });
      expect(r).toMatchObject({ applicationsCreated: DEMO_FAMILIES.length, lapsed: 1, saleProjects: 2 });
      const apps = await h.db.select().from(applications);
      const by = (s: string) => apps.filter((a) => a.status === s).length;
      // family6 bought in the sale demo (src/demo/sale.ts): purchased, no longer admitted; the six households of the
      // closed-loop pilot (src/demo/closed-loop.ts) are carried over purchased.
      expect({ draft: by('draft'), submitted: by('submitted'), returned: by('returned'), rejected: by('rejected'), admitted: by('admitted'), purchased: by('purchased'), withdrawn: by('withdrawn'), lapsed: by('lapsed') })
        .toEqual({ draft: 1, submitted: 3, returned: 1, rejected: 1, admitted: 4, purchased: 7, withdrawn: 1, lapsed: 1 });
      expect(new Set(apps.map((a) => a.districtCode)).size).toBeGreaterThanOrEqual(6);
      expect((await h.db.select().from(notices)).filter((n) => n.kind === 'admission').length).toBe(6);
      const roles = new Set((await h.db.select().from(accounts)).map((a) => a.role));
      expect([...roles].sort()).toEqual(['applicant', 'auditor', 'city_staff', 'district_staff', 'implementer']);
      // One admitted family's reminder window opens within ~2 months of "today".
      const soon = apps.find((a) => a.status === 'admitted' && a.admittedOn === '2025-04-03');
      expect(soon?.confirmDeadline).toBe('2027-04-03');

      const before = await snapshot(h);
      expect(await seedDemo(h, { crypto, today: '2026-11-24' })).toEqual({ accountsCreated: 0, applicationsCreated: 0, lapsed: 0, saleProjects: 0, closedLoopProjects: 0 });
      expect(await snapshot(h)).toEqual(before);
      expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
    } finally {
      await h.close();
    }
  });

  it('once two years have passed since the measure, the lapsed family is told by the real commands', async () => {
    if (kind !== 'pglite') return;
    const h = await openTestDbOf(kind);
    try {
      const r = await seedDemo(h, { crypto: randomFieldCrypto(), today: '2027-09-01' });
      expect(r.lapsed).toBe(1);
      const lapsed = (await h.db.select().from(applications)).find((a) => a.status === 'lapsed');
      expect(lapsed).toMatchObject({ admittedOn: '2025-07-03', lapsedOn: '2027-09-01' });
    } finally {
      await h.close();
    }
  });
});
