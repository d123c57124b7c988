import { describe, expect, it } from 'vitest';
import { yuanTextToFen } from '../pages/sale-public/money';
import { calculatorBody } from './home';

const form = { originalPriceFen: yuanTextToFen('1,000,000.05')!, paidOn: '2025-08-01', builtOn: '2025-06-30', valuationOn: '2027-09-01' };

describe('第二十七条: the calculator request', () => {
  it('sends the original price in fen as typed in yuan, exactly', () => {
    expect(calculatorBody({ ...form, useCpi: false }).originalPriceFen).toBe(100_000_005);
  });
  it('leaves the CPI out while the K switch is off, even if fields were typed before', () => {
    expect(calculatorBody({ ...form, useCpi: false, cpiAtPurchase: '101.2', cpiAtValuation: '103' })).toEqual({
      originalPriceFen: 100_000_005, paidOn: '2025-08-01', builtOn: '2025-06-30', valuationOn: '2027-09-01',
    });
  });
  it('sends both CPI values as exact decimal strings with the switch on', () => {
    expect(calculatorBody({ ...form, useCpi: true, cpiAtPurchase: ' 101.2 ', cpiAtValuation: '103' })).toMatchObject({
      cpiAtPurchase: '101.2', cpiAtValuation: '103',
    });
  });
});
