import { payloadFingerprint } from './fingerprint.js';
import { categoryLabel, chineseDate, relationLabel } from './labels.js';
import { NoticeWriter } from './notice-layout.js';

/** What a 准予入库通知书 (济政发〔2025〕3号 第八条) prints. */
export interface AdmissionNoticeData {
  /** The notice number issued on approval, printed as given. */
  noticeNo: string;
  /** Registration code of the application (public results list it, 第七条). */
  regCode: string;
  applicantName: string;
  /** ID number already masked (at most first 2 and last 2 digits shown). */
  maskedId: string;
  districtName: string;
  /** "wage_family" | "talent", or a label. */
  category: string;
  /** 第六条 priority flags, each with its article. */
  priority: { code: string; label_zh: string; article: string }[];
  /** YYYY-MM-DD */
  admittedOn: string;
  /** relation: a relation code (applicant, spouse, …) or a label. */
  members: { name: string; relation: string }[];
  /** YYYY-MM-DD: the two-year anniversary by which the family must re-confirm (第八条). */
  reconfirmBy: string;
  /** Issuing body, e.g. 济南市住房和城乡建设局. */
  issuer: string;
}

const DOC = '《济南市保障性住房配售和封闭管理办法》（济政发〔2025〕3号）';

/** The fingerprint printed on an admission notice: SHA-256 of its canonical payload. */
export function admissionNoticeFingerprint(data: AdmissionNoticeData): string {
  return payloadFingerprint({ document: 'admission-notice', ...data });
}

/**
 * Renders the 准予入库通知书 of 济政发〔2025〕3号 第八条 as a one-page A4 PDF:
 * admission to the 轮候库, the family, category and 第六条 priority flags, the
 * re-confirmation duty (第八条), change and withdrawal (第九条) and the
 * declarations of 第十五条, the issuer, and a verification line.
 */
export async function renderAdmissionNotice(data: AdmissionNoticeData): Promise<Buffer> {
  const w = new NoticeWriter({ title: '准予入库通知书', subject: `${data.regCode} 准予入库通知书`, date: data.admittedOn });
  const fingerprint = admissionNoticeFingerprint(data);

  w.header('准予入库通知书', data.noticeNo);
  w.paragraph(`${data.applicantName}（公民身份号码 ${data.maskedId}）家庭：`);
  w.paragraph(
    `你家庭提交的保障性住房入库申请（登记编号 ${data.regCode}），经审核，符合${DOC}第五条规定的保障条件。` +
      `根据第八条规定，准予纳入济南市保障性住房轮候库，自${chineseDate(data.admittedOn)}起轮候。特此通知。`,
    { indent: true },
  );

  w.heading('一、入库信息');
  w.table(
    [
      { header: '登记编号', width: 0.25 },
      { header: '所属区县', width: 0.15 },
      { header: '保障类别', width: 0.22 },
      { header: '入库日期', width: 0.19 },
      { header: '信息确认截止日', width: 0.19 },
    ],
    [[data.regCode, data.districtName, categoryLabel(data.category), chineseDate(data.admittedOn), chineseDate(data.reconfirmBy)]],
  );

  w.heading('二、家庭成员');
  // Two members per table row keeps a family of up to eight on one page.
  const memberRows: string[][] = [];
  for (let i = 0; i < data.members.length; i += 2) {
    const pair = [data.members[i]!, data.members[i + 1]];
    memberRows.push(
      pair.flatMap((m, j) => (m ? [String(i + j + 1), m.name, relationLabel(m.relation)] : ['', '', ''])),
    );
  }
  const memberColumns = [
    { header: '序号', width: 0.08 },
    { header: '姓名', width: 0.24 },
    { header: '与申请人关系', width: 0.18 },
  ];
  w.table([...memberColumns, ...memberColumns], memberRows);

  w.heading('三、优先摇号选房待遇（第六条）');
  if (data.priority.length === 0) {
    w.paragraph('经审核，你家庭暂不符合优先摇号选房条件，按一般轮候家庭参加摇号选房。', { indent: true });
  } else {
    const flags = data.priority.map((p, i) => `（${i + 1}）${p.label_zh}（${p.article}）`).join('；');
    w.paragraph(`经审核，你家庭符合下列情形，可享受优先摇号选房待遇：${flags}。`, { indent: true });
  }

  w.heading('四、注意事项');
  const reminders = [
    `1. 纳入轮候库2年内未完成认购的，应于${chineseDate(data.reconfirmBy)}前（含当日）再次更新并确认家庭信息；未进行信息确认的，失去轮候资格，可重新提交入库申请（第八条）。`,
    '2. 轮候期间，家庭户籍、收入、人口、学历层次、家庭住房等情况发生变化的，可在有效期内申请修改相关信息或退出轮候库；住房城乡建设部门定期核查轮候家庭住房情况，不再满足保障条件的，移出轮候库并通知申请人（第九条）。',
    '3. 已享受房改房等政策性住房的，需按规定腾退原政策性住房；正在承租政策性租赁住房或领取租赁住房补贴的，应在申购时如实说明；高层次人才购房补贴政策与保障性住房政策不得同时享受（第十五条）。',
    '4. 弄虚作假骗取保障资格的，将依照第三十一条规定处理。',
  ];
  for (const r of reminders) w.paragraph(r, { small: true });

  w.signature(data.issuer, data.admittedOn);
  w.footer([
    `核验信息：登记编号 ${data.regCode}；通知书编号 ${data.noticeNo}。本通知书由泉城安居平台依据审核结果生成，可凭登记编号与指纹核验。`,
    `SHA-256 指纹：${fingerprint}`,
  ]);
  return w.finish();
}
