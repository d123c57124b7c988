/** Renders a notice (admission or removal) returned by `noticeData` and sends it as a PDF download (family and staff routes). */
import type { FastifyReply } from 'fastify';
import { noticeData } from '../../../commands/applications/notice-data.js';
import type { CommandContext } from '../../../commands/context.js';
import { renderAdmissionNotice, type AdmissionNoticeData } from '../../../documents/admission-notice.js';
import { renderRemovalNotice, type RemovalNoticeData } from '../../../documents/removal-notice.js';
import { attachment } from '../../content-disposition.js';

/** Looks the notice up through the command (which checks access and audits staff reads), renders and sends it. */
export async function sendNoticePdf(ctx: CommandContext, reply: FastifyReply, applicationId: string, noticeNo?: string) {
  const n = await noticeData(ctx, { applicationId, noticeNo });
  const pdf = n.kind === 'admission'
    ? await renderAdmissionNotice(n.data as AdmissionNoticeData)
    : await renderRemovalNotice(n.data as RemovalNoticeData);
  const title = n.kind === 'admission' ? '准予入库通知书' : '移出轮候库通知书';
  // a download named by the family's registration code; the notice number is printed inside
  return reply
    .code(200)
    .type('application/pdf')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', attachment('notice.pdf', `${title}-${n.data.regCode}.pdf`))
    .send(pdf);
}
