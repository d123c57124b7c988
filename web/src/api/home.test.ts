import { describe, expect, it } from 'vitest';
import { yuanTextToFen } from '../pages/sale-public/money';
import type { MyHome as ServerMyHome } from '../../../src/commands/exits/my-home.js';
import type { publishedMethod } from '../../../src/commands/exits/method.js';
import type { myTransferOffers } from '../../../src/commands/transfers/interest.js';
import type { ExitView } from '../../../src/commands/exits/view.js';
import { EXIT_STATUSES } from '../../../src/db/schema-closed-loop.js';
import { exitSteps } from '../pages/my/home/homeText';
import { type BuybackMethod, type ExitStatus, type HomeUnit, type MyExit, type MyHome, type MyTransferOffers, calculatorBody } from './home';

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

describe('第二十四至二十七条: the client reads what the commands answer', () => {
  it('the shapes of my home, my transfer offers and the published method fit the client types', () => {
    // Compile-time: the commands' answers are assignable to the client's types (checked by tsc -p web).
    const reads = {
      // The view types status as a string; the states themselves are checked against the schema below.
      home: (h: ServerMyHome): Omit<MyHome, 'units'> & { units: Omit<HomeUnit, 'exits'>[] } => h,
      exit: (e: ExitView): Omit<MyExit, 'status'> => e,
      offers: (o: Awaited<ReturnType<typeof myTransferOffers>>): MyTransferOffers => o,
      method: (m: ReturnType<typeof publishedMethod>): BuybackMethod => m,
    };
    expect(Object.keys(reads)).toHaveLength(4);
  });
  it('第二十四至二十六条: every exit state of the schema is one the family page can show', () => {
    const statuses: readonly ExitStatus[] = EXIT_STATUSES;
    expect(statuses.map((s) => exitSteps('buyback', s).titles.length)).toEqual(EXIT_STATUSES.map(() => 4));
  });
});
