import { describe, expect, it } from 'vitest';
import { RuleInputError } from '../core/errors.js';
import { evaluateRule } from '../registry.js';
import { type EligibilityValue, evaluateEligibility, toEligibilityInput } from './eligibility.js';
import { family, idNumber, member } from './eligibility/family.fixture.js';
import type { EligibilityInput } from './eligibility/input.js';

const ON = '2025-06-01';
const run = (input: EligibilityInput, asOf = ON) => evaluateEligibility(input, asOf).value;
const why = (v: EligibilityValue, code: string) => v.reasons.find((r) => r.code === code);
const couple = (applicant: Partial<EligibilityInput['members'][0]>, spouse: Partial<EligibilityInput['members'][0]> = {}) => [
  member('applicant', '1990-03-15', applicant, '011'),
  member('spouse', '1991-07-02', spouse, '022'),
];
const noJob = { socialInsuranceMonths: 0, retired: false };

describe('housing.eligibility 第五条: 城市工薪收入家庭', () => {
  it('第五条: a Jinan couple with a child, renting, 12 months of social insurance, is a wage family', () => {
    const v = run(family());
    expect(v).toMatchObject({ eligible: true, category: 'wage_family', priority: [] });
    expect(v.reasons.every((r) => /^第(五|六|十五)条$/.test(r.article))).toBe(true);
  });

  it('第五条: 6 months of social insurance is stable employment, 5 months is not (parameter boundary)', () => {
    expect(run(family({ employment: { socialInsuranceMonths: 6, retired: false } })).eligible).toBe(true);
    const v = run(family({ employment: { socialInsuranceMonths: 5, retired: false } }));
    expect(v).toMatchObject({ eligible: false, category: null });
    expect(why(v, 'wage_family')).toMatchObject({ passed: false, article: '第五条' });
  });

  it('第五条: a retired family without social insurance in Jinan is a wage family', () => {
    expect(run(family({ employment: { socialInsuranceMonths: 0, retired: true } }))).toMatchObject({ eligible: true, category: 'wage_family' });
  });

  it('第五条: a Jinan 中低收入 family is exempt from the employment condition', () => {
    const v = run(family({ employment: noJob, incomeStatus: 'low_middle' }));
    expect(v).toMatchObject({ eligible: true, category: 'wage_family', priority: ['low_middle_income'] });
    expect(why(v, 'wage_family')!.message_zh).toContain('不受就业条件限制');
  });

  it('第五条: the 中低收入 exemption does not reach a family without Jinan hukou', () => {
    const away = { hukou: { type: 'urban' as const, city: '110105' } };
    const v = run(family({ members: couple(away, away), employment: noJob, incomeStatus: 'low_middle' }));
    expect(v.eligible).toBe(false);
    expect(why(v, 'hukou')!.passed).toBe(false);
  });

  it('第五条: without stable employment, retirement or 中低收入 status the family is in no category', () => {
    const v = run(family({ employment: noJob }));
    expect(v).toMatchObject({ eligible: false, category: null });
    expect(why(v, 'wage_family')!.passed).toBe(false);
    expect(why(v, 'talent')!.passed).toBe(false);
  });
});

