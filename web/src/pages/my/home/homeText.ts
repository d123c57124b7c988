/**
 * Reading aids of 我的住房 (第二十二、二十四、二十六条): days between dates, the two-year mark,
 * deadlines and the steps of an exit. Dates are ISO `YYYY-MM-DD`; "today" is the server's, so
 * every count agrees with what the server will decide.
 */
import type { EligibilityReason, ExitEligibility, ExitRoute, ExitStatus } from '../../../api/home';
import type { Reason } from '../../../api/types';

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [a, b] = [from, to].map((d) => {
    const [y, m, day] = d.split('-').map(Number);
    return Date.UTC(y!, m! - 1, day!);
  });
  return Math.round((b! - a!) / 86_400_000);
}

/**
 * 第二十四条: "已满2年" from the earliest exit date on, otherwise the days still to wait and that
 * date. The number of years is read off the server's dates (the title's and the earliest exit
 * date, which rule housing.exit-eligibility computes from its parameter), never written here.
 */
export function holdingText(today: string, issuedOn: string, earliestExitOn: string): { reached: boolean; years: number; text: string } {
  const years = Number(earliestExitOn.slice(0, 4)) - Number(issuedOn.slice(0, 4));
  const left = daysBetween(today, earliestExitOn);
  if (left <= 0) return { reached: true, years, text: `已满${years}年` };
  return { reached: false, years, text: `还需 ${left} 天，${earliestExitOn} 起可申请退出` };
}

/**
 * A deadline read by a family: days left, today, or days overdue. `near` marks the last
 * fortnight (a display choice: the page makes the obligation prominent then, not a policy number).
 */
export function deadlineText(daysLeft: number): { text: string; near: boolean; overdue: boolean } {
  if (daysLeft < 0) return { text: `已逾期 ${-daysLeft} 天`, near: true, overdue: true };
  if (daysLeft === 0) return { text: '今天截止', near: true, overdue: false };
  return { text: `剩余 ${daysLeft} 天`, near: daysLeft <= 14, overdue: false };
}

/** What antd Steps show for an exit: 提交 → 受理 → 签约 / 挂牌 → 办结. */
export interface ExitStepsView {
  current: number;
  status: 'process' | 'finish' | 'error';
  titles: [string, string, string, string];
  /** Words under the current step. */
  note: string;
}

/**
 * Maps an exit's state (docs/CONTRACT.md, States: exit application) on the four steps. A
 * refused or withdrawn application stops at 受理 in red; internal transfer's "matched" (a buyer
 * chosen) waits on 办结 like a signed buyback waits for the balance.
 */
export function exitSteps(route: ExitRoute, status: ExitStatus): ExitStepsView {
  const third = route === 'buyback' ? '签约' : '挂牌';
  const titles: ExitStepsView['titles'] = ['提交', '受理', third, '办结'];
  switch (status) {
    case 'submitted':
      return { current: 1, status: 'process', titles, note: '等待住房城乡建设部门核查受理' };
    case 'refused':
      return { current: 1, status: 'error', titles: ['提交', '不予受理', third, '办结'], note: '申请未被受理' };
    case 'withdrawn':
      return { current: 1, status: 'error', titles: ['提交', '已撤回', third, '办结'], note: '申请已撤回' };
    case 'accepted':
      return { current: 2, status: 'process', titles, note: route === 'buyback' ? '等待签订回购合同' : '等待挂牌流转' };
    case 'contracted':
      return { current: 3, status: 'process', titles, note: '回购合同已签订，待腾退、转移登记后结清价款' };
    case 'offered':
      return { current: 3, status: 'process', titles, note: '已挂牌，等待轮候家庭申请' };
    case 'matched':
      return { current: 3, status: 'process', titles, note: '已确定受让家庭，待办理转移登记' };
    case 'completed':
      return { current: 3, status: 'finish', titles, note: '已办结' };
  }
}

/** Exits still under way (the unit has one at most). */
export const OPEN_EXIT: readonly ExitStatus[] = ['submitted', 'accepted', 'contracted', 'offered', 'matched'];

/** One line per route, with the article that allows it. */
export const ROUTE_TEXT: Record<ExitRoute, { label: string; line: string; article: string }> = {
  buyback: { label: '政府回购', line: '由住房城乡建设部门回购，价格按公布的测算方式确定', article: '第二十七条' },
  internal_transfer: { label: '轮候家庭内部流转', line: '转让给轮候库中的家庭，价格不高于回购价格，按轮候顺序确定受让家庭', article: '第二十四条' },
};

/** What each reason of rule housing.exit-eligibility means to the family. */
export const REASON_TEXT: Record<EligibilityReason['code'], string> = {
  HOLDING_PERIOD: '取得不动产权证未满规定年限',
  EXTRA_LOAN_OR_MORTGAGE: '存在购房贷款抵押以外的贷款或抵押',
  LEASED: '房屋存在租赁关系',
  LEGAL_DISPUTE: '房屋存在法律纠纷',
  USE_CHANGED: '房屋改变了居住用途',
  STRUCTURE_ALTERED: '房屋结构有拆改',
};

/** The rule's reasons as the shared <Reasons> list shows them (each a condition not met). */
export function eligibilityReasons(e: ExitEligibility): Reason[] {
  return e.value.reasons.map((r) => ({ code: r.code, article: r.article, passed: false, message_zh: REASON_TEXT[r.code] }));
}
