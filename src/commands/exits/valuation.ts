/**
 * The valuation of a unit for its exit (济政发〔2025〕3号 第二十七条: 回购价格按照原购房价款，结合房屋折旧、
 * 同期存款利率、物价水平等因素确定), by rule housing.buyback-price on the valuation day.
 *
 * Readings of the inputs:
 * - P0 (原购房价款) is the price of the sale that brought the unit to a private holder last: the purchase
 *   contract of the latest bought title (first sale; a resale or internal transfer signs its own contract).
 *   A unit held by inheritance or divorce keeps the price its buyer paid (第二十二条: 性质不变). An internal
 *   transfer without a contract row takes the price of its completed transfer offer.
 * - paidOn (the day the price was paid, from which the deposit interest H runs): the contract's signing day.
 *   The down payment is paid at signing (第十一、十三条) and the platform records the loan as disbursed at
 *   signing, so the whole price counts as paid that day. A transfer offer's price counts from its registration.
 * - builtOn: the building's completion (buildings.completed_on), from which depreciation A counts.
 * - The price-level factor K takes the price indexes only while the method's switch is on.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { transferOffers } from '../../db/schema.js';
import { todayInShanghai } from '../../rules/core/dates.js';
import { RuleInputError } from '../../rules/core/errors.js';
import { buybackMethod, buybackPrice } from '../../rules/housing/buyback-price.js';
import { DomainError, invalid } from '../errors.js';
import { purchaseContractOf } from './register.js';

/** Price indexes (CPI) for K, as entered by staff. */
export type CpiInput = { cpiAtPurchase?: string | null; cpiAtValuation?: string | null };

/** Where each input of the valuation came from. */
export type ValuationSources = {
  P0: { kind: 'contract' | 'transfer_offer'; ref: string; titleId: string };
  paidOn: { kind: 'contract_signed' | 'transfer_registered'; reading: string };
  builtOn: { kind: 'building_completed'; building: string };
};

async function originalSale(tx: Tx, unitId: string) {
  const { title, contract } = await purchaseContractOf(tx, unitId);
  if (title && contract?.signedAt) {
    return {
      price: contract.priceFen, paidOn: todayInShanghai(contract.signedAt),
      sources: { P0: { kind: 'contract' as const, ref: contract.contractNo, titleId: title.id }, paidOn: { kind: 'contract_signed' as const, reading: '签约日（首付款签约时支付，贷款视同签约时发放）' } },
    };
  }
  if (title?.origin === 'internal_transfer' && title.holderApplicationId) {
    const [offer] = await tx.select().from(transferOffers)
      .where(and(eq(transferOffers.unitId, unitId), eq(transferOffers.buyerApplicationId, title.holderApplicationId), eq(transferOffers.status, 'completed')))
      .orderBy(desc(transferOffers.registeredOn)).limit(1);
    if (offer?.registeredOn) {
      return {
        price: offer.priceFen, paidOn: offer.registeredOn,
        sources: { P0: { kind: 'transfer_offer' as const, ref: offer.id, titleId: title.id }, paidOn: { kind: 'transfer_registered' as const, reading: '内部流转转移登记日' } },
      };
    }
  }
  throw new DomainError('NO_PURCHASE_PRICE', 409, '找不到该房屋的原购房合同，无法按第二十七条测算回购价格。',
    'The unit\'s original purchase contract cannot be found, so the 第二十七条 price cannot be computed.');
}

const cpiText = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? undefined : v);

/** Values the unit on `asOf`; 400 naming the field for price indexes given while K is off or missing while it is on. */
export async function valueUnit(tx: Tx, a: { unitId: string; building: { name: string; completedOn: string | null } }, asOf: string, cpi: CpiInput) {
  if (!a.building.completedOn) {
    throw new DomainError('NO_COMPLETION_DATE', 409, `${a.building.name}未登记竣工日期，无法计算房屋折旧（第二十七条）。`,
      `The building ${a.building.name} has no completion date, so depreciation cannot be computed (第二十七条).`);
  }
  const method = buybackMethod(asOf);
  const input = { cpiAtPurchase: cpiText(cpi.cpiAtPurchase), cpiAtValuation: cpiText(cpi.cpiAtValuation) };
  if (!method.priceLevel.value) {
    for (const f of ['cpiAtPurchase', 'cpiAtValuation'] as const) {
      if (input[f] !== undefined) throw invalid(f, '物价水平调整（K）未启用，不应填写物价指数（第二十七条）。', `${f} is not used: the price-level adjustment (K) is off (第二十七条).`);
    }
  }
  const sale = await originalSale(tx, a.unitId);
  try {
    const result = buybackPrice({ originalPrice: sale.price, paidOn: sale.paidOn, builtOn: a.building.completedOn, ...input }, asOf, method);
    const sources: ValuationSources = { ...sale.sources, builtOn: { kind: 'building_completed', building: a.building.name } };
    return { ...result, asOf, sources };
  } catch (e) {
    if (e instanceof RuleInputError) throw invalid(e.field, e.message_zh, `${e.field}: ${e.message_en}`);
    throw e;
  }
}
export type Valuation = Awaited<ReturnType<typeof valueUnit>>;
