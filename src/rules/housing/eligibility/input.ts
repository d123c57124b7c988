/**
 * The input of housing.eligibility (issue 2): the family's members and the facts of
 * 第五条、第六条、第十五条. Structural checks live here; judgments live in the rule.
 */
import { z } from 'zod';
import { bilingual } from '../../core/errors.js';
import { parseIdNumber } from '../../core/id-number.js';

export const EDUCATION_LEVELS = ['none', 'secondary', 'associate', 'bachelor', 'master', 'doctor'] as const;
export const SKILL_LEVELS = ['none', 'senior_worker', 'technician', 'senior_technician'] as const;
export const TALENT_LEVELS = ['none', 'A', 'B', 'C', 'D', 'E'] as const;

const idNumber = z.string().trim().superRefine((v, ctx) => {
  const r = parseIdNumber(v);
  if (!r.ok) ctx.addIssue({ code: 'custom', ...bilingual(r.message_zh, r.message_en) });
});

export const memberSchema = z.object({
  idNumber,
  relation: z.enum(['applicant', 'spouse', 'child', 'parent', 'other']),
  hukou: z.object({
    type: z.enum(['urban', 'rural_collective']),
    city: z.string().regex(/^\d{6}$/, bilingual('须为6位行政区划代码', 'must be a 6-digit division code')),
  }),
  maritalStatus: z.enum(['single', 'married', 'divorced', 'widowed']),
  educationLevel: z.enum(EDUCATION_LEVELS),
  skillLevel: z.enum(SKILL_LEVELS),
  talentLevel: z.enum(TALENT_LEVELS),
});

const count = z.number().int(bilingual('须为整数', 'must be a whole number')).min(0, bilingual('不能为负数', 'cannot be negative'));

/** zod schema of the input; extra fields (names, phones, places) are dropped. */
export const eligibilityInput = z
  .object({
    members: z.array(memberSchema).min(1, bilingual('至少填写一名家庭成员', 'list at least one member')),
    employment: z.object({ socialInsuranceMonths: count, retired: z.boolean() }),
    incomeStatus: z.enum(['low_middle', 'none']),
    housing: z.object({
      ownedUnits: count,
      ownedArea: z.number().min(0, bilingual('不能为负数', 'cannot be negative')),
    }),
    declarations: z.object({
      formerPolicyHousing: z.boolean(),
      publicRental: z.boolean(),
      rentalSubsidy: z.boolean(),
      talentPurchaseSubsidy: z.boolean(),
    }),
  })
  .superRefine((f, ctx) => {
    const applicants = f.members.filter((m) => m.relation === 'applicant').length;
    if (applicants !== 1) {
      ctx.addIssue({ code: 'custom', path: ['members'], ...bilingual(`须有且仅有一名申请人（现有${applicants}名）`, `exactly one member must be the applicant (found ${applicants})`) });
    }
    if (f.members.filter((m) => m.relation === 'spouse').length > 1) {
      ctx.addIssue({ code: 'custom', path: ['members'], ...bilingual('配偶至多一人', 'at most one spouse') });
    }
    const seen = new Map<string, number>();
    f.members.forEach((m, i) => {
      const key = m.idNumber.toUpperCase();
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else ctx.addIssue({ code: 'custom', path: ['members', i, 'idNumber'], ...bilingual(`与第${first + 1}人身份证号重复`, `same ID number as member ${first + 1}`) });
    });
  });

export type EligibilityInput = z.infer<typeof eligibilityInput>;
export type Member = z.infer<typeof memberSchema>;

/**
 * Projects an application form (a superset: names, phone, hukou place, employer …) onto
 * exactly the fields the rule reads.
 */
export function toEligibilityInput(form: EligibilityInput): EligibilityInput {
  return {
    members: form.members.map((m) => ({
      idNumber: m.idNumber,
      relation: m.relation,
      hukou: { type: m.hukou.type, city: m.hukou.city },
      maritalStatus: m.maritalStatus,
      educationLevel: m.educationLevel,
      skillLevel: m.skillLevel,
      talentLevel: m.talentLevel,
    })),
    employment: { socialInsuranceMonths: form.employment.socialInsuranceMonths, retired: form.employment.retired },
    incomeStatus: form.incomeStatus,
    housing: { ownedUnits: form.housing.ownedUnits, ownedArea: form.housing.ownedArea },
    declarations: {
      formerPolicyHousing: form.declarations.formerPolicyHousing,
      publicRental: form.declarations.publicRental,
      rentalSubsidy: form.declarations.rentalSubsidy,
      talentPurchaseSubsidy: form.declarations.talentPurchaseSubsidy,
    },
  };
}

/** Chinese names of the levels, for messages. */
export const LEVEL_ZH: Record<string, string> = {
  none: '无', secondary: '中专/高中', associate: '大专', bachelor: '本科', master: '硕士研究生', doctor: '博士研究生',
  senior_worker: '高级工', technician: '技师', senior_technician: '高级技师',
};
