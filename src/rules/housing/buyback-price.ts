/**
 * Rule housing.buyback-price: 济政发〔2025〕3号 第二十七条. "回购价格按照原购房价款，结合房屋折旧、同期存款
 * 利率、物价水平等因素确定。具体回购价格测算方式由市住房城乡建设部门会同市财政、审计等部门确定并公布。"
 *
 * Until the bureau publishes its method, the platform's default (every number a parameter of
 * params/housing/buyback.yaml, docs/rules/housing.buyback-price.md):
 *   price = P0 × (1 − d × A + r × H) × K, computed as an exact fraction and rounded to the fen once.
 * Interpretations:
 * - P0 is the original price in fen (the contract price); the maintenance fund is settled apart (第二十七条).
 * - A (depreciation) counts completed years from the building's completion (builtOn) to the valuation
 *   date, as an age (ageOn: the anniversary day counts; a 29 February completion reaches it on 28 February).
 * - H (deposit interest) runs from the day the price was paid (paidOn) to the valuation date, in days
 *   over days_per_year, as an exact fraction; r is the tier H falls in (H ≤ bound, first match).
 * - K is the price level: cpiAtValuation ÷ cpiAtPurchase while price_level_adjustment is on, else 1.
 * - A factor below zero (a building past a century at 1%) has no meaning under 第二十七条: refused.
 */
import { z } from 'zod';
import { ageOn, daysBetween, isoDate } from '../core/dates.js';
import { RuleInputError } from '../core/errors.js';
import type { Rounding } from '../core/money.js';
import { type ParamUse, type RuleResult, Tracer } from '../core/trace.js';
import { decimal, fen } from './decimal-input.js';
import { art, requireInForce } from './measure.js';

export const BUYBACK_PRICE_ID = 'housing.buyback-price';
export const BUYBACK_PRICE_PARAMS = [
  'housing.measure.in_force',
  'housing.buyback.depreciation_rate_per_year',
  'housing.buyback.interest_rate_tiers',
  'housing.buyback.days_per_year',
  'housing.buyback.price_level_adjustment',
  'housing.buyback.price_rounding',
];

const cpi = decimal(6, '物价指数须为非负数，最多6位小数', 'must be a non-negative number with at most 6 decimals');
/** Price indexes are decimal strings or JSON numbers; they are needed only when K is on. */
export const buybackPriceInput = z.object({
  originalPrice: fen,
  paidOn: isoDate,
  builtOn: isoDate,
  cpiAtPurchase: cpi.optional(),
  cpiAtValuation: cpi.optional(),
});
export type BuybackPriceInput = { originalPrice: number; paidOn: string; builtOn: string; cpiAtPurchase?: string | number; cpiAtValuation?: string | number };

/** Rates and factors are exact decimal strings, or "n/d" when the decimal does not end. */
export type BuybackPriceComponents = {
  formula: string;
  P0: number;
  valuationOn: string;
  builtOn: string;
  paidOn: string;
  A: number;
  d: string;
  /** H = days / denominator exactly; `value` is that fraction rounded to 6 places, for reading only. */
  H: { days: number; denominator: number; value: string };
  r: string;
  K: string;
  priceLevel: { applied: boolean; cpiAtPurchase: string | null; cpiAtValuation: string | null };
  /** 1 − d × A + r × H, exact. */
  factor: string;
  rounding: string;
  params: Record<string, { value: unknown; version: string; reference: string }>;
};
export type BuybackPriceValue = { price: number; components: BuybackPriceComponents };

/** An exact fraction n/d, d > 0. */
type Q = { n: bigint; d: bigint };
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
function q(n: bigint, d = 1n): Q {
  const g = gcd(n, d) || 1n;
  return d < 0n ? { n: -n / g, d: -d / g } : { n: n / g, d: d / g };
}
function dec(s: string): Q {
  const [int, frac = ''] = s.split('.');
  return q(BigInt(int! + frac), 10n ** BigInt(frac.length));
}
const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
const add = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Q, b: Q) => add(a, { n: -b.n, d: b.d });
const le = (a: Q, b: Q) => a.n * b.d <= b.n * a.d;

