/**
 * Simulated departments for development, demo and tests. Answers come from a record book
 * keyed by ID number (the demo families in src/demo/sim-records.ts, plus whatever a test
 * puts in); anyone not in the book gets a deterministic answer derived from the ID number,
 * so that the same person always gets the same answer and any number of families can be
 * checked (benchmarks) without a fixture.
 */
import { createHash } from 'node:crypto';
import type {
  CheckAnswer, DataCheckProvider, Department, PropertyResult, CivilAffairsResult, ProvidentFundResult, SocialInsuranceResult,
} from './types.js';

/** What the simulated departments know about one person. */
export interface SimPerson {
  homes?: Array<{ kind: 'commercial' | 'policy' | 'affordable'; area: number; registeredOn: string }>;
  lowMiddleIncomeSince?: string | null;
  socialInsuranceMonths?: number;
  retired?: boolean;
  providentFund?: { status: 'contributing' | 'suspended' | 'none'; months: number };
}

const norm = (id: string) => id.trim().toUpperCase();
const hashByte = (id: string, salt: string) => createHash('sha256').update(salt + norm(id)).digest()[0];

// Default for a person not in the book: no home, no income certificate, 0–95 months of
// social insurance, retired when 60 or over on asOf. A deterministic spread, not statistics.
function defaultPerson(id: string, asOf: string): Required<SimPerson> {
  const months = hashByte(id, 'si') % 96;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const sixtieth = `${Number(birth.slice(0, 4)) + 60}${birth.slice(4)}`;
  return {
    homes: [],
    lowMiddleIncomeSince: null,
    socialInsuranceMonths: months,
    retired: sixtieth <= asOf,
    providentFund: { status: months > 0 ? 'contributing' : 'none', months },
  };
}

/** Simulated provider over a mutable record book. */
export class SimulatedProvider implements DataCheckProvider {
  readonly name = 'simulated';
  private readonly book = new Map<string, SimPerson>();
  /** Fixed clock for `checkedAt`; defaults to the real time of the call. */
  constructor(records: Record<string, SimPerson> = {}, private readonly now: () => Date = () => new Date()) {
    for (const [id, p] of Object.entries(records)) this.book.set(norm(id), p);
  }

  /** Add or change what the departments know about a person (e.g. a flat bought while waiting). */
  put(idNumber: string, person: SimPerson): void {
    this.book.set(norm(idNumber), { ...this.book.get(norm(idNumber)), ...person });
  }

  private person(id: string, asOf: string): Required<SimPerson> {
    const p = this.book.get(norm(id));
    const homes = (p?.homes ?? []).filter((h) => h.registeredOn <= asOf);
    return { ...defaultPerson(id, asOf), ...p, homes } as Required<SimPerson>;
  }

  private answer<R>(department: Department, asOf: string, result: R): CheckAnswer<R> {
    return { department, provider: this.name, checkedAt: this.now().toISOString(), asOf, result, raw: { source: 'simulated', result } };
  }

  async property(ids: string[], asOf: string): Promise<CheckAnswer<PropertyResult>> {
    const records = ids.flatMap((id, member) => this.person(id, asOf).homes.map((h) => ({ member, ...h })));
    // Two members registered on one home (joint ownership) count once.
    const unique = new Map(records.map((r) => [`${r.kind}|${r.area}|${r.registeredOn}`, r]));
    const area = [...unique.values()].reduce((s, r) => s + Math.round(r.area * 100), 0) / 100;
    return this.answer('property', asOf, { ownedUnits: unique.size, ownedArea: area, records });
  }

  async propertyBatch(families: string[][], asOf: string): Promise<Array<CheckAnswer<PropertyResult>>> {
    return Promise.all(families.map((ids) => this.property(ids, asOf)));
  }

  async civilAffairs(ids: string[], asOf: string): Promise<CheckAnswer<CivilAffairsResult>> {
    const since = ids.map((id) => this.person(id, asOf).lowMiddleIncomeSince).filter((d): d is string => !!d && d <= asOf).sort()[0];
    return this.answer('civil_affairs', asOf, { incomeStatus: since ? 'low_middle' : 'none', certifiedOn: since ?? null });
  }

  async socialInsurance(ids: string[], asOf: string): Promise<CheckAnswer<SocialInsuranceResult>> {
    const members = ids.map((id, member) => {
      const p = this.person(id, asOf);
      return { member, months: p.socialInsuranceMonths, retired: p.retired };
    });
    return this.answer('social_insurance', asOf, { members });
  }

  async providentFund(ids: string[], asOf: string): Promise<CheckAnswer<ProvidentFundResult>> {
    const members = ids.map((id, member) => ({ member, ...this.person(id, asOf).providentFund }));
    return this.answer('provident_fund', asOf, { members });
  }
}
