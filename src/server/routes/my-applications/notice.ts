/** Renders a notice (admission or removal) returned by `noticeData` and sends it as a PDF. */
import type { FastifyReply } from 'fastify';
import { noticeData } from '../../../commands/applications/notice-data.js';
import type { CommandContext } from '../../../commands/context.js';
import { renderAdmissionNotice, type AdmissionNoticeData } from '../../../documents/admission-notice.js';
import { renderRemovalNotice, type RemovalNoticeData } from '../../../documents/removal-notice.js';

/** Looks the notice up through the command (which checks access and audits staff reads), renders and sends it. */
export async function sendNoticePdf(ctx: CommandContext, reply: FastifyReply, applicationId: string, noticeNo?: string) {
  const n = await noticeData(ctx, { applicationId, noticeNo });
  const pdf = n.kind === 'admission'
    ? await renderAdmissionNotice(n.data as AdmissionNoticeData)
    : await renderRemovalNotice(n.data as RemovalNoticeData);
  const title = n.kind === 'admission' ? '准予入库通知书' : '移出轮候库通知书';
  const file = `${title}-${n.data.noticeNo}.pdf`;
  return reply
    .code(200)
    .type('application/pdf')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `inline; filename="notice.pdf"; filename*=UTF-8''${encodeURIComponent(file)}`)
    .send(pdf);
}
