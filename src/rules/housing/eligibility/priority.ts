/**
 * 第六条: the priority flags, derived from the data, never typed in.
 */
import type { Tracer } from '../../core/trace.js';
import type { EligibilityInput } from './input.js';
import type { Family } from './members.js';
import { type Reason, reason } from './reason.js';

const P = 'housing.eligibility.';
const A = '第六条';

export type PriorityCode = 'low_middle_income' | 'two_or_more_children' | 'elderly_member' | 'high_level_talent';

/**
 * One reason per flag, passed when the flag holds. Interpretations: children are the members
 * listed as "child" (children not in the application are not counted); age is 周岁 on the
 * evaluation date; 高层次人才 is the applicant's or the spouse's talent level.
 */
export function priorities(t: Tracer, input: EligibilityInput, f: Family): Reason[] {
  const minChildren = t.param<number>(`${P}priority_min_children`);
  const elderlyAge = t.param<number>(`${P}elderly_age`);
  const levels = t.param<string[]>(`${P}high_level_talent_levels`);

  const lowMiddle = input.incomeStatus === 'low_middle';
  const children = f.members.filter((m) => m.relation === 'child').length;
  const oldest = Math.max(...f.members.map((m) => m.age));
  const talents = f.couple.filter((m) => levels.value.includes(m.talentLevel)).map((m) => m.talentLevel);

  return [
    reason(t, {
      code: 'low_middle_income', article: A, kind: 'priority', passed: lowMiddle,
      message_zh: lowMiddle ? '符合中低收入标准' : '不属于中低收入家庭',
      message_en: lowMiddle ? 'meets the low/middle-income standard' : 'not a low/middle-income family',
      value: input.incomeStatus,
    }),
    reason(t, {
      code: 'two_or_more_children', article: A, kind: 'priority', passed: children >= minChildren.value,
      message_zh: `家庭成员中有子女 ${children} 名${children >= minChildren.value ? `，不少于 ${minChildren.value} 名（生育二孩以上）` : ''}`,
      message_en: `${children} children listed${children >= minChildren.value ? `: at least ${minChildren.value}` : ''}`,
      value: children, params: [minChildren],
    }),
    reason(t, {
      code: 'elderly_member', article: A, kind: 'priority', passed: oldest >= elderlyAge.value,
      message_zh: oldest >= elderlyAge.value ? `家庭成员有 ${elderlyAge.value} 周岁以上老人（最年长 ${oldest} 周岁）` : `家庭成员最年长 ${oldest} 周岁，未满 ${elderlyAge.value} 周岁`,
      message_en: oldest >= elderlyAge.value ? `a member is ${elderlyAge.value} or older (oldest ${oldest})` : `oldest member is ${oldest}, under ${elderlyAge.value}`,
      value: oldest, params: [elderlyAge],
    }),
    reason(t, {
      code: 'high_level_talent', article: A, kind: 'priority', passed: talents.length > 0,
      message_zh: talents.length > 0 ? `高层次人才（${talents.join('、')}类）` : '申请人及配偶均非高层次人才',
      message_en: talents.length > 0 ? `high-level talent (level ${talents.join(', ')})` : 'neither applicant nor spouse is high-level talent',
      value: f.couple.map((m) => m.talentLevel), params: [levels],
    }),
  ];
}
