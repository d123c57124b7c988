/**
 * The demo families. Names and ID numbers are invented (the check codes are computed, so
 * they pass GB 11643); the department records below give each family realistic answers:
 * some own a flat, one is certified 中低收入, social-insurance months vary.
 */
import { idFor, memberOf } from '../commands/applications/fixtures.js';
import type { ApplicationForm, Member } from '../commands/applications/form.js';
import type { SimPerson } from '../datachecks/index.js';

/** Where the seed leaves the family. */
export type DemoState = 'draft' | 'submitted' | 'returned' | 'rejected' | 'admitted' | 'must_confirm_soon' | 'change_pending' | 'withdrawn' | 'lapsed';

export interface DemoFamily {
  key: string;
  /** Applicant account that owns the application. */
  username: string;
  displayName: string;
  phone: string;
  state: DemoState;
  /** Days before the seed's "today" the family first submitted (clamped to the measure's start). */
  submittedDaysAgo: number;
  form: ApplicationForm;
  records: Record<string, SimPerson>;
  /** For change_pending: the changed form and the reason. */
  change?: { form: ApplicationForm; reason: string };
  /** For returned / rejected / withdrawn. */
  reason?: string;
}

const base = (districtCode: string, members: Member[], over: Partial<ApplicationForm> = {}): ApplicationForm => ({
  districtCode, phone: '13800000000', members,
  employment: { socialInsuranceMonths: 24, retired: false, employer: '济南某有限公司' },
  incomeStatus: 'none', housing: { ownedUnits: 0, ownedArea: 0 },
  declarations: { formerPolicyHousing: false, publicRental: false, rentalSubsidy: false, talentPurchaseSubsidy: false },
  ...over,
});
const hk = (city: string, place: string, type: 'urban' | 'rural_collective' = 'urban') => ({ hukou: { type, city, place } });
const si = (months: number, extra: SimPerson = {}): SimPerson => ({ socialInsuranceMonths: months, retired: false, homes: [], providentFund: { status: months > 0 ? 'contributing' : 'none', months }, ...extra });

