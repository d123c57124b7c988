/**
 * The pilot project carried over from the earlier register (济政发〔2025〕3号 第十八至二十七条 demo,
 * src/demo/closed-loop.ts): 泉城安居·槐荫苑 (JN-2024-001), its one building and the households that
 * bought its units in 2024, before the measure. Names and ID numbers are invented; the check codes
 * are computed, so they pass GB 11643.
 *
 * Reading: the title of 301 was registered first (2024-03-26) and the others together on 2024-06-18,
 * so that one household could have applied to exit more than six months before "today" and be
 * overdue on the board (第二十六条) while "today" is still near the end of 2026.
 */
import { idFor, memberOf } from '../commands/applications/fixtures.js';
import type { ApplicationForm, Member } from '../commands/applications/form.js';

export const PILOT_CODE = 'JN-2024-001';

export const PILOT = {
  code: PILOT_CODE, name: '泉城安居·槐荫苑', level: 'city' as const, districtCode: '370104', saleMode: 'completed' as const,
  address: '济南市槐荫区经十路与齐州路交叉口西北 150 米', deliveryOn: '2024-03-15', saleEndedOn: '2024-01-31',
  propertyService: '前期物业服务由济南槐荫物业服务有限公司提供，物业服务费每月每平方米1.50元',
  building: { name: '1号楼', floors: 3, completedOn: '2023-12-20' },
  /** 元/m² ×100 (fen). */
  basePricePerM2Fen: 820_000,
  approvalNo: '济价保〔2023〕HY017号',
  /** One entry per unit of a floor: 01, 02. */
  stack: [
    { area: '96.20', layout: '三室一厅一卫', orientation: '南北' },
    { area: '84.30', layout: '两室两厅一卫', orientation: '南' },
  ],
  fundBank: '济南农商银行槐荫支行',
  /** 第十九条: 120 元/m² deposited at delivery (a figure of the earlier register, recorded as found). */
  fundPerM2Fen: 12_000,
};

/** A carried-over household: its account, its form, the unit it bought and the dates of the earlier register. */
export type PilotFamily = {
  username: string; displayName: string; phone: string; form: ApplicationForm;
  unit: string; signedOn: string; titleIssuedOn: string; loanType: 'provident_fund' | 'commercial' | 'none'; loanShare: number;
};

const hk = (place: string) => ({ hukou: { type: 'urban' as const, city: '370104', place } });
const form = (members: Member[], phone: string, employer: string): ApplicationForm => ({
  districtCode: '370104', phone, members,
  employment: employer === '退休' ? { socialInsuranceMonths: 360, retired: true } : { socialInsuranceMonths: 60, retired: false, employer },
  incomeStatus: 'none', housing: { ownedUnits: 0, ownedArea: 0 },
  declarations: { formerPolicyHousing: false, publicRental: false, rentalSubsidy: false, talentPurchaseSubsidy: false },
});
const fam = (username: string, phone: string, members: Member[], employer: string, rest: Omit<PilotFamily, 'username' | 'displayName' | 'phone' | 'form'>): PilotFamily =>
  ({ username, displayName: members[0]!.name, phone, form: form(members, phone, employer), ...rest });

export const PILOT_FAMILIES: PilotFamily[] = [
  fam('family13', '13805310013', [
    memberOf('applicant', '刘志刚', idFor('1984-05-16', '331', '370104'), hk('济南市槐荫区道德街街道')),
    memberOf('spouse', '王秀云', idFor('1986-08-02', '342', '370104'), hk('济南市槐荫区道德街街道')),
    memberOf('child', '刘子轩', idFor('2012-03-09', '351', '370104'), hk('济南市槐荫区道德街街道')),
  ], '济南重汽集团', { unit: '101', signedOn: '2024-01-12', titleIssuedOn: '2024-06-18', loanType: 'provident_fund', loanShare: 0.7 }),
  fam('family14', '13805310014', [
    memberOf('applicant', '张伟', idFor('1979-11-21', '363', '370104'), hk('济南市槐荫区营市街街道')),
    memberOf('spouse', '李娜', idFor('1981-02-14', '374', '370104'), hk('济南市槐荫区营市街街道')),
  ], '济南某机械制造有限公司', { unit: '202', signedOn: '2024-01-15', titleIssuedOn: '2024-06-18', loanType: 'provident_fund', loanShare: 0.7 }),
  fam('family15', '13805310015', [
    memberOf('applicant', '赵红梅', idFor('1972-07-30', '382', '370104'), hk('济南市槐荫区振兴街街道')),
    memberOf('spouse', '孙建军', idFor('1970-04-18', '391', '370104'), hk('济南市槐荫区振兴街街道')),
  ], '济南市槐荫区某社区卫生服务中心', { unit: '102', signedOn: '2024-01-16', titleIssuedOn: '2024-06-18', loanType: 'commercial', loanShare: 0.6 }),
  fam('family16', '13805310016', [
    memberOf('applicant', '孙立军', idFor('1983-01-05', '413', '370104'), hk('济南市槐荫区西市场街道')),
    memberOf('spouse', '周莉', idFor('1985-06-26', '424', '370104'), hk('济南市槐荫区西市场街道')),
  ], '济南某物流有限公司', { unit: '301', signedOn: '2024-01-10', titleIssuedOn: '2024-03-26', loanType: 'provident_fund', loanShare: 0.65 }),
  fam('family17', '13805310017', [
    memberOf('applicant', '吴晓东', idFor('1990-10-10', '433', '370104'), hk('济南市槐荫区青年公园街道')),
    memberOf('spouse', '郑雪', idFor('1992-12-12', '444', '370104'), hk('济南市槐荫区青年公园街道')),
  ], '山东某信息技术有限公司', { unit: '302', signedOn: '2024-01-18', titleIssuedOn: '2024-06-18', loanType: 'none', loanShare: 0 }),
  // family15's mother, a widow living alone; she died 50 days before "today" and family15 inherited 201.
  fam('family18', '13805310018', [
    memberOf('applicant', '钱桂芝', idFor('1946-09-12', '402', '370104'), { ...hk('济南市槐荫区振兴街街道'), maritalStatus: 'widowed' }),
  ], '退休', { unit: '201', signedOn: '2024-01-16', titleIssuedOn: '2024-06-18', loanType: 'none', loanShare: 0 }),
];