describe('housing.eligibility 第五条: 城市引进人才', () => {
  it('第五条: a bachelor applicant in stable employment is introduced talent', () => {
    expect(run(family({ members: couple({ educationLevel: 'bachelor' }) })).category).toBe('talent');
  });

  it('第五条: an associate degree is below the bachelor default, so the family stays a wage family', () => {
    expect(run(family({ members: couple({ educationLevel: 'associate' }) })).category).toBe('wage_family');
  });

  it("第五条: the spouse's technician skill level makes the family talent", () => {
    expect(run(family({ members: couple({}, { skillLevel: 'technician' }) })).category).toBe('talent');
  });

  it('第五条: 高级工 (senior_worker) is below the technician default', () => {
    expect(run(family({ members: couple({ skillLevel: 'senior_worker' }) })).category).toBe('wage_family');
  });

  it('第五条: a talent level E without a degree counts as talent', () => {
    expect(run(family({ members: couple({ talentLevel: 'E' }) })).category).toBe('talent');
  });

  it('第五条: a retired doctor without stable employment is a wage family, not talent', () => {
    const v = run(family({ members: couple({ educationLevel: 'doctor' }), employment: { socialInsuranceMonths: 0, retired: true } }));
    expect(v).toMatchObject({ eligible: true, category: 'wage_family' });
    expect(why(v, 'talent')!.message_en).toContain('no stable employment');
  });

  it("第五条: a child's master degree does not make the family talent", () => {
    const f = family();
    f.members[2] = member('child', '2000-01-01', { educationLevel: 'master' }, '031');
    expect(run(f).category).toBe('wage_family');
  });
});

describe('housing.eligibility 第五条: hukou and housing difficulty', () => {
  it('第五条第二款: a Jinan rural-collective family is treated as urban residents', () => {
    const rural = { hukou: { type: 'rural_collective' as const, city: '370124' } };
    const v = run(family({ members: couple(rural, rural) }));
    expect(v.eligible).toBe(true);
    expect(why(v, 'hukou')!.message_zh).toContain('享受与城镇居民同等住房保障待遇');
  });

  it('第五条: a family without Jinan hukou qualifies through stable employment in Jinan', () => {
    const away = { hukou: { type: 'urban' as const, city: '410102' } };
    const v = run(family({ members: couple(away, away) }));
    expect(v).toMatchObject({ eligible: true, category: 'wage_family' });
    expect(why(v, 'hukou')!.message_en).toContain('stable employment');
  });

  it('第五条: a retired family without Jinan hukou and without stable employment is refused', () => {
    const away = { hukou: { type: 'urban' as const, city: '410102' } };
    const v = run(family({ members: couple(away, away), employment: { socialInsuranceMonths: 0, retired: true } }));
    expect(v.eligible).toBe(false);
    expect(why(v, 'hukou')).toMatchObject({ passed: false, article: '第五条' });
  });

  it("第五条: the spouse's Jinan hukou makes the family local", () => {
    const v = run(family({ members: couple({ hukou: { type: 'urban', city: '410102' } }), employment: { socialInsuranceMonths: 0, retired: true } }));
    expect(v.eligible).toBe(true);
  });

  it('第五条: a family owning 2 dwellings is not in housing difficulty', () => {
    const v = run(family({ housing: { ownedUnits: 2, ownedArea: 40 } }));
    expect(v.eligible).toBe(false);
    expect(why(v, 'housing_difficulty')!.message_zh).toContain('超过 1 套');
  });

  it('第五条: one dwelling of 59 m² for 3 members (19.67 m² each) is a difficulty, 60 m² (20.00) is not', () => {
    expect(run(family({ housing: { ownedUnits: 1, ownedArea: 59 } })).eligible).toBe(true);
    const v = run(family({ housing: { ownedUnits: 1, ownedArea: 60 } }));
    expect(v.eligible).toBe(false);
    expect(why(v, 'housing_difficulty')!.message_zh).toContain('人均住房面积 20.00 平方米，不低于 20 平方米');
  });
});

describe('housing.eligibility 第五条: the family applies as one unit', () => {
  it('第五条: a married applicant who does not list the spouse is refused', () => {
    const f = family();
    f.members = [f.members[0]!, f.members[2]!];
    const v = run(f);
    expect(v.eligible).toBe(false);
    expect(why(v, 'family_unit')).toMatchObject({ passed: false, message_en: expect.stringContaining('spouse must be listed') });
  });

  it('第五条: a single applicant who lists a spouse is refused', () => {
    expect(run(family({ members: couple({ maritalStatus: 'single' }) })).eligible).toBe(false);
  });

  it('第五条: a divorced applicant with a child applies alone', () => {
    const v = run(family({ members: [member('applicant', '1985-01-01', { maritalStatus: 'divorced' }, '011'), member('child', '2012-05-05', {}, '032')] }));
    expect(v).toMatchObject({ eligible: true, category: 'wage_family' });
  });
});

