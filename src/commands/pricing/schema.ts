/** Input of submitPrices (第十二条). Decimals are kept as exact strings. */
import { z } from 'zod';
import { bilingual } from '../../rules/core/errors.js';
import { decimal } from '../../rules/housing/decimal-input.js';
import { compareDecimals } from '../../rules/core/money.js';

// A failed format check does not stop zod's later refinements; compare only well-formed decimals.
const num = (s: string) => /^\d+(?:\.\d+)?$/.test(s);

export const PricesInput = z.object({
  basePricePerM2Fen: z.number().int(bilingual('基准价须为以分计的整数', 'must be a whole number of fen'))
    .positive(bilingual('基准价须大于0', 'must be greater than 0')).max(100_000_000, bilingual('基准价超出合理范围', 'is out of range')),
  floatRange: decimal(6, '浮动幅度须为小数（如 0.05 表示 ±5%）', 'must be a fraction such as 0.05 for ±5%')
    .refine((s) => !num(s) || compareDecimals(s, '1') < 0, bilingual('浮动幅度须小于1', 'must be less than 1')),
  coefficients: z.array(z.object({
    unitId: z.uuid(bilingual('房源编号无效', 'must be a unit id')),
    coefficient: decimal(6, '调节系数须为正小数（如 1.03）', 'must be a positive decimal such as 1.03')
      .refine((s) => !num(s) || (compareDecimals(s, '0') > 0 && compareDecimals(s, '99') < 0), bilingual('调节系数须大于0且小于99', 'must be greater than 0 and less than 99')),
  })).min(1, bilingual('请为每套房源填写调节系数', 'give a coefficient for every unit')).max(20_000),
});
export type PricesInput = z.infer<typeof PricesInput>;

/** A decimal string with exactly six decimals, as numeric(8,6) stores it ("1.03" → "1.030000"). */
export function six(s: string): string {
  const [i, f = ''] = s.split('.');
  return `${String(Number(i))}.${f.padEnd(6, '0')}`;
}
