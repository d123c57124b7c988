import { describe, expect, it } from 'vitest';
import type { PriceApproval, Project, SalePlan } from '../../api/sale';
import type { Account } from '../../api/types';
import { abilities, canDecidePrice, planActions } from './permissions';

const acct = (role: Account['role'], districtCode?: string): Account => ({ id: role, username: role, role, districtCode });
const project = (level: 'city' | 'district'): Project =>
  ({ id: 'p', code: 'JN-2026-001', name: '泉城安居·汉峪苑', level, districtCode: '370102', saleMode: 'presale', address: '历下区', status: 'draft' });
const approval = (status: PriceApproval['status']): PriceApproval => ({ id: 'a', status, basePricePerM2Fen: 1_200_000, floatRange: '0.05' });

describe('第十二条: who decides a price approval, at which stage', () => {
  it('a city project is approved by city staff, never by a district', () => {
    expect(canDecidePrice(acct('city_staff'), project('city'), approval('submitted'))).toBe(true);
    expect(canDecidePrice(acct('district_staff', '370102'), project('city'), approval('submitted'))).toBe(false);
  });
  it('a district project is first approved by its own district, then confirmed by the city', () => {
    const p = project('district');
    expect(canDecidePrice(acct('district_staff', '370102'), p, approval('submitted'))).toBe(true);
    expect(canDecidePrice(acct('district_staff', '370103'), p, approval('submitted'))).toBe(false);
    expect(canDecidePrice(acct('city_staff'), p, approval('submitted'))).toBe(false);
    expect(canDecidePrice(acct('city_staff'), p, approval('district_approved'))).toBe(true);
    expect(canDecidePrice(acct('district_staff', '370102'), p, approval('district_approved'))).toBe(false);
  });
  it('nobody decides an approved or rejected schedule again, and the implementer never decides', () => {
    expect(canDecidePrice(acct('city_staff'), project('city'), approval('approved'))).toBe(false);
    expect(canDecidePrice(acct('city_staff'), project('district'), approval('rejected'))).toBe(false);
    expect(canDecidePrice(acct('implementer'), project('city'), approval('submitted'))).toBe(false);
  });
});

describe('roles on a project: the implementer runs it, staff approve and draw, the auditor reads', () => {
  it('the implementer edits the catalogue, submits prices and plans, keeps the 第十七条 ledger, but does not draw or convert', () => {
    const a = abilities(acct('implementer'), project('district'));
    expect(a).toMatchObject({ editCatalogue: true, submitPrices: true, writePlans: true, writeFunds: true, manageDraws: false, convertUnits: false, approvePlans: false });
  });
  it('district staff of another district can do nothing on the project', () => {
    const a = abilities(acct('district_staff', '370105'), project('district'));
    expect(Object.values(a).some(Boolean)).toBe(false);
  });
  it('a city project’s plan is approved by the city, a district project’s by its district (报同级政府同意, 第十条)', () => {
    expect(abilities(acct('city_staff'), project('city')).approvePlans).toBe(true);
    expect(abilities(acct('district_staff', '370102'), project('city')).approvePlans).toBe(false);
    expect(abilities(acct('district_staff', '370102'), project('district')).approvePlans).toBe(true);
    expect(abilities(acct('city_staff'), project('district')).approvePlans).toBe(false);
  });
  it('第十六条 同级政府: a city project’s unit is converted by city staff only; a district project’s by its district or the city', () => {
    expect(abilities(acct('district_staff', '370102'), project('city')).convertUnits).toBe(false);
    expect(abilities(acct('city_staff'), project('city')).convertUnits).toBe(true);
    expect(abilities(acct('district_staff', '370102'), project('district')).convertUnits).toBe(true);
  });
  it('the auditor changes nothing', () => {
    expect(Object.values(abilities(acct('auditor'), project('city'))).some(Boolean)).toBe(false);
  });
});

describe('plan actions follow the plan’s status', () => {
  const plan = (status: SalePlan['status']) => ({ status }) as SalePlan;
  it('draft → submit (implementer); submitted → approve/reject (staff of the level); approved → publish', () => {
    const impl = abilities(acct('implementer'), project('city'));
    const city = abilities(acct('city_staff'), project('city'));
    expect(planActions(impl, plan('draft'))).toEqual(['submit']);
    expect(planActions(city, plan('draft'))).toEqual([]);
    expect(planActions(city, plan('submitted'))).toEqual(['approve', 'reject']);
    expect(planActions(impl, plan('submitted'))).toEqual([]);
    expect(planActions(impl, plan('approved'))).toEqual(['publish']);
    expect(planActions(city, plan('published'))).toEqual([]);
  });
});
