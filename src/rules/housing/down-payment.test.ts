import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../registry.js';
import { downPaymentInput, evaluateDownPayment } from './down-payment.js';

const AS_OF = '2025-06-01';
const dp = (raw: unknown) => evaluateDownPayment(downPaymentInput.parse(raw), AS_OF).value;

describe('housing.down-payment (第十三条)', () => {
  it('第十三条: with a provident-fund loan on a 1,000,000 元 unit the minimum is 150,000 元', () => {
    expect(dp({ price: 100_000_000, downPayment: 15_000_000, loanType: 'provident_fund' })).toEqual({ ok: true, minimum: 15_000_000, ratio: '0.15' });
  });

  it('第十三条: one fen short of 15% is refused', () => {
    expect(dp({ price: 100_000_000, downPayment: 14_999_999, loanType: 'provident_fund' }).ok).toBe(false);
  });

  it('第十三条: the minimum is the smallest fen not below 15% (price 1,000,001 fen → 150,000.15 → 150,001 fen)', () => {
    expect(dp({ price: 1_000_001, downPayment: 150_001, loanType: 'provident_fund' })).toMatchObject({ ok: true, minimum: 150_001 });
    expect(dp({ price: 1_000_001, downPayment: 150_000, loanType: 'provident_fund' }).ok).toBe(false);
  });

  it('第十三条 (commercial floor, a parameter): 15% by default', () => {
    expect(dp({ price: 80_000_000, downPayment: 12_000_000, loanType: 'commercial' })).toMatchObject({ ok: true, minimum: 12_000_000 });
  });

  it('without a loan the whole price is the down payment', () => {
    expect(dp({ price: 80_000_000, downPayment: 80_000_000, loanType: 'none' })).toMatchObject({ ok: true, minimum: 80_000_000, ratio: '1' });
    expect(dp({ price: 80_000_000, downPayment: 79_999_999, loanType: 'none' }).ok).toBe(false);
  });

  it('bad input: a down payment above the price names downPayment', () => {
    const r = evaluateRule('housing.down-payment', { price: 100, downPayment: 101, loanType: 'none' }, AS_OF);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.field).toBe('downPayment');
  });

  it('bad input: an unknown loan type names loanType', () => {
    const r = evaluateRule('housing.down-payment', { price: 100, downPayment: 50, loanType: 'gold' }, AS_OF);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.field).toBe('loanType');
  });

  it('before the measure is in force (2025-03-30) the rule refuses to judge', () => {
    const r = evaluateRule('housing.down-payment', { price: 100, downPayment: 50, loanType: 'none' }, '2025-03-30');
    expect(r.ok).toBe(false);
  });
});
