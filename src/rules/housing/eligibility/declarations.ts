/**
 * 第十五条: earlier policy housing, current policy rentals and rental subsidy, and the
 * high-level talent purchase subsidy.
 */
import type { Tracer } from '../../core/trace.js';
import type { EligibilityInput } from './input.js';
import { type Reason, reason } from './reason.js';

const A = '第十五条';

/**
 * The talent purchase subsidy "不得同时享受": a family receiving it is not eligible.
 * Interpretation: the declaration means "currently receiving"; giving it up (and declaring
 * so) makes the family eligible again.
 */
export function noTalentPurchaseSubsidy(t: Tracer, input: EligibilityInput): Reason {
  const receiving = input.declarations.talentPurchaseSubsidy;
  return reason(t, {
    code: 'no_talent_purchase_subsidy', article: A, kind: 'condition', passed: !receiving,
    message_zh: receiving ? '正在享受我市高层次人才购房补贴，与保障性住房政策不得同时享受' : '未享受我市高层次人才购房补贴',
    message_en: receiving ? 'receives the high-level talent purchase subsidy, which cannot be combined with affordable housing' : 'does not receive the high-level talent purchase subsidy',
    value: receiving,
  });
}

/**
 * Duties that come with admission and do not bar it: vacate earlier policy housing; leave a
 * policy rental before moving in; the rental subsidy stops from the month after delivery.
 * Only the declared ones become reasons; all three are in the trace.
 */
export function obligations(t: Tracer, input: EligibilityInput): Reason[] {
  const d = input.declarations;
  const out: Reason[] = [];
  const add = (code: string, declared: boolean, zh: string, en: string) => {
    if (declared) out.push(reason(t, { code, article: A, kind: 'obligation', passed: true, message_zh: zh, message_en: en, value: true }));
    else t.step(A, code, false);
  };
  add('vacate_former_policy_housing', d.formerPolicyHousing,
    '已享受房改房等政策性住房，须按规定腾退原政策性住房', 'has had reform or other policy housing: it must be vacated as required');
  add('exit_policy_rental_before_move_in', d.publicRental,
    '正在承租公租房等政策性租赁住房，须在办理入住手续前退出', 'rents public or other policy rental housing: it must be left before moving in');
  add('rental_subsidy_stops_after_delivery', d.rentalSubsidy,
    '正在领取租赁住房补贴，自保障性住房交付之日的次月起停止发放', 'receives a rental subsidy: it stops from the month after the unit is delivered');
  return out;
}