// Family 1 (family1): 历下区, a wage family with a grandmother over 60 (第六条 priority).
const f1 = [
  memberOf('applicant', '王建国', idFor('1986-04-12', '013', '370102'), hk('370102', '济南市历下区泉城路街道')),
  memberOf('spouse', '刘芳', idFor('1988-09-23', '024', '370103'), hk('370102', '济南市历下区泉城路街道')),
  memberOf('child', '王子涵', idFor('2015-06-01', '036', '370102'), hk('370102', '济南市历下区泉城路街道')),
  memberOf('parent', '赵桂兰', idFor('1958-02-17', '042', '370102'), { ...hk('370102', '济南市历下区泉城路街道'), maritalStatus: 'widowed' }),
];
// Family 1's second application: the adult nephew's draft, not yet complete.
const f1b = [memberOf('applicant', '王小龙', idFor('2001-11-05', '057', '370102'), hk('370102', '济南市历下区'))];
const f2 = [
  memberOf('applicant', '陈志强', idFor('1990-01-20', '071', '370102'), hk('370102', '济南市历下区甸柳新村街道')),
  memberOf('spouse', '孙丽', idFor('1991-03-14', '082', '370102'), hk('370102', '济南市历下区甸柳新村街道')),
];
// 历城区, rural-collective hukou (第五条 treated as urban), certified 中低收入 though declared none.
const f3 = [
  memberOf('applicant', '李大勇', idFor('1979-07-07', '093', '370112'), hk('370112', '济南市历城区港沟街道', 'rural_collective')),
  memberOf('spouse', '张秀梅', idFor('1981-12-30', '104', '370112'), hk('370112', '济南市历城区港沟街道', 'rural_collective')),
  memberOf('child', '李明', idFor('2009-05-15', '115', '370112'), hk('370112', '济南市历城区港沟街道', 'rural_collective')),
];
// Declared no home, but the property register shows one of 96 m² for two people (not 住房困难).
const f4 = [
  memberOf('applicant', '周海涛', idFor('1983-08-08', '131', '370102'), hk('370102', '济南市历下区姚家街道')),
  memberOf('spouse', '吴静', idFor('1985-10-10', '142', '370102'), hk('370102', '济南市历下区姚家街道')),
];
const f5 = [memberOf('applicant', '郑晓燕', idFor('1994-02-28', '162', '370102'), { ...hk('370102', '济南市历下区千佛山街道'), maritalStatus: 'single' })];
// 市中区, 城市引进人才: master's degree, talent level C (高层次人才).
const f6 = [
  memberOf('applicant', '黄博文', idFor('1992-09-09', '173', '370103'), { ...hk('370103', '济南市市中区'), educationLevel: 'master', talentLevel: 'C' }),
  memberOf('spouse', '林雪', idFor('1993-04-04', '184', '370103'), { ...hk('370103', '济南市市中区'), educationLevel: 'bachelor' }),
];
// 槐荫区, two children (第六条 生育二孩以上).
const f7 = [
  memberOf('applicant', '马俊', idFor('1987-03-03', '193', '370104'), hk('370104', '济南市槐荫区')),
  memberOf('spouse', '何婷', idFor('1989-11-11', '204', '370104'), hk('370104', '济南市槐荫区')),
  memberOf('child', '马一诺', idFor('2014-01-01', '216', '370104'), hk('370104', '济南市槐荫区')),
  memberOf('child', '马一航', idFor('2019-08-08', '225', '370104'), hk('370104', '济南市槐荫区')),
];
const f8 = [
  memberOf('applicant', '高振华', idFor('1980-12-12', '233', '370102'), hk('370102', '济南市历下区文东街道')),
  memberOf('spouse', '罗红', idFor('1982-06-06', '244', '370102'), hk('370102', '济南市历下区文东街道')),
];
const f9 = [
  memberOf('applicant', '宋立新', idFor('1975-05-05', '253', '370105'), hk('370105', '济南市天桥区')),
  memberOf('spouse', '谢萍', idFor('1977-07-17', '264', '370105'), hk('370105', '济南市天桥区')),
];
// 章丘区: already holds 房改房 and declares it (第十五条), also owns a second flat.
const f10 = [memberOf('applicant', '韩卫东', idFor('1970-10-01', '273', '370114'), { ...hk('370114', '济南市章丘区'), maritalStatus: 'divorced' })];
const f11 = [
  memberOf('applicant', '冯磊', idFor('1989-02-14', '293', '370102'), hk('370102', '济南市历下区龙洞街道')),
  memberOf('spouse', '曹敏', idFor('1990-05-20', '304', '370102'), hk('370102', '济南市历下区龙洞街道')),
];
const f11child = memberOf('child', '冯安安', idFor('2026-01-15', '316', '370102'), hk('370102', '济南市历下区龙洞街道'));
const f12 = [memberOf('applicant', '彭洁', idFor('1996-12-01', '322', '370115'), { ...hk('370115', '济南市济阳区'), maritalStatus: 'single' })];

const recs = (ms: Member[], months: number[], extra: Record<number, SimPerson> = {}) =>
  Object.fromEntries(ms.map((m, i) => [m.idNumber, si(months[i] ?? 0, extra[i])]));

