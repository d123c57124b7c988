/**
 * 第五条: housing difficulty, hukou, and the two categories (城市工薪收入家庭 and 城市引进人才);
 * with the family-unit and adult-applicant conditions the articles assume.
 */
import type { Tracer } from '../../core/trace.js';
import { EDUCATION_LEVELS, type EligibilityInput, LEVEL_ZH, SKILL_LEVELS } from './input.js';
import type { Family } from './members.js';
import { type Reason, reason } from './reason.js';

const P = 'housing.eligibility.';

/**
 * 第五条 ("每个家庭限购1套"): the family applies as one unit. Interpretation: a married applicant
 * must list the spouse (otherwise a couple could hold two places), and a listed spouse must be
 * married; a single, divorced or widowed applicant lists no spouse.
 */
export function familyUnit(t: Tracer, f: Family): Reason {
  const married = f.applicant.maritalStatus === 'married';
  const passed = married === !!f.spouse && (!f.spouse || f.spouse.maritalStatus === 'married');
  const [zh, en] = passed
    ? ['家庭成员与婚姻状况一致', 'members agree with the marital status']
    : married && !f.spouse
      ? ['申请人已婚，须将配偶列为家庭成员共同申请', 'the applicant is married: the spouse must be listed as a member']
      : ['所列配偶与申请人或配偶的婚姻状况不一致', 'a spouse is listed but the marital status of applicant or spouse is not "married"'];
  return reason(t, { code: 'family_unit', article: '第五条', kind: 'condition', passed, message_zh: zh, message_en: en, value: { applicant: f.applicant.maritalStatus, spouse: f.spouse?.maritalStatus ?? null } });
}

/** 第十五条 ("成年后…可另行申请"): the applicant is an adult (《民法典》第十七条). */
export function adultApplicant(t: Tracer, f: Family): Reason {
  const adult = t.param<number>(`${P}adult_age`);
  const passed = f.applicant.age >= adult.value;
  return reason(t, {
    code: 'applicant_adult', article: '第十五条', kind: 'condition', passed,
    message_zh: passed ? `申请人 ${f.applicant.age} 周岁，已成年` : `申请人 ${f.applicant.age} 周岁，未满 ${adult.value} 周岁，不能作为申请人`,
    message_en: passed ? `the applicant is ${f.applicant.age}, an adult` : `the applicant is ${f.applicant.age}, under ${adult.value}, and cannot apply`,
    value: f.applicant.age, params: [adult],
  });
}

/**
 * 第五条 "住房困难": no dwelling, or at most the parameter's number of dwellings with less floor
 * area per listed member than the parameter's line (strictly below, as "低于" reads).
 */
export function housingDifficulty(t: Tracer, input: EligibilityInput, f: Family): Reason {
  const maxUnits = t.param<number>(`${P}housing_difficulty_max_owned_units`);
  const line = t.param<number>(`${P}housing_difficulty_per_capita_area`);
  const { ownedUnits, ownedArea } = input.housing;
  const n = f.members.length;
  const perCapita = ownedArea / n;
  const passed = ownedUnits === 0 || (ownedUnits <= maxUnits.value && ownedArea < line.value * n);
  const shown = perCapita.toFixed(2);
  const [zh, en] =
    ownedUnits === 0
      ? ['家庭名下无住房，属于住房困难', 'the family owns no dwelling: housing difficulty']
      : ownedUnits > maxUnits.value
        ? [`家庭名下住房 ${ownedUnits} 套，超过 ${maxUnits.value} 套，不属于住房困难`, `the family owns ${ownedUnits} dwellings, more than ${maxUnits.value}`]
        : passed
          ? [`人均住房面积 ${shown} 平方米，低于 ${line.value} 平方米，属于住房困难`, `${shown} m² per member, below ${line.value} m²: housing difficulty`]
          : [`人均住房面积 ${shown} 平方米，不低于 ${line.value} 平方米，不属于住房困难`, `${shown} m² per member, not below ${line.value} m²`];
  return reason(t, { code: 'housing_difficulty', article: '第五条', kind: 'condition', passed, message_zh: zh, message_en: en, value: { ownedUnits, ownedArea, members: n }, params: [maxUnits, line] });
}

/** Months of social insurance in Jinan against the stable-employment parameter (a trace step, not a reason). */
export function stableEmployment(t: Tracer, input: EligibilityInput): { stable: boolean; months: number; min: number } {
  const min = t.param<number>(`${P}stable_employment_min_social_insurance_months`);
  const months = input.employment.socialInsuranceMonths;
  const stable = months >= min.value;
  t.step('第五条', 'stable_employment', months, stable, [min]);
  return { stable, months, min: min.value };
}

/**
 * 第五条 "本市户籍" and 第二款. Interpretation: the family is local when the applicant or the
 * spouse holds Jinan hukou; local rural-collective hukou counts as urban (第二款). A family
 * without Jinan hukou qualifies only through stable employment in Jinan, and only while the
 * parameter nonlocal_hukou_admitted is true (the measure does not ask for Jinan hukou).
 */
