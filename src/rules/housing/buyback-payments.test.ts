import { describe, expect, it } from 'vitest';
import { buybackPayments } from './buyback-payments.js';

const pay = (price: number, outstandingLoan: number) => buybackPayments({ price, outstandingLoan }, '2027-06-01').value;
const PRICE = 100_000_000; // 1,000,000.00 yuan: first 100,000.00, balance 900,000.00

describe('housing.buyback-payments (第二十九条)', () => {
  it('第二十九条: without a loan the family receives 10% first and the balance after vacating', () => {
    expect(pay(PRICE, 0)).toEqual({
      first: 10_000_000, balance: 90_000_000, firstToLender: 0, firstToFamily: 10_000_000,
      balanceToLender: 0, balanceToFamily: 90_000_000, loanUnpaid: 0, share: '0.10',
    });
  });

  it('第二十九条: a loan smaller than the first payment is cleared from it; the family gets the rest of both', () => {
    expect(pay(PRICE, 4_000_000)).toMatchObject({ firstToLender: 4_000_000, firstToFamily: 6_000_000, balanceToLender: 0, balanceToFamily: 90_000_000, loanUnpaid: 0 });
  });

  it('第二十九条: a loan equal to the first payment takes all of it and none of the balance', () => {
    expect(pay(PRICE, 10_000_000)).toMatchObject({ firstToLender: 10_000_000, firstToFamily: 0, balanceToLender: 0, balanceToFamily: 90_000_000 });
  });

  it('第二十九条: a loan larger than the first payment takes all of it and the rest from the balance', () => {
    expect(pay(PRICE, 30_000_000)).toMatchObject({ firstToLender: 10_000_000, firstToFamily: 0, balanceToLender: 20_000_000, balanceToFamily: 70_000_000, loanUnpaid: 0 });
  });

  it('第二十九条: a loan larger than the price takes both payments and leaves loanUnpaid', () => {
    const r = buybackPayments({ price: PRICE, outstandingLoan: 120_000_000 }, '2027-06-01');
    expect(r.value).toEqual({
      first: 10_000_000, balance: 90_000_000, firstToLender: 10_000_000, firstToFamily: 0,
      balanceToLender: 90_000_000, balanceToFamily: 0, loanUnpaid: 20_000_000, share: '0.10',
    });
    expect(r.trace.at(-1)).toMatchObject({ article: '第二十九条', value: 20_000_000, passed: false });
  });

  it('第二十九条: 10% of 105 fen is 10.5 fen, rounded half-up to 11; the balance takes the rest so the two make the price', () => {
    expect(pay(105, 0)).toMatchObject({ first: 11, balance: 94 });
    expect(pay(104, 0)).toMatchObject({ first: 10, balance: 94 });
  });

  it('第二十九条: every payment splits exactly between lender and family', () => {
    for (const loan of [0, 1, 9_999_999, 10_000_001, 99_999_999, 100_000_000, 100_000_001]) {
      const v = pay(99_999_995, loan);
      expect(v.first + v.balance).toBe(99_999_995);
      expect(v.firstToLender + v.firstToFamily).toBe(v.first);
      expect(v.balanceToLender + v.balanceToFamily).toBe(v.balance);
      expect(v.firstToLender + v.balanceToLender + v.loanUnpaid).toBe(loan);
    }
  });

  it('refuses a date before the measure is in force (第三十四条)', () => {
    expect(() => buybackPayments({ price: PRICE, outstandingLoan: 0 }, '2025-03-30')).toThrow(/asOf/);
  });
});
