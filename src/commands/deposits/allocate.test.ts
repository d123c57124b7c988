import { describe, expect, it } from 'vitest';
import { allocateRefunds } from './allocate.js';

describe('which payment a refund returns (第十一条)', () => {
  it('a double payment: the refund on arrival returns the second transaction, the later withdrawal refund the first', () => {
    const a = allocateRefunds([
      { id: 1, kind: 'paid', amountFen: 100, reference: 'T1' },
      { id: 2, kind: 'paid', amountFen: 100, reference: 'T2' },
      { id: 3, kind: 'refunded', amountFen: 100, reference: 'RF-T2' },
      { id: 4, kind: 'refunded', amountFen: 100, reference: 'WD-R1' },
    ]);
    expect(a.get(3)).toEqual({ txnId: 'T2' });
    expect(a.get(4)).toEqual({ txnId: 'T1' });
  });

  it('a wrong amount refunded on arrival, then the right amount paid and later closed: each refund names its own payment', () => {
    const a = allocateRefunds([
      { id: 1, kind: 'paid', amountFen: 99, reference: 'T1' },
      { id: 2, kind: 'refunded', amountFen: 99, reference: 'RF-T1' },
      { id: 3, kind: 'paid', amountFen: 100, reference: 'T2' },
      { id: 4, kind: 'refunded', amountFen: 100, reference: 'END-R1' },
    ]);
    expect([a.get(2), a.get(4)]).toEqual([{ txnId: 'T1' }, { txnId: 'T2' }]);
  });

  it('a credited 认购金 uses up its payment; a refund nothing covers is reported, not guessed', () => {
    const a = allocateRefunds([
      { id: 1, kind: 'paid', amountFen: 100, reference: 'T1' },
      { id: 2, kind: 'credited', amountFen: 100, reference: 'C1' },
      { id: 3, kind: 'refunded', amountFen: 100, reference: 'CL-R1' },
    ]);
    expect(a.get(3)).toMatchObject({ error: expect.stringContaining('CL-R1') });
  });
});
