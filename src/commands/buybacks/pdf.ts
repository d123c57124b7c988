/**
 * buybackContractPdf: the buyback contract (济政发〔2025〕3号 第二十八条) as a PDF, rendered afresh
 * from the records for the project's staff and the auditor. Every read is audited, naming the
 * family, because the document carries the holder's full name.
 *
 * A signed contract re-renders to the bytes whose SHA-256 was kept at signing; `matchesSigned`
 * says whether it still does (false would mean the records behind it changed after signing).
 */
import { createHash } from 'node:crypto';
import { appendAudit } from '../../audit/index.js';
import { renderBuybackContract } from '../../documents/buyback-contract.js';
import type { CommandContext } from '../context.js';
import { buybackDocumentData } from './document.js';
import { exitOfContract, readBuyback, requireContract } from './store.js';

export type BuybackContractPdf = { contractNo: string; status: string; pdf: Buffer; sha256: string; matchesSigned: boolean | null };

/** Render one buyback contract. */
export async function buybackContractPdf(ctx: CommandContext, id: string): Promise<BuybackContractPdf> {
  const { c, data } = await ctx.db.transaction(async (tx) => {
    const b = await readBuyback(tx, ctx.actor, await exitOfContract(tx, id));
    const c = requireContract(b);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'buyback.contract.pdf.read', targetType: 'buyback_contract', targetId: c.id, at: ctx.clock.now(),
      detail: { contractNo: c.contractNo, exitNo: b.exit.exitNo, applicationId: b.exit.applicationId, holderTitleId: b.exit.titleId },
    });
    return { c, data: await buybackDocumentData(tx, ctx, c, b.exit) };
  });
  // Rendered after the read transaction: no connection is held while the font is subset.
  const pdf = await renderBuybackContract(data);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  return { contractNo: c.contractNo, status: c.status, pdf, sha256, matchesSigned: c.pdfSha256 ? c.pdfSha256 === sha256 : null };
}