export const DEMO_FAMILIES: DemoFamily[] = [
  { key: 'f1', username: 'family1', displayName: '王建国', phone: '13805310001', state: 'admitted', submittedDaysAgo: 240,
    form: base('370102', f1, { phone: '13805310001', employment: { socialInsuranceMonths: 60, retired: false, employer: '济南轨道交通集团' } }),
    records: recs(f1, [60, 48, 0, 0], { 3: { retired: true, socialInsuranceMonths: 360 } }) },
  { key: 'f1b', username: 'family1', displayName: '王建国', phone: '13805310001', state: 'draft', submittedDaysAgo: 3,
    form: { districtCode: '370102', phone: '13805310001', members: f1b } as never, records: recs(f1b, [8]) },
  { key: 'f2', username: 'family2', displayName: '陈志强', phone: '13805310002', state: 'submitted', submittedDaysAgo: 6,
    form: base('370102', f2, { phone: '13805310002', employment: { socialInsuranceMonths: 30, retired: false, employer: '山东某软件有限公司' } }), records: recs(f2, [30, 26]) },
  { key: 'f3', username: 'family3', displayName: '李大勇', phone: '13805310003', state: 'submitted', submittedDaysAgo: 4,
    form: base('370112', f3, { phone: '13805310003', employment: { socialInsuranceMonths: 14, retired: false, employer: '济南某物流公司' } }),
    records: recs(f3, [14, 9, 0], { 1: { lowMiddleIncomeSince: '2025-06-01' } }) },
  { key: 'f4', username: 'family4', displayName: '周海涛', phone: '13805310004', state: 'submitted', submittedDaysAgo: 2,
    form: base('370102', f4, { phone: '13805310004', employment: { socialInsuranceMonths: 36, retired: false } }),
    records: recs(f4, [36, 30], { 0: { homes: [{ kind: 'commercial', area: 96.4, registeredOn: '2018-03-20' }] } }) },
  { key: 'f5', username: 'family5', displayName: '郑晓燕', phone: '13805310005', state: 'returned', submittedDaysAgo: 12, reason: '请补充劳动合同或单位在职证明，社保缴纳单位与填报单位不一致',
    form: base('370102', f5, { phone: '13805310005', employment: { socialInsuranceMonths: 10, retired: false, employer: '济南某餐饮管理公司' } }), records: recs(f5, [10]) },
  { key: 'f6', username: 'family6', displayName: '黄博文', phone: '13805310006', state: 'admitted', submittedDaysAgo: 150,
    form: base('370103', f6, { phone: '13805310006', employment: { socialInsuranceMonths: 20, retired: false, employer: '济南某研究院' } }), records: recs(f6, [20, 18]) },
  { key: 'f7', username: 'family7', displayName: '马俊', phone: '13805310007', state: 'admitted', submittedDaysAgo: 90,
    form: base('370104', f7, { phone: '13805310007', employment: { socialInsuranceMonths: 72, retired: false, employer: '济南公交集团' } }), records: recs(f7, [72, 40, 0, 0]) },
  { key: 'f8', username: 'family8', displayName: '高振华', phone: '13805310008', state: 'must_confirm_soon', submittedDaysAgo: 10_000,
    form: base('370102', f8, { phone: '13805310008', employment: { socialInsuranceMonths: 50, retired: false } }), records: recs(f8, [50, 44]) },
  { key: 'f9', username: 'family9', displayName: '宋立新', phone: '13805310009', state: 'lapsed', submittedDaysAgo: 10_000,
    form: base('370105', f9, { phone: '13805310009', employment: { socialInsuranceMonths: 80, retired: false } }), records: recs(f9, [80, 70]) },
  { key: 'f10', username: 'family10', displayName: '韩卫东', phone: '13805310010', state: 'rejected', submittedDaysAgo: 40, reason: '名下已有住房两套且享受过房改房，不属于住房困难家庭（第五条、第十五条）',
    form: base('370114', f10, { phone: '13805310010', declarations: { formerPolicyHousing: true, publicRental: false, rentalSubsidy: false, talentPurchaseSubsidy: false } }),
    records: recs(f10, [100], { 0: { homes: [{ kind: 'policy', area: 58, registeredOn: '1999-05-01' }, { kind: 'commercial', area: 110, registeredOn: '2012-09-01' }] } }) },
  { key: 'f11', username: 'family11', displayName: '冯磊', phone: '13805310011', state: 'change_pending', submittedDaysAgo: 200,
    form: base('370102', f11, { phone: '13805310011', employment: { socialInsuranceMonths: 40, retired: false } }),
    records: { ...recs(f11, [40, 35]), [f11child.idNumber]: si(0) },
    change: { form: base('370102', [...f11, f11child], { phone: '13805310011', employment: { socialInsuranceMonths: 40, retired: false } }), reason: '家庭新增人口（子女出生）' } },
  { key: 'f12', username: 'family12', displayName: '彭洁', phone: '13805310012', state: 'withdrawn', submittedDaysAgo: 60, reason: '已在外地就业，申请退出轮候库',
    form: base('370115', f12, { phone: '13805310012', employment: { socialInsuranceMonths: 15, retired: false } }), records: recs(f12, [15]) },
];

/** Department records of every demo person (for SimulatedProvider). */
export const DEMO_SIM_RECORDS: Record<string, SimPerson> = Object.assign({}, ...DEMO_FAMILIES.map((f) => f.records));
