import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.js';
import { openTestDb } from '../../db/testing.js';
import { activePersons, applications } from '../../db/schema.js';
import { saveDraft, submitApplication } from './index.js';
import { agreeingRecords, familyForm, idFor, makeWorld } from './fixtures.js';

// Real concurrency needs real connections: PostgreSQL only.
describe.skipIf(!process.env.DATABASE_URL)('active_persons under concurrency (PostgreSQL)', () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb({ poolSize: 25 });
  });
  afterAll(() => h?.close());

  it('20 connections submit families containing the same person at once: exactly one succeeds', async () => {
    const w = await makeWorld(h, '2026-04-01');
    const shared = idFor('1990-01-01', '999');
    const drafts = [];
    for (let i = 0; i < 20; i++) {
      const form = familyForm({ applicant: idFor('1980-02-' + String(i + 1).padStart(2, '0'), '201'), spouse: shared });
      for (const [id, p] of Object.entries(agreeingRecords(form))) w.provider.put(id, p);
      drafts.push(await saveDraft(w.ctx('family1'), { form }));
    }
    const results = await Promise.allSettled(drafts.map((d) => submitApplication(w.ctx('family1'), { applicationId: d.id })));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    expect(ok).toHaveLength(1);
    expect(refused.map((e) => e.code)).toEqual(Array(19).fill('PERSON_IN_ACTIVE_APPLICATION'));
    const submitted = (await h.db.select().from(applications)).filter((a) => a.status === 'submitted');
    expect(submitted).toHaveLength(1);
    expect(await h.db.select().from(activePersons)).toHaveLength(2);
  });
});
