import { describe, expect, it } from 'vitest';
import { SimulatedProvider, checkFamily, mergeChecks, propertyOfFamilies } from './index.js';

const AS_OF = '2026-03-01';
const fixed = () => new Date('2026-03-01T02:00:00Z');
const A = '370102198805123413';
const B = '370102199002154425';
const OLD = '370102196003015611';

const declared = {
  members: [{ relation: 'applicant' }, { relation: 'spouse' }, { relation: 'parent' }],
  employment: { socialInsuranceMonths: 36, retired: false },
  incomeStatus: 'none' as const,
  housing: { ownedUnits: 0, ownedArea: 0 },
};

describe('simulated departments (第三条 data checks)', () => {
  it('answers from the record book: homes registered by asOf, low-middle income, insurance months', async () => {
    const p = new SimulatedProvider({
      [A]: { homes: [{ kind: 'commercial', area: 88.5, registeredOn: '2019-06-01' }, { kind: 'commercial', area: 60, registeredOn: '2027-01-01' }], socialInsuranceMonths: 40 },
      [B]: { homes: [{ kind: 'commercial', area: 88.5, registeredOn: '2019-06-01' }], lowMiddleIncomeSince: '2025-01-10', socialInsuranceMonths: 70 },
    }, fixed);
    const c = await checkFamily(p, [A, B, OLD], AS_OF);
    expect(c.property.result).toMatchObject({ ownedUnits: 1, ownedArea: 88.5 });
    expect(c.civilAffairs.result).toEqual({ incomeStatus: 'low_middle', certifiedOn: '2025-01-10' });
    expect(c.socialInsurance.result.members[1]).toEqual({ member: 1, months: 70, retired: false });
    expect(c.socialInsurance.result.members[2].retired).toBe(true); // born 1960-03-01, 66 on asOf
    expect(c.property.checkedAt).toBe('2026-03-01T02:00:00.000Z');
    expect(JSON.stringify(c)).not.toContain(A);
  });

  it('gives a stranger the same answer every time, and a flat bought later shows on the next check', async () => {
    const p = new SimulatedProvider({}, fixed);
    const x = '370103199512306628';
    expect((await p.socialInsurance([x], AS_OF)).result).toEqual((await new SimulatedProvider().socialInsurance([x], AS_OF)).result);
    expect((await p.property([x], AS_OF)).result.ownedUnits).toBe(0);
    p.put(x, { homes: [{ kind: 'commercial', area: 95, registeredOn: '2026-02-01' }] });
    expect((await p.property([x], AS_OF)).result).toMatchObject({ ownedUnits: 1, ownedArea: 95 });
  });
});

describe('property re-check in bulk (第九条)', () => {
  it('the batch answer equals asking family by family, in the same order, with or without propertyBatch', async () => {
    const p = new SimulatedProvider({ [A]: { homes: [{ kind: 'commercial', area: 88.5, registeredOn: '2019-06-01' }] } }, fixed);
    const families = [[A, B], [OLD], [B]];
    const one = await Promise.all(families.map((f) => p.property(f, AS_OF)));
    expect(await propertyOfFamilies(p, families, AS_OF)).toEqual(one);
    const plain = { name: p.name, property: p.property.bind(p), civilAffairs: p.civilAffairs.bind(p), socialInsurance: p.socialInsurance.bind(p), providentFund: p.providentFund.bind(p) };
    expect(await propertyOfFamilies(plain, families, AS_OF)).toEqual(one);
    expect(one.map((a) => a.result.ownedUnits)).toEqual([1, 0, 0]);
  });
});

describe('merging checks into the declaration', () => {
  it('checked values override the declared where they differ, and the difference is recorded', async () => {
    const p = new SimulatedProvider({
      [A]: { homes: [{ kind: 'policy', area: 45, registeredOn: '2001-01-01' }], socialInsuranceMonths: 12 },
      [B]: { socialInsuranceMonths: 30, lowMiddleIncomeSince: '2024-05-01' },
      [OLD]: { socialInsuranceMonths: 300, retired: true },
    }, fixed);
    const { input, overrides } = mergeChecks(declared, await checkFamily(p, [A, B, OLD], AS_OF));
    expect(input.housing).toEqual({ ownedUnits: 1, ownedArea: 45 });
    expect(input.incomeStatus).toBe('low_middle');
    // 第五条 employment is read from applicant and spouse only: the retired parent does not count.
    expect(input.employment).toEqual({ socialInsuranceMonths: 30, retired: false });
    expect(overrides.map((o) => o.field).sort()).toEqual(['employment.socialInsuranceMonths', 'housing.ownedArea', 'housing.ownedUnits', 'incomeStatus']);
    expect(overrides.find((o) => o.field === 'employment.socialInsuranceMonths')).toEqual({ field: 'employment.socialInsuranceMonths', declared: 36, checked: 30, department: 'social_insurance' });
    expect(declared.housing.ownedUnits).toBe(0);
  });

  it('records no override when the declaration matches the records', async () => {
    const p = new SimulatedProvider({ [A]: { socialInsuranceMonths: 36 }, [B]: { socialInsuranceMonths: 10 } }, fixed);
    const { overrides } = mergeChecks(declared, await checkFamily(p, [A, B, OLD], AS_OF));
    expect(overrides).toEqual([]);
  });
});