describe('housing.eligibility 第十五条', () => {
  it('第十五条: an applicant of 17 cannot apply; on the 18th birthday the applicant can', () => {
    const f = family({ members: [member('applicant', '2007-06-02', { maritalStatus: 'single' }, '011')] });
    expect(why(run(f), 'applicant_adult')!.passed).toBe(false);
    expect(run(f, '2025-06-02').eligible).toBe(true);
  });

  it('第十五条: a family receiving the high-level talent purchase subsidy is refused (不得同时享受)', () => {
    const v = run(family({ declarations: { formerPolicyHousing: false, publicRental: false, rentalSubsidy: false, talentPurchaseSubsidy: true } }));
    expect(v).toMatchObject({ eligible: false, category: null, priority: [] });
    expect(why(v, 'no_talent_purchase_subsidy')).toMatchObject({ passed: false, article: '第十五条', kind: 'condition' });
  });

  it('第十五条: earlier policy housing does not bar admission but obliges the family to vacate it', () => {
    const v = run(family({ declarations: { formerPolicyHousing: true, publicRental: false, rentalSubsidy: false, talentPurchaseSubsidy: false } }));
    expect(v.eligible).toBe(true);
    expect(why(v, 'vacate_former_policy_housing')).toMatchObject({ passed: true, kind: 'obligation', article: '第十五条' });
  });

  it('第十五条: a public rental must be left before move-in; a rental subsidy stops the month after delivery', () => {
    const v = run(family({ declarations: { formerPolicyHousing: false, publicRental: true, rentalSubsidy: true, talentPurchaseSubsidy: false } }));
    expect(v.eligible).toBe(true);
    expect(v.reasons.filter((r) => r.kind === 'obligation').map((r) => r.code)).toEqual(['exit_policy_rental_before_move_in', 'rental_subsidy_stops_after_delivery']);
  });

  it('第十五条: with nothing declared there is no obligation', () => {
    expect(run(family()).reasons.some((r) => r.kind === 'obligation')).toBe(false);
  });
});

describe('housing.eligibility 第六条: priority', () => {
  it('第六条: a member born 1965-05-20 is elderly on 2025-05-20 but not on 2025-05-19', () => {
    const f = family();
    f.members.push(member('parent', '1965-05-20', { maritalStatus: 'widowed' }, '041'));
    f.housing = { ownedUnits: 0, ownedArea: 0 };
    expect(run(f, '2025-05-20').priority).toEqual(['elderly_member']);
    expect(run(f, '2025-05-19').priority).toEqual([]);
    expect(why(run(f, '2025-05-20'), 'elderly_member')!.message_zh).toContain('最年长 60 周岁');
  });

  it('第六条: two children listed give two_or_more_children; one does not', () => {
    const f = family();
    f.members.push(member('child', '2021-11-11', {}, '052'));
    expect(run(f).priority).toEqual(['two_or_more_children']);
    expect(run(family()).priority).toEqual([]);
  });

  it('第六条: a level-A applicant is high-level talent and the family is in the talent category', () => {
    expect(run(family({ members: couple({ talentLevel: 'A' }) }))).toMatchObject({ category: 'talent', priority: ['high_level_talent'] });
  });

  it('第六条: every flag at once, in a fixed order', () => {
    const f = family({ members: couple({ talentLevel: 'B' }), incomeStatus: 'low_middle' });
    f.members.push(member('child', '2016-01-01', {}, '033'), member('child', '2019-01-01', {}, '034'), member('parent', '1950-01-01', { maritalStatus: 'widowed' }, '043'));
    expect(run(f).priority).toEqual(['low_middle_income', 'two_or_more_children', 'elderly_member', 'high_level_talent']);
  });

  it('第六条: an ineligible family has no priority flags, though the reasons still show them', () => {
    const v = run(family({ incomeStatus: 'low_middle', housing: { ownedUnits: 3, ownedArea: 300 } }));
    expect(v.priority).toEqual([]);
    expect(why(v, 'low_middle_income')!.passed).toBe(true);
  });
});

