import { payloadFingerprint } from './fingerprint.js';
import { chineseDate } from './labels.js';
import { NoticeWriter } from './notice-layout.js';

/** Why a family left the 轮候库; each has its own article in 济政发〔2025〕3号. */
export type RemovalKind = 'removed' | 'lapsed' | 'cancelled';

/** What a 移出轮候库通知书 prints. */
export interface RemovalNoticeData {
  noticeNo: string;
  regCode: string;
  applicantName: string;
  /** ID number already masked (at most first 2 and last 2 digits shown). */
  maskedId: string;
  districtName: string;
  /** removed: re-check found the family no longer qualifies (第九条); lapsed: not re-confirmed (第八条); cancelled: deception (第三十一条(一)). */
  kind: RemovalKind;
  /** The concrete reason in Chinese, e.g. the finding of the property re-check. */
  reason_zh: string;
  /** Article the decision rests on, e.g. "第九条" or "第三十一条第（一）项". */
  article: string;
  /** YYYY-MM-DD */
  admittedOn: string;
  /** YYYY-MM-DD: the day the family left the register. */
  removedOn: string;
  issuer: string;
}

const DOC = '《济南市保障性住房配售和封闭管理办法》（济政发〔2025〕3号）';

// What the family may do next. Only 第八条 says in terms that a lapsed family may
// apply again; for a re-check removal we read 第五条 together with 第四条 (the
// register takes every family that qualifies) to mean the same once it qualifies
// again. For deception 第三十一条 says nothing about re-applying, so the notice
// promises nothing.
const NEXT: Record<RemovalKind, string> = {
  lapsed: '轮候资格失效的家庭可重新提交入库申请（第八条）。',
  removed: '你家庭情况发生变化、重新符合保障条件的，可重新提交入库申请。',
  cancelled: '已取得的保障性住房购房资格予以取消（第三十一条）。',
};

const TITLE = '移出轮候库通知书';

/** The fingerprint printed on a removal notice: SHA-256 of its canonical payload. */
export function removalNoticeFingerprint(data: RemovalNoticeData): string {
  return payloadFingerprint({ document: 'removal-notice', ...data });
}

/**
 * Renders the notice that tells a family it has left the 轮候库 and why:
 * removal after a re-check (第九条, "移出轮候库并通知申请人"), lapse for not
 * re-confirming (第八条), or cancellation for deception (第三十一条(一)).
 */
export async function renderRemovalNotice(data: RemovalNoticeData): Promise<Buffer> {
  const w = new NoticeWriter({ title: TITLE, subject: `${data.regCode} ${TITLE}`, date: data.removedOn });
  w.header(TITLE, data.noticeNo);
  w.paragraph(`${data.applicantName}（公民身份号码 ${data.maskedId}）家庭：`);
  w.paragraph(
    `你家庭于${chineseDate(data.admittedOn)}纳入济南市保障性住房轮候库（登记编号 ${data.regCode}，${data.districtName}）。` +
      `${data.reason_zh}根据${DOC}${data.article}规定，自${chineseDate(data.removedOn)}起移出轮候库，轮候记录予以保留。特此通知。`,
    { indent: true },
  );
  w.heading('一、移出原因及依据');
  w.table(
    [
      { header: '原因', width: 0.7 },
      { header: '依据', width: 0.3 },
    ],
    [[data.reason_zh, `济政发〔2025〕3号${data.article}`]],
  );
  w.heading('二、后续事项');
  w.paragraph(`1. ${NEXT[data.kind]}`, { small: true });
  w.paragraph('2. 对本通知认定的事实有异议的，可持相关材料向所属区县住房城乡建设部门申请核实；也可依法申请行政复议或者提起行政诉讼。', { small: true });
  w.signature(data.issuer, data.removedOn);
  w.footer([
    `核验信息：登记编号 ${data.regCode}；通知书编号 ${data.noticeNo}。本通知书由泉城安居平台生成，可凭登记编号与指纹核验。`,
    `SHA-256 指纹：${removalNoticeFingerprint(data)}`,
  ]);
  return w.finish();
}
