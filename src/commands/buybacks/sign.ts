/**
 * signBuybackContract: the buyback contract is signed (济政发〔2025〕3号 第二十八、二十九条:
 * 签订回购协议后按回购资金10%的比例先行支付). Staff of the project's level record the signing; the
 * PDF is rendered from the records as signed and its SHA-256 kept, and the exit becomes
 * `contracted` (the first payment is then due).
 *
 * Reading: both parties sign on paper at the housing department; the platform records that it
 * happened, on the day staff record it. A retry after success returns the signed contract.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import { buybackContracts } from '../../db/schema.js';
import { renderBuybackContract } from '../../documents/buyback-contract.js';
import { fenToYuan } from '../../rules/core/money.js';
import type { CommandContext } from '../context.js';
import { exitStage } from '../exits/store.js';
import { buybackDocumentData } from './document.js';
import { notifyFamily, unitLabel } from './notices.js';
import { exitOfContract, lockBuyback, requireContract, updateExit, type Schedule } from './store.js';
import { buybackContractView, type BuybackContractView } from './view.js';

/** Sign a generated buyback contract. */
export async function signBuybackContract(ctx: CommandContext, input: { id: string }): Promise<BuybackContractView> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const b = await lockBuyback(tx, ctx.actor, await exitOfContract(tx, input.id));
    const c = requireContract(b);
    if (c.status === 'signed') return buybackContractView(tx, c.id);
    if (b.exit.status !== 'accepted') throw exitStage(b.exit, '不能签订回购合同。', 'the buyback contract cannot be signed now.');
    const signed = { ...c, status: 'signed', signedAt: now };
    const pdf = await renderBuybackContract(await buybackDocumentData(tx, ctx, signed, b.exit));
    const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
    await tx.update(buybackContracts).set({ status: 'signed', signedAt: now, pdfSha256 }).where(eq(buybackContracts.id, c.id));
    await updateExit(tx, b.exit, { status: 'contracted' });
    const schedule = c.schedule as Schedule;
    await notifyFamily(tx, b.exit, 'buyback_contract_signed', { unit: await unitLabel(tx, b.exit.unitId), contractNo: c.contractNo, firstYuan: fenToYuan(schedule.first) }, now);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'buyback.contract.sign', targetType: 'buyback_contract', targetId: c.id, at: now,
      detail: { contractNo: c.contractNo, exitNo: b.exit.exitNo, priceFen: c.priceFen, pdfSha256, exitStatus: { from: 'accepted', to: 'contracted' } },
    });
    return buybackContractView(tx, c.id);
  });
}
