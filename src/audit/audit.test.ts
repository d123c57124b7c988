import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../db/testing.js';
import { appendAudit, appendAuditMany, canonicalJson, verifyAuditChain } from './index.js';

describe('canonical JSON', () => {
  it('sorts keys at every depth so that jsonb re-ordering does not change the hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: '张' } })).toBe('{"a":{"c":"张","d":[2,{"y":2,"z":1}]},"b":1}');
  });
});

describe.each(TEST_DB_KINDS)('audit chain on %s', (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
  });
  afterAll(() => h.close());

  it('verifies an intact chain, then finds the first tampered row', async () => {
    const actor = { accountId: null, role: 'city_staff' };
    for (let i = 0; i < 25; i++) {
      await h.db.transaction((tx) =>
        appendAudit(tx, { actor, action: 'application.read', targetType: 'application', targetId: `a${i}`, detail: { i, note: '查阅' }, at: new Date(Date.UTC(2026, 0, 1, 8, 0, i, 123)) }));
    }
    const ok = await verifyAuditChain(h.db, 7);
    expect(ok).toMatchObject({ ok: true, checked: 25 });

    const [{ seq }] = await h.sql<{ seq: string }>('select seq::text from audit_log order by seq offset 10 limit 1');
    await h.sql(`update audit_log set detail = '{"i": 999}' where seq = $1`, [seq]);
    expect(await verifyAuditChain(h.db, 7)).toMatchObject({ ok: false, firstBrokenSeq: Number(seq), reason: 'hash' });
  });

  it('the hash the database computes equals rowHash, whatever the detail holds (nested seq, quotes, CJK, the sentinel)', async () => {
    const h4 = await openTestDbOf(kind);
    try {
      const details = [
        { seq: Number.MAX_SAFE_INTEGER, targetId: 'x', note: '"seq":9007199254740991,"targetId":' },
        { 理由: '不动产登记信息核查：名下住房 1 套、89.5 平方米', list: [1, 'a\tb\n', { seq: 3 }] },
        {},
      ];
      for (const [i, detail] of details.entries()) {
        const got = await h4.db.transaction((tx) => appendAudit(tx, { actor: { accountId: null, role: 'system' }, action: 'x', targetType: 't', targetId: `引号"${i}`, detail }));
        expect(got.seq).toBe(i + 1);
      }
      expect(await verifyAuditChain(h4.db)).toMatchObject({ ok: true, checked: details.length });
    } finally {
      await h4.close();
    }
  });

  it('a batch of rows appended at once continues the chain of single appends, in the order given', async () => {
    const h5 = await openTestDbOf(kind);
    try {
      const actor = { accountId: null, role: 'system' };
      await h5.db.transaction((tx) => appendAudit(tx, { actor, action: 'one', targetType: 't', targetId: 'a' }));
      const many = await h5.db.transaction((tx) => appendAuditMany(tx, ['b', 'c', 'd'].map((id) => ({ actor, action: 'many', targetType: 't', targetId: id, detail: { 理由: id } }))));
      expect(many.map((r) => r.seq)).toEqual([2, 3, 4]);
      await h5.db.transaction((tx) => appendAudit(tx, { actor, action: 'one', targetType: 't', targetId: 'e' }));
      expect(await verifyAuditChain(h5.db)).toMatchObject({ ok: true, checked: 5 });
      const ids = await h5.sql<{ target_id: string }>('select target_id from audit_log order by seq');
      expect(ids.map((r) => r.target_id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    } finally {
      await h5.close();
    }
  });

  it('finds a deleted row by the broken link of the next one', async () => {
    const h2 = await openTestDbOf(kind);
    try {
      for (let i = 0; i < 5; i++) {
        await h2.db.transaction((tx) => appendAudit(tx, { actor: { role: 'system' }, action: 'x', targetType: 't', targetId: String(i) }));
      }
      const rows = await h2.sql<{ seq: string }>('select seq::text from audit_log order by seq');
      await h2.sql('delete from audit_log where seq = $1', [rows[2].seq]);
      expect(await verifyAuditChain(h2.db)).toMatchObject({ ok: false, firstBrokenSeq: Number(rows[3].seq), reason: 'prev_hash' });
    } finally {
      await h2.close();
    }
  });

  it('keeps one chain when appends run concurrently', async () => {
    if (kind !== 'postgres') return;
    const h3 = await openTestDbOf(kind, { poolSize: 10 });
    try {
      await Promise.all(Array.from({ length: 40 }, (_, i) =>
        h3.db.transaction((tx) => appendAudit(tx, { actor: { role: 'system' }, action: 'x', targetType: 't', targetId: String(i) }))));
      expect(await verifyAuditChain(h3.db)).toMatchObject({ ok: true, checked: 40 });
    } finally {
      await h3.close();
    }
  });
});