function roundQ(x: Q, mode: Rounding): bigint {
  const neg = x.n < 0n;
  const a = neg ? -x.n : x.n;
  const whole = a / x.d;
  const rest = a % x.d;
  let up = false;
  if (rest !== 0n) {
    if (mode === 'up') up = true;
    else if (mode === 'half_up') up = rest * 2n >= x.d;
    else if (mode === 'half_even') up = rest * 2n > x.d || (rest * 2n === x.d && whole % 2n === 1n);
  }
  const r = up ? whole + 1n : whole;
  return neg ? -r : r;
}

/** `x` to `places` decimals, half-up. */
function toDecimal(x: Q, places: number): string {
  const scaled = roundQ(mul(x, q(10n ** BigInt(places))), 'half_up');
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(places + 1, '0');
  const text = places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return `${neg ? '-' : ''}${text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text}`;
}

/** Exact text: a decimal when the fraction ends (denominator 2^a·5^b), else "n/d". */
export function exactText(x: Q): string {
  let d = x.d;
  let places = 0;
  while (d % 10n === 0n) [d, places] = [d / 10n, places + 1];
  while (d % 2n === 0n) [d, places] = [d / 2n, places + 1];
  while (d % 5n === 0n) [d, places] = [d / 5n, places + 1];
  return d === 1n ? toDecimal(x, places) : `${x.n}/${x.d}`;
}

