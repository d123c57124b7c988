/** Sends a contract PDF as a download named by its number (family and staff routes). */
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '../../../commands/context.js';
import { contractPdf } from '../../../commands/contracts/index.js';
import { attachment } from '../../content-disposition.js';

/** The command checks access (and audits a staff read); the SHA-256 of the bytes goes in a header for checking. */
export async function sendContractPdf(ctx: CommandContext, reply: FastifyReply, contractId: string) {
  const p = await contractPdf(ctx, { contractId });
  return reply
    .code(200)
    .type('application/pdf')
    .header('cache-control', 'private, no-store')
    .header('x-content-sha256', p.sha256)
    .header('content-disposition', attachment('contract.pdf', `购房合同-${p.contractNo}.pdf`))
    .send(p.pdf);
}
