/**
 * The data a notice PDF prints (src/documents renders it): 准予入库通知书 (第八条) or a
 * 移出轮候库通知书 (第八条 lapse, 第九条 removal, 第三十一条（一） cancellation). The family may
 * fetch its own; staff fetching one is an audited read (it carries names).
 */
import { and, eq } from 'drizzle-orm';
import { notices } from '../../db/schema.js';
import { AAD } from '../../crypto/index.js';
import { appendAudit } from '../../audit/index.js';
import { districtName } from '../../db/reference/districts.js';
import { maskId } from '../../rules/core/mask.js';
import { assertOwner, assertStaff } from '../authz.js';
import type { CommandContext } from '../context.js';
import { notFound } from '../errors.js';
import type { ApplicationForm } from './form.js';
import { readApplication, revisionBySeq } from './store.js';

/** Issuing body printed on notices (第三条: 市住房城乡建设部门 runs the waiting list). */
export const ISSUER = '济南市住房和城乡建设局';

const PRIORITY_LABEL: Record<string, string> = {
  low_middle_income: '符合中低收入标准的家庭', two_or_more_children: '生育二孩以上的家庭',
  elderly_member: '家庭成员有60周岁以上老人', high_level_talent: '高层次人才',
};

/** Notice data by kind; `noticeNo` absent = the application's admission notice. */
export async function noticeData(ctx: CommandContext, input: { applicationId: string; noticeNo?: string }) {
  return ctx.db.transaction(async (tx) => {
    const app = await readApplication(tx, input.applicationId);
    const staff = ctx.actor.role !== 'applicant';
    if (staff) assertStaff(ctx.actor, app, 'read');
    else assertOwner(ctx.actor, app);
    const no = input.noticeNo ?? app.noticeNo;
    if (!no) throw notFound('通知书', 'notice');
    const [n] = await tx.select().from(notices).where(and(eq(notices.noticeNo, no), eq(notices.applicationId, app.id)));
    if (!n) throw notFound('通知书', 'notice');
    const p = n.payload as Record<string, unknown>;
    // The notice names the family as it stood when the notice was issued.
    const rev = await revisionBySeq(tx, app.id, (p.revision as number | undefined) ?? app.currentRevision);
    const form = ctx.crypto.decryptJson<ApplicationForm>(rev!.formEnc, AAD.revisionForm(app.id));
    const applicant = form.members.find((m) => m.relation === 'applicant')!;
    if (staff) await appendAudit(tx, { actor: ctx.actor, action: 'notice.read', targetType: 'application', targetId: app.id, at: ctx.clock.now(), detail: { noticeNo: no } });
    const base = { noticeNo: n.noticeNo, regCode: app.regCode, applicantName: applicant.name, maskedId: maskId(applicant.idNumber), districtName: districtName(app.districtCode) ?? app.districtCode, issuer: ISSUER };
    if (n.kind === 'admission') {
      return {
        kind: 'admission' as const,
        data: {
          ...base, category: (p.category as string) ?? '', admittedOn: n.issuedOn, reconfirmBy: (p.reconfirmBy as string),
          priority: ((p.priority as string[]) ?? []).map((code) => ({ code, label_zh: PRIORITY_LABEL[code] ?? code, article: '第六条' })),
          members: form.members.map((m) => ({ name: m.name, relation: m.relation })),
        },
      };
    }
    const kind = ({ removal: 'removed', lapse: 'lapsed', cancellation: 'cancelled' } as const)[n.kind as 'removal' | 'lapse' | 'cancellation'];
    return {
      kind,
      data: {
        ...base, kind, reason_zh: String(p.reason ?? ''), article: kind === 'cancelled' ? '第三十一条第（一）项' : kind === 'lapsed' ? '第八条' : '第九条',
        admittedOn: app.admittedOn ?? '', removedOn: n.issuedOn,
      },
    };
  });
}
