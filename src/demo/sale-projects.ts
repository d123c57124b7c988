/**
 * The two demo projects of the sale (src/demo/sale.ts): their catalogue, prices and plans, with
 * days counted from the seed's "today". Names, addresses and figures are invented but of the
 * right size for 济南 (base prices 8,600 and 9,000 元/m², homes of 60–120 m², 认购金 2万元).
 */
import { addDays } from '../rules/core/dates.js';

export type DemoBuilding = {
  name: string; floors: number; completedOn?: string;
  /** One entry per unit of a floor, left to right: 01, 02, … */
  stack: Array<{ area: string; layout: string; orientation: string }>;
};

export type DemoProject = {
  project: {
    code: string; name: string; level: 'city' | 'district'; districtCode: string; saleMode: 'presale' | 'completed';
    address: string; deliveryOn: string; propertyService: string;
  };
  buildings: DemoBuilding[];
  basePricePerM2Fen: number;
  /** Days before today (negative) of each step up to the publication. */
  days: { created: number; pricesSubmitted: number; planDrafted: number; planSubmitted: number; planApproved: number; published: number };
  /** Who approves the prices, in order, and when (第十二条: a district project by its district, then the city). */
  priceApprovers: Array<[string, number]>;
  /** Staff of the project's level (第十条: 报同级政府同意). */
  planApprover: string;
  plan: Record<string, unknown>;
  /** The unit the family that signed chose (project B). */
  sold?: string;
};

export const CODE_A = 'JN-2026-001';
export const CODE_B = 'JN-2026-002';

const at = (today: string, days: number, time: string) => `${addDays(today, days)}T${time}:00+08:00`;
const POOLS = [{ label: 'PRIO', share: '0.30', eligibility: 'priority' }, { label: 'GEN', quota: 'all', eligibility: 'all' }];
const DOCUMENTS = '申请人及家庭成员身份证、户口簿，《准予入库通知书》，认购金缴纳凭证；委托他人办理的另附授权委托书';
const SERVICE = '前期物业服务由济南泉城物业管理有限公司提供，物业服务费每月每平方米1.60元';

/** 泉城安居·历下苑: district level (历下区), 现房, registration open today. */
export const demoA = (today: string): DemoProject => ({
  project: {
    code: CODE_A, name: '泉城安居·历下苑', level: 'district', districtCode: '370102', saleMode: 'completed',
    address: '济南市历下区经十路与浆水泉路交叉口东南 300 米', deliveryOn: addDays(today, 60), propertyService: SERVICE,
  },
  buildings: [
    { name: '1号楼', floors: 10, completedOn: addDays(today, -150), stack: [
      { area: '118.60', layout: '三室两厅两卫', orientation: '南北' }, { area: '89.40', layout: '两室两厅一卫', orientation: '南北' }] },
    { name: '2号楼', floors: 11, completedOn: addDays(today, -120), stack: [
      { area: '96.30', layout: '三室一厅一卫', orientation: '南北' }, { area: '63.80', layout: '两室一厅一卫', orientation: '南' },
      { area: '96.30', layout: '三室一厅一卫', orientation: '南北' }] },
  ],
  basePricePerM2Fen: 860_000,
  days: { created: -40, pricesSubmitted: -30, planDrafted: -15, planSubmitted: -12, planApproved: -10, published: -5 },
  priceApprovers: [['lixia', -25], ['city', -20]],
  planApprover: 'lixia',
  plan: {
    round: 1, registrationOpensAt: at(today, -2, '09:00'), registrationClosesAt: at(today, 7, '17:00'), drawOn: addDays(today, 9),
    depositFen: 2_000_000, pools: POOLS, batchSize: 20, windowMinutes: 120, contractDeadlineDays: 7, documents: DOCUMENTS,
  },
});

/** 泉城安居·高新苑: city level (济南高新区), 预售, drawn; batch 1 open (the longest window a plan allows, one day). */
export const demoB = (today: string): DemoProject => ({
  project: {
    code: CODE_B, name: '泉城安居·高新苑', level: 'city', districtCode: 'Z01', saleMode: 'presale',
    address: '济南高新区舜华路与工业南路交叉口西南 200 米', deliveryOn: addDays(today, 540),
    propertyService: '前期物业服务由山东高新物业服务有限公司提供，物业服务费每月每平方米1.80元',
  },
  buildings: [
    { name: '1号楼', floors: 10, stack: [
      { area: '119.80', layout: '三室两厅两卫', orientation: '南北' }, { area: '89.60', layout: '两室两厅一卫', orientation: '南' },
      { area: '89.60', layout: '两室两厅一卫', orientation: '南' }, { area: '119.80', layout: '三室两厅两卫', orientation: '南北' }] },
    { name: '2号楼', floors: 9, stack: [
      { area: '72.50', layout: '两室一厅一卫', orientation: '南北' }, { area: '72.50', layout: '两室一厅一卫', orientation: '南北' }] },
  ],
  basePricePerM2Fen: 900_000,
  days: { created: -60, pricesSubmitted: -50, planDrafted: -35, planSubmitted: -33, planApproved: -30, published: -28 },
  priceApprovers: [['city', -45]],
  planApprover: 'city',
  plan: {
    round: 1, registrationOpensAt: at(today, -20, '09:00'), registrationClosesAt: at(today, -8, '17:00'), drawOn: addDays(today, -6),
    depositFen: 2_000_000, pools: POOLS, batchSize: 10, windowMinutes: 24 * 60, contractDeadlineDays: 15, documents: DOCUMENTS,
  },
  sold: '1号楼 602',
});

/** The units of a building, floor by floor: number = floor and position (1号楼 1002). */
export function unitsOf(b: DemoBuilding) {
  return Array.from({ length: b.floors }, (_, f) => b.stack.map((u, k) => ({ floor: f + 1, number: `${f + 1}${String(k + 1).padStart(2, '0')}`, ...u }))).flat();
}

/**
 * The unit's adjustment coefficient (第十二条 浮动幅度 ±5%): low floors and the top floor less,
 * middle floors more; a through-ventilated (南北) unit a little more. Thousandths, so within ±4%.
 */
export function coefficient(floor: number, floors: number, orientation: string): string {
  const byFloor = floor === floors ? -10 : floor <= 3 ? -40 + 10 * floor : floor === 4 ? 0 : floor === floors - 1 ? 10 : 20;
  const n = 1000 + byFloor + (orientation === '南北' ? 10 : 0);
  return `${Math.floor(n / 1000)}.${String(n % 1000).padStart(3, '0')}`;
}