export function hukou(t: Tracer, f: Family, stable: boolean): { reason: Reason; local: boolean } {
  const prefix = t.param<string>(`${P}local_hukou_division_prefix`);
  const admitted = t.param<boolean>(`${P}nonlocal_hukou_admitted`);
  const local = f.couple.filter((m) => m.hukou.city.startsWith(prefix.value));
  const rural = local.length > 0 && local.every((m) => m.hukou.type === 'rural_collective');
  const passed = local.length > 0 || (admitted.value && stable);
  const [zh, en] = rural
    ? ['本市户籍农村集体经济组织成员家庭，享受与城镇居民同等住房保障待遇（第五条第二款）', 'Jinan rural-collective hukou: treated as urban residents (第五条, para. 2)']
    : local.length > 0
      ? ['申请人或配偶为本市户籍', 'the applicant or spouse holds Jinan hukou']
      : passed
        ? ['非本市户籍，以在我市稳定就业申请', 'no Jinan hukou: applies on stable employment in Jinan']
        : admitted.value
          ? ['非本市户籍，且未在我市稳定就业', 'no Jinan hukou and no stable employment in Jinan']
          : ['非本市户籍，现行规定须本市户籍', 'no Jinan hukou, which the current setting requires'];
  const r = reason(t, { code: 'hukou', article: '第五条', kind: 'condition', passed, message_zh: zh, message_en: en, value: f.couple.map((m) => m.hukou), params: [prefix, admitted] });
  return { reason: r, local: local.length > 0 };
}

/**
 * 第五条 城市工薪收入家庭: stable employment in Jinan, or retired; a 中低收入 family is exempt
 * from the employment condition. Interpretation: the exemption rests on the 民政 certification
 * of a Jinan family, so it applies to local families only.
 */
export function wageFamily(t: Tracer, input: EligibilityInput, emp: { stable: boolean; months: number; min: number }, local: boolean): Reason {
  const retired = input.employment.retired;
  const exempt = input.incomeStatus === 'low_middle' && local;
  const passed = emp.stable || retired || exempt;
  const [zh, en] = emp.stable
    ? [`在我市缴纳社会保险 ${emp.months} 个月（不少于 ${emp.min} 个月），属稳定就业`, `${emp.months} months of social insurance in Jinan (at least ${emp.min}): stable employment`]
    : retired
      ? ['已退休', 'retired']
      : exempt
        ? ['城市中低收入家庭，不受就业条件限制', 'a low/middle-income family: exempt from the employment condition']
        : [`在我市缴纳社会保险 ${emp.months} 个月，少于 ${emp.min} 个月，且未退休`, `${emp.months} months of social insurance in Jinan, fewer than ${emp.min}, and not retired`];
  return reason(t, { code: 'wage_family', article: '第五条', kind: 'category', passed, message_zh: zh, message_en: en, value: { stable: emp.stable, retired, lowMiddleIncome: input.incomeStatus === 'low_middle', local } });
}

/**
 * 第五条 城市引进人才: stable employment in Jinan and an education or skill level at the
 * parameter's level, or a talent level the parameter lists. Interpretation: the applicant's
 * or the spouse's qualification counts.
 */
export function talent(t: Tracer, f: Family, stable: boolean): Reason {
  const edu = t.param<string>(`${P}talent_min_education_level`);
  const skill = t.param<string>(`${P}talent_min_skill_level`);
  const levels = t.param<string[]>(`${P}high_level_talent_levels`);
  const rank = (list: readonly string[], v: string) => list.indexOf(v);
  const qualified = f.couple.filter(
    (m) =>
      rank(EDUCATION_LEVELS, m.educationLevel) >= rank(EDUCATION_LEVELS, edu.value) ||
      rank(SKILL_LEVELS, m.skillLevel) >= rank(SKILL_LEVELS, skill.value) ||
      levels.value.includes(m.talentLevel),
  );
  const passed = stable && qualified.length > 0;
  const [zh, en] = passed
    ? ['在我市稳定就业，且申请人或配偶取得对应学历、技能或人才层次', 'stable employment in Jinan and the applicant or spouse has the education, skill or talent level']
    : qualified.length > 0
      ? ['取得对应学历或技能层次，但未在我市稳定就业', 'has the education or skill level but no stable employment in Jinan']
      : [`申请人及配偶均未达到${LEVEL_ZH[edu.value]}学历、${LEVEL_ZH[skill.value]}技能等级或所列人才层次`, `neither applicant nor spouse reaches ${edu.value} education, ${skill.value} skill or a listed talent level`];
  return reason(t, { code: 'talent', article: '第五条', kind: 'category', passed, message_zh: zh, message_en: en, value: f.couple.map((m) => ({ member: m.index, educationLevel: m.educationLevel, skillLevel: m.skillLevel, talentLevel: m.talentLevel })), params: [edu, skill, levels] });
}
