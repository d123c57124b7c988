/**
 * The application form a family submits (docs/CONTRACT.md "Application form"): a superset of
 * the housing.eligibility input, with names, phone and hukou place. ID numbers are checked
 * against GB 11643 (checksum and birth date); birth date and sex are read from the number.
 */
import { z } from 'zod';
import { parseIdNumber } from '../../rules/core/id-number.js';
import { DISTRICTS } from '../../db/reference/districts.js';

const DISTRICT_CODES = new Set(DISTRICTS.map((d) => d.code));

const idNumber = z.string().trim().superRefine((v, c) => {
  const r = parseIdNumber(v);
  if (!r.ok) c.addIssue({ code: 'custom', message: `${r.message_zh} / ${r.message_en}` });
});

export const MemberSchema = z.object({
  name: z.string().trim().min(1).max(50),
  idNumber,
  relation: z.enum(['applicant', 'spouse', 'child', 'parent', 'other']),
  hukou: z.object({
    type: z.enum(['urban', 'rural_collective']),
    city: z.string().regex(/^\d{6}$/, '6位行政区划代码 / 6-digit division code'),
    place: z.string().trim().max(200).optional(),
  }),
  maritalStatus: z.enum(['single', 'married', 'divorced', 'widowed']),
  educationLevel: z.enum(['none', 'secondary', 'associate', 'bachelor', 'master', 'doctor']),
  skillLevel: z.enum(['none', 'senior_worker', 'technician', 'senior_technician']),
  talentLevel: z.enum(['none', 'A', 'B', 'C', 'D', 'E']),
});

export const ApplicationFormSchema = z.object({
  districtCode: z.string().refine((c) => DISTRICT_CODES.has(c), '未知的区县代码 / unknown district code'),
  phone: z.string().regex(/^1\d{10}$/, '11位手机号码 / 11-digit mobile number'),
  members: z.array(MemberSchema).min(1).max(20),
  employment: z.object({
    socialInsuranceMonths: z.number().int().min(0).max(1200),
    retired: z.boolean(),
    employer: z.string().trim().max(200).optional(),
  }),
  incomeStatus: z.enum(['low_middle', 'none']),
  housing: z.object({
    ownedUnits: z.number().int().min(0).max(100),
    ownedArea: z.number().min(0).max(100_000),
  }),
  declarations: z.object({
    formerPolicyHousing: z.boolean(),
    publicRental: z.boolean(),
    rentalSubsidy: z.boolean(),
    talentPurchaseSubsidy: z.boolean(),
  }),
}).superRefine((f, c) => {
  // One applicant heads the family; a person appears once.
  const applicants = f.members.flatMap((m, i) => (m.relation === 'applicant' ? [i] : []));
  if (applicants.length !== 1) {
    c.addIssue({ code: 'custom', path: ['members'], message: '须有且仅有一名申请人 / exactly one member must be the applicant' });
  }
  if (f.members.filter((m) => m.relation === 'spouse').length > 1) {
    c.addIssue({ code: 'custom', path: ['members'], message: '配偶至多一人 / at most one spouse' });
  }
  const seen = new Map<string, number>();
  f.members.forEach((m, i) => {
    const k = m.idNumber.toUpperCase();
    if (seen.has(k)) c.addIssue({ code: 'custom', path: ['members', i, 'idNumber'], message: `与第${seen.get(k)! + 1}人身份证号重复 / same ID number as member ${seen.get(k)! + 1}` });
    else seen.set(k, i);
  });
});

export type ApplicationForm = z.infer<typeof ApplicationFormSchema>;
export type Member = z.infer<typeof MemberSchema>;

/**
 * What a draft may hold: the same shape with every field optional except the district (the
 * application is filed with a district from the start). Checked in full only on submit.
 */
export const DraftFormSchema = z.object({
  districtCode: z.string().refine((c) => DISTRICT_CODES.has(c), '未知的区县代码 / unknown district code'),
  phone: z.string().max(20).optional(),
  members: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
  employment: z.record(z.string(), z.unknown()).optional(),
  incomeStatus: z.string().max(20).optional(),
  housing: z.record(z.string(), z.unknown()).optional(),
  declarations: z.record(z.string(), z.unknown()).optional(),
}).passthrough();

export type DraftForm = z.infer<typeof DraftFormSchema>;

/** Birth date and sex of each member, read from the ID number. */
export function memberFacts(m: Member): { birthDate: string; sex: 'M' | 'F' } {
  const r = parseIdNumber(m.idNumber);
  if (!r.ok) throw new Error('memberFacts on an unvalidated ID number');
  return { birthDate: r.value.birthDate, sex: r.value.sex === 'male' ? 'M' : 'F' };
}
