/**
 * Shapes exits for the API (济政发〔2025〕3号 第二十四至二十七条): named fields only, dates as strings, and the
 * 第二十七条 valuation as readable lines (input, parameter or component, with its reference).
 */
import type { ExitBoardRow, ExitDetail, ExitView, Valuation } from '../../../commands/exits/index.js';

/** One exit in short. */
export function presentExit(v: ExitView) {
  return { ...v, projectName: v.project.name };
}

/** One row of the board: the exit in short with the eligibility's verdict only. */
export function presentBoardRow(v: ExitBoardRow) {
  return { ...v, projectName: v.project.name };
}

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : d);
const dated = <T extends Record<string, unknown>>(row: T) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, iso(v)]));

/** The valuation's lines, in the order of the formula P0 × (1 − d × A + r × H) × K. */
export function valuationLines(v: Valuation) {
  const c = v.value.components;
  const ref = (name: string) => c.params[name]?.reference ?? null;
  return [
    { name: 'P0', label: '原购房价款（分）', value: c.P0, reference: `${v.sources.P0.kind} ${v.sources.P0.ref}` },
    { name: 'paidOn', label: '付款日', value: c.paidOn, reference: v.sources.paidOn.reading },
    { name: 'builtOn', label: '竣工日', value: c.builtOn, reference: v.sources.builtOn.building },
    { name: 'A', label: '竣工起满整年数', value: c.A, reference: null },
    { name: 'd', label: '年折旧率', value: c.d, reference: ref('housing.buyback.depreciation_rate_per_year') },
    { name: 'H', label: `持有年限（${c.H.days}/${c.H.denominator}）`, value: c.H.value, reference: ref('housing.buyback.days_per_year') },
    { name: 'r', label: '同期存款利率', value: c.r, reference: ref('housing.buyback.interest_rate_tiers') },
    { name: 'K', label: '物价水平系数', value: c.K, reference: ref('housing.buyback.price_level_adjustment') },
    { name: 'factor', label: '1 − d × A + r × H', value: c.factor, reference: null },
    { name: 'price', label: '回购价格（分）', value: v.value.price, reference: ref('housing.buyback.price_rounding') },
  ];
}

/** One exit in full. */
export function presentDetail(d: ExitDetail) {
  const { checks, valuation, contract, payments, vacating, transferOffer, transfer, vacatingExpected, ...view } = d;
  return {
    ...presentExit(view), checks,
    valuation: valuation ? {
      valuedOn: valuation.valuedOn, priceFen: valuation.value.price, lines: valuationLines(valuation), components: valuation.value.components,
      sources: valuation.sources, trace: valuation.trace,
    } : null,
    contract: contract ? dated(contract) : null,
    payments: payments.map(dated), vacating: vacating.map(dated),
    transferOffer: transferOffer ? dated(transferOffer) : null,
    transfer, vacatingExpected,
  };
}
