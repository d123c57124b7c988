/**
 * registerBuybackTransfer: 济政发〔2025〕3号 第二十九条 — 原购房家庭配合办理不动产转移登记. The title
 * passes to the government (holder government, origin buyback) through supersedeTitle
 * (src/commands/titles); the new certificate keeps the nature and land nature of 第十八条.
 *
 * Readings: the transfer follows the signed contract (its clause on 产权变更 is what the parties
 * register); the family's title is superseded on the new certificate's date. Registering the same
 * certificate again is a retry; another certificate for the same buyback is 409.
 */
import { appendAudit } from '../../audit/index.js';
import type { CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { exitStage } from '../exits/store.js';
import { supersedeTitle } from '../titles/index.js';
import { parseInput } from '../validate.js';
import { TransferBody, type TransferInput } from './inputs.js';
import { currentTitle, lockBuyback, requireContract, transferTitleOf } from './store.js';

export type BuybackTransfer = { exitId: string; titleId: string; certificateNo: string; issuedOn: string; previousCertificateNo: string | null; registered: boolean };

/** Record the transfer registration of a buyback to the government. */
export async function registerBuybackTransfer(ctx: CommandContext, raw: TransferInput): Promise<BuybackTransfer> {
  const body = parseInput(TransferBody, { certificateNo: raw.certificateNo, issuedOn: raw.issuedOn });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const b = await lockBuyback(tx, ctx.actor, raw.exitId);
    const done = await transferTitleOf(tx, b.exit.id);
    if (done) {
      if (done.certificateNo === body.certificateNo) {
        return { exitId: b.exit.id, titleId: done.id, certificateNo: done.certificateNo, issuedOn: done.issuedOn, previousCertificateNo: null, registered: false };
      }
      throw new DomainError('TRANSFER_REGISTERED', 409, `该回购已办理转移登记（证书号 ${done.certificateNo}）。`,
        `The transfer to the government is already registered (certificate ${done.certificateNo}).`, 'certificateNo', { certificateNo: done.certificateNo });
    }
    const c = requireContract(b);
    if (c.status !== 'signed' || b.exit.status !== 'contracted') {
      throw exitStage(b.exit, '须先签订回购合同再办理转移登记（第二十八、二十九条）。', 'the transfer is registered after the buyback contract is signed.');
    }
    const current = await currentTitle(tx, b.exit.unitId);
    if (current?.id !== b.exit.titleId) {
      throw new DomainError('HOLDER_CHANGED', 409, '房屋现行不动产权证书已不是申请回购时的证书，请核查。', 'The unit\'s current title is no longer the one the buyback was applied for.', undefined, { current: current?.certificateNo ?? null });
    }
    const { previous, current: t } = await supersedeTitle(tx, ctx, {
      unitId: b.exit.unitId, on: body.issuedOn,
      newTitle: { certificateNo: body.certificateNo, issuedOn: body.issuedOn, origin: 'buyback', holder: { kind: 'government' }, exitId: b.exit.id },
    });
    await appendAudit(tx, {
      actor: ctx.actor, action: 'buyback.transfer', targetType: 'exit_application', targetId: b.exit.id, at: now,
      detail: { exitNo: b.exit.exitNo, contractNo: c.contractNo, from: previous.certificateNo, to: t.certificateNo, issuedOn: t.issuedOn, article: '第二十九条' },
    });
    return { exitId: b.exit.id, titleId: t.id, certificateNo: t.certificateNo, issuedOn: t.issuedOn, previousCertificateNo: previous.certificateNo, registered: true };
  });
}
