/**
 * contractPdf: the contract as a PDF, rendered afresh from the records. The family reads its
 * own; the project's implementer and staff (and the auditor) read any of the project, and each
 * such read is audited because the document carries the buyer's name.
 *
 * A signed contract re-renders to the bytes whose SHA-256 was kept at signing; `matchesSigned`
 * says whether it still does (false would mean the records behind it changed after signing).
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import { applications, selections } from '../../db/schema.js';
import { renderContract } from '../../documents/contract.js';
import { assertOwner } from '../authz.js';
import type { CommandContext } from '../context.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import { contractDocumentData } from './document.js';
import { readContract } from './store.js';

export type ContractPdf = { contractNo: string; status: string; pdf: Buffer; sha256: string; matchesSigned: boolean | null };

/** Render one contract for its family or the project's staff. */
export async function contractPdf(ctx: CommandContext, input: { contractId: string }): Promise<ContractPdf> {
  const { c, data } = await ctx.db.transaction(async (tx) => {
    const c = await readContract(tx, input.contractId);
    if (ctx.actor.role === 'applicant') {
      const [app] = await tx.select({ accountId: applications.accountId }).from(applications).where(eq(applications.id, c.applicationId));
      assertOwner(ctx.actor, app!);
    } else {
      assertProjectAccess(ctx.actor, await loadProject(tx, c.projectId), 'read');
      await appendAudit(tx, { actor: ctx.actor, action: 'contract.pdf.read', targetType: 'contract', targetId: c.id, at: ctx.clock.now(), detail: { contractNo: c.contractNo } });
    }
    const [sel] = await tx.select().from(selections).where(eq(selections.id, c.selectionId));
    return { c, data: await contractDocumentData(tx, ctx, c, sel!) };
  });
  // Rendered after the read transaction: no connection is held while the font is subset.
  const pdf = await renderContract(data);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  return { contractNo: c.contractNo, status: c.status, pdf, sha256, matchesSigned: c.pdfSha256 ? c.pdfSha256 === sha256 : null };
}