/** Parses "1:0.0150" / "*:0.0275" tiers; a malformed parameter is a configuration error. */
function parseTiers(p: ParamUse<string[]>): { bound: Q | null; rate: string }[] {
  return p.value.map((item) => {
    const m = /^(\*|\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(item);
    if (!m) throw new Error(`${p.name} (version ${p.version}): tier "${item}" is not "bound:rate"`);
    return { bound: m[1] === '*' ? null : dec(m[1]!), rate: m[2]! };
  });
}

const text = (v: string | number | undefined) => (v === undefined ? null : String(v));

/** The parameters of the method, as read on one day (a parameter each, with its version and reference). */
export type BuybackMethod = {
  depreciation: ParamUse<string>;
  tiers: ParamUse<string[]>;
  daysPerYear: ParamUse<number>;
  priceLevel: ParamUse<boolean>;
  rounding: ParamUse<string>;
};

/** The method in force on `asOf` (params/housing/buyback.yaml), e.g. for the public method page. */
export function buybackMethod(asOf: string): BuybackMethod {
  const t = new Tracer(BUYBACK_PRICE_ID, asOf);
  return {
    depreciation: t.param<string>('housing.buyback.depreciation_rate_per_year'),
    tiers: t.param<string[]>('housing.buyback.interest_rate_tiers'),
    daysPerYear: t.param<number>('housing.buyback.days_per_year'),
    priceLevel: t.param<boolean>('housing.buyback.price_level_adjustment'),
    rounding: t.param<string>('housing.buyback.price_rounding'),
  };
}

/**
 * The buyback price of a unit valued on `asOf` (the valuation date), by the method in force that day
 * or, given `method`, by that one (a method the bureau is weighing, or a test of the price-level switch).
 * @throws RuleInputError for paidOn or builtOn after asOf, missing or zero price indexes while K is on,
 *   a negative factor, or asOf before the measure.
 */
export function buybackPrice(input: BuybackPriceInput, asOf: string, method?: BuybackMethod): RuleResult<BuybackPriceValue> {
  const t = new Tracer(BUYBACK_PRICE_ID, asOf);
  requireInForce(t);
  for (const field of ['paidOn', 'builtOn'] as const) {
    if (input[field] > asOf) {
      const zh = field === 'paidOn' ? '购房款支付日期' : '房屋竣工日期';
      throw new RuleInputError(field, `${zh}不能晚于评估日期 ${asOf}`, `cannot be after the valuation date ${asOf}`);
    }
  }
  const { depreciation: dP, tiers: tiersP, daysPerYear: yearP, priceLevel: kP, rounding: roundP } = method ?? buybackMethod(asOf);

  const A = ageOn(input.builtOn, asOf);
  t.step('第二十七条', 'A = full years from builtOn to the valuation date (房屋折旧)', A, undefined, [dP]);

  const days = daysBetween(input.paidOn, asOf);
  const H = q(BigInt(days), BigInt(yearP.value));
  const tier = parseTiers(tiersP).find((x) => x.bound === null || le(H, x.bound));
  if (!tier) throw new Error(`${tiersP.name} (version ${tiersP.version}): no tier for H = ${exactText(H)}; end the list with "*:rate"`);
  t.step('第二十七条', `H = days from paidOn / ${yearP.value}; r = rate of the first tier H ≤ bound (同期存款利率)`, { days, H: exactText(H), r: tier.rate }, undefined, [yearP, tiersP]);

  const cpiAtPurchase = text(input.cpiAtPurchase);
  const cpiAtValuation = text(input.cpiAtValuation);
  let K = q(1n);
  if (kP.value) {
    for (const [field, v] of [['cpiAtPurchase', cpiAtPurchase], ['cpiAtValuation', cpiAtValuation]] as const) {
      if (v === null || !/^\d+(?:\.\d+)?$/.test(v) || dec(v).n === 0n) {
        throw new RuleInputError(field, '启用物价水平调整时须填写大于零的物价指数', 'a price index above zero is required while the price-level adjustment is on');
      }
    }
    K = q(dec(cpiAtValuation!).n * dec(cpiAtPurchase!).d, dec(cpiAtValuation!).d * dec(cpiAtPurchase!).n);
  }
  t.step('第二十七条', kP.value ? 'K = cpiAtValuation / cpiAtPurchase (物价水平)' : 'K = 1 (price-level adjustment off)', exactText(K), undefined, [kP]);

  const factor = add(sub(q(1n), mul(dec(dP.value), q(BigInt(A)))), mul(dec(tier.rate), H));
  if (factor.n < 0n) {
    throw new RuleInputError('builtOn', '按折旧计算的回购系数小于零，须由主管部门另行确定', 'depreciation takes the factor below zero; the bureau must value this unit');
  }
  const price = Number(roundQ(mul(mul(q(BigInt(input.originalPrice)), factor), K), roundP.value as Rounding));
  t.step('第二十七条', 'price = P0 × (1 − d × A + r × H) × K, rounded once', { factor: exactText(factor), price }, undefined, [roundP]);

  const params = Object.fromEntries([dP, tiersP, yearP, kP, roundP].map((p) => [p.name, { value: p.value, version: p.version, reference: p.reference }]));
  const components: BuybackPriceComponents = {
    formula: 'P0 × (1 − d × A + r × H) × K',
    P0: input.originalPrice,
    valuationOn: asOf,
    builtOn: input.builtOn,
    paidOn: input.paidOn,
    A,
    d: dP.value,
    H: { days, denominator: yearP.value, value: toDecimal(H, 6) },
    r: tier.rate,
    K: exactText(K),
    priceLevel: { applied: kP.value, cpiAtPurchase, cpiAtValuation },
    factor: exactText(factor),
    rounding: roundP.value,
    params,
  };
  return { value: { price, components }, trace: t.steps, citations: [art(27)] };
}

/** The registry entry (`quancheng rules eval housing.buyback-price`). */
export const buybackPriceRule = {
  id: BUYBACK_PRICE_ID,
  title: '回购价格（第二十七条） / buyback price',
  citations: [art(27)],
  input: buybackPriceInput,
  params: BUYBACK_PRICE_PARAMS,
  evaluate: buybackPrice,
};
