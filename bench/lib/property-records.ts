/**
 * The simulated property department (自然资源和规划) for the re-check benchmark. Its records
 * are not in the platform's database (the department answers questions about ID numbers), so
 * nothing is loaded: a deterministic rule says which people registered a home since
 * admission, and everybody else has none. The answer is the same for the same person on
 * every call, and memory does not grow with the number of families checked.
 */
import { SimulatedProvider } from '../../src/datachecks/simulated.js';
import type { CheckAnswer, PropertyResult } from '../../src/datachecks/types.js';

/** FNV-1a 32-bit: a cheap, stable hash of an ID number. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The home a chosen person registered (one commercial flat, above 20 m² per member of a family of 3). */
export const NEW_HOME = { kind: 'commercial' as const, area: 89.5, registeredOn: '2025-03-01' };

/** Department rule: the holder of `idNumber` registered NEW_HOME when its hash falls under `permille`. */
export function ownsNewHome(idNumber: string, permille: number): boolean {
  return fnv1a(idNumber.toUpperCase()) % 1000 < permille;
}

/** A SimulatedProvider whose property answers follow `ownsNewHome` for every person. */
export class RuleBasedPropertyRecords extends SimulatedProvider {
  constructor(private readonly permille: number, private readonly clockNow: () => Date) {
    super({}, clockNow);
  }

  override async property(ids: string[], asOf: string): Promise<CheckAnswer<PropertyResult>> {
    const records = ids.flatMap((id, member) => (ownsNewHome(id, this.permille) && NEW_HOME.registeredOn <= asOf ? [{ member, ...NEW_HOME }] : []));
    const ownedArea = records.reduce((s, r) => s + Math.round(r.area * 100), 0) / 100;
    const result: PropertyResult = { ownedUnits: records.length, ownedArea, records };
    return { department: 'property', provider: 'simulated-rule', checkedAt: this.clockNow().toISOString(), asOf, result, raw: { source: 'simulated', result } };
  }
}
