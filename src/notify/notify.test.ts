import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../db/testing.js';
import { accounts, notifications } from '../db/schema.js';
import { AAD, randomFieldCrypto } from '../crypto/index.js';
import { MAX_ATTEMPTS, dispatchOutbox, enqueue, listInbox, logAdapter, markRead } from './index.js';

const crypto = randomFieldCrypto();

describe.each(TEST_DB_KINDS)('outbox notifications on %s', (kind) => {
  let h: DbHandle;
  let accountId: string;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    const id = randomUUID();
    [{ id: accountId }] = await h.db.insert(accounts).values({
      id, username: 'family', passwordHash: 'x', role: 'applicant', displayName: '张三', phoneEnc: crypto.encrypt('13912345678', AAD.accountPhone(id)),
    }).returning({ id: accounts.id });
  });
  afterAll(() => h.close());

  it('a rolled-back command leaves no notification; a committed one leaves in_app + sms rows', async () => {
    await expect(h.db.transaction(async (tx) => {
      await enqueue(tx, { accountId, template: 'application_admitted', params: { noticeNo: 'N1', admittedOn: '2026-01-05', deadline: '2028-01-05' } });
      throw new Error('decision failed');
    })).rejects.toThrow('decision failed');
    expect(await h.db.select().from(notifications)).toHaveLength(0);

    await h.db.transaction((tx) => enqueue(tx, { accountId, template: 'application_admitted', params: { noticeNo: '济住保轮〔2026〕000001号', admittedOn: '2026-01-05', deadline: '2028-01-05' } }));
    const rows = await h.db.select().from(notifications);
    expect(rows.map((r) => r.channel).sort()).toEqual(['in_app', 'sms']);
    expect(rows.find((r) => r.channel === 'in_app')?.body).toContain('2028-01-05 前（含当日）');
  });

  it('dispatches to the log adapter with a masked phone, retries a failing gateway, and never sends twice', async () => {
    const lines: Record<string, unknown>[] = [];
    let down = true;
    const sms = { send: async (m: Parameters<ReturnType<typeof logAdapter>['send']>[0]) => {
      if (down) throw new Error('gateway down');
      await logAdapter('sms', (l) => lines.push(l)).send(m);
    } };
    expect(await dispatchOutbox(h.db, { adapters: { sms }, crypto })).toEqual({ sent: 1, failed: 1 });
    const [failedRow] = (await h.db.select().from(notifications)).filter((r) => r.channel === 'sms');
    expect(failedRow).toMatchObject({ dispatchedAt: null, attempts: 1, lastError: 'gateway down' });

    down = false;
    expect(await dispatchOutbox(h.db, { adapters: { sms }, crypto })).toEqual({ sent: 1, failed: 0 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'notify.sms', to: '***5678' });
    expect(JSON.stringify(lines)).not.toContain('13912345678');
    expect(await dispatchOutbox(h.db, { adapters: { sms }, crypto })).toEqual({ sent: 0, failed: 0 });
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts and keeps the row for staff`, async () => {
    await h.db.transaction((tx) => enqueue(tx, { accountId, template: 'withdrawn', params: { regCode: 'JN2026000009' }, channels: ['email'] }));
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) await dispatchOutbox(h.db, { adapters: {}, crypto });
    const row = (await h.db.select().from(notifications)).find((r) => r.channel === 'email');
    expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, dispatchedAt: null });
    expect(row?.lastError).toContain('no adapter');
  });

  it('lists the in-app inbox of the owner only and marks read once', async () => {
    const inbox = await listInbox(h.db, accountId);
    expect(inbox).toHaveLength(1);
    expect(await markRead(h.db, '00000000-0000-0000-0000-000000000000', inbox[0].id, new Date())).toBe(false);
    expect(await markRead(h.db, accountId, inbox[0].id, new Date())).toBe(true);
    expect(await markRead(h.db, accountId, inbox[0].id, new Date())).toBe(false);
  });
});