describe('housing.eligibility: dates, trace and input', () => {
  it('第三十四条: the rule answers from 2025-03-31 and refuses 2025-03-30, naming asOf', () => {
    expect(run(family(), '2025-03-31').eligible).toBe(true);
    expect(() => run(family(), '2025-03-30')).toThrow(RuleInputError);
    const out = evaluateRule('housing.eligibility', family(), '2025-03-30');
    expect(out).toMatchObject({ ok: false, problems: [{ field: 'asOf' }] });
  });

  it('第五条: the trace names the parameter version that decided stable employment', () => {
    const step = evaluateEligibility(family(), ON).trace.find((s) => s.test === 'stable_employment')!;
    expect(step).toMatchObject({ article: '第五条', value: 12, passed: true });
    expect(step.params!['housing.eligibility.stable_employment_min_social_insurance_months']).toEqual({ value: 6, version: '2025-03-31' });
  });

  it('cites 第五条, 第六条 and 第十五条 of 济政发〔2025〕3号', () => {
    expect(evaluateEligibility(family(), ON).citations.map((c) => `${c.doc} ${c.article}`)).toEqual([
      '济政发〔2025〕3号 第五条', '济政发〔2025〕3号 第六条', '济政发〔2025〕3号 第十五条',
    ]);
  });

  it('a member born after the evaluation date is refused, naming the member', () => {
    const f = family();
    f.members[2] = member('child', '2025-06-02', {}, '031');
    expect(evaluateRule('housing.eligibility', f, ON)).toMatchObject({ ok: false, problems: [{ field: 'members.2.idNumber' }] });
  });

  it('schema: a wrong check digit is refused naming members.0.idNumber in Chinese and English', () => {
    const f = family();
    f.members[0]!.idNumber = f.members[0]!.idNumber.slice(0, 17) + (f.members[0]!.idNumber.endsWith('1') ? '2' : '1');
    const out = evaluateRule('housing.eligibility', f, ON);
    expect(out).toMatchObject({ ok: false, status: 'invalid_input', problems: [{ field: 'members.0.idNumber', message_zh: '身份证号校验码错误' }] });
  });

  it('schema: two applicants, a duplicate person, no members and a missing field are each named', () => {
    const two = family();
    two.members[1]!.relation = 'applicant';
    expect(evaluateRule('housing.eligibility', two, ON)).toMatchObject({ ok: false, problems: [{ field: 'members' }] });
    const dup = family();
    dup.members[2]!.idNumber = dup.members[0]!.idNumber;
    expect(evaluateRule('housing.eligibility', dup, ON)).toMatchObject({ ok: false, problems: [{ field: 'members.2.idNumber', message_en: 'same ID number as member 1' }] });
    const none = evaluateRule('housing.eligibility', family({ members: [] }), ON);
    expect(none.ok === false && none.problems[0]).toMatchObject({ field: 'members', message_zh: '至少填写一名家庭成员', message_en: 'list at least one member' });
    const { employment: _e, ...noEmployment } = family();
    expect(evaluateRule('housing.eligibility', noEmployment, ON)).toMatchObject({ ok: false, problems: [{ field: 'employment', message_zh: '缺少此项' }] });
  });

  it('toEligibilityInput keeps only what the rule reads (no names, phones or places)', () => {
    const form = { ...family(), phone: '13812345678', districtCode: '370102' } as EligibilityInput & { phone: string };
    (form.members[0] as unknown as { name: string }).name = '张三';
    const out = toEligibilityInput(form);
    expect(JSON.stringify(out)).not.toMatch(/张三|13812345678|districtCode/);
    expect(out.members[0]!.idNumber).toBe(idNumber('1990-03-15', '011'));
  });
});
