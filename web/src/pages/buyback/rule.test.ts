/**
 * 第二十七条: the page reads what rule housing.buyback-price really returns (not a copy of its
 * shape): the chart ends at the rule's price and every component is there to show.
 */
import { describe, expect, it } from 'vitest';
import { buybackPrice } from '../../../../src/rules/housing/buyback-price.js';
import type { BuybackResult } from '../../api/home';
import { amountInWords, waterfall } from './buybackMath';

describe('第二十七条: the public page reads the rule result', () => {
  it('a unit bought for 720,000 yuan, valued 4 years after completion and 3 after payment: the bars end at the price', () => {
    const result: BuybackResult = buybackPrice({ originalPrice: 72_000_000, paidOn: '2025-11-24', builtOn: '2024-11-24' }, '2028-11-24');
    const steps = waterfall(result);
    const c = result.value.components;
    expect(steps[0]).toMatchObject({ label: '原购房价款', amountFen: 72_000_000 });
    expect(steps.at(-1)).toMatchObject({ label: '回购价格', amountFen: result.value.price });
    // P0 − depreciation + interest (+ the price level, none here) lands on the rule's price to the fen.
    expect(steps.slice(0, -1).reduce((s, x) => s + x.amountFen, 0)).toBe(result.value.price);
    expect([c.A, c.d, c.r, c.K, c.H.days]).toEqual([4, expect.any(String), expect.any(String), '1', 1096]);
    expect(amountInWords(result.value.price)).toMatch(/元/);
  });
});
