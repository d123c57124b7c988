import { describe, expect, it } from 'vitest';
import { family } from '../rules/housing/eligibility/family.fixture.js';
import { evaluateRule, rules } from '../rules/registry.js';
import { type ParamDefinition, allParams, param, versionOn } from './load.js';

function* days(from: string, to: string): Generator<string> {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

// Counted independently of versionOn: the versions whose [from, next from) holds the day.
function applying(def: ParamDefinition, day: string): number {
  return def.versions.filter((v, i) => {
    const next = def.versions[i + 1]?.from;
    return v.value !== null && v.from <= day && (next === undefined || day < next);
  }).length;
}

describe('temporal coverage of params/', () => {
  const defs = [...allParams().values()];

  it('loads every parameter file', () => {
    expect(defs.length).toBeGreaterThan(10);
  });

  it.each(defs.map((d) => [d.name, d] as const))('%s has exactly one value on every day it covers', (_name, def) => {
    const last = def.versions[def.versions.length - 1]!;
    const end = last.value === null ? last.from : def.lastValueStillValidOn;
    let checked = 0;
    for (const day of days(def.versions[0]!.from, end)) {
      const endedHere = last.value === null && day >= last.from;
      expect(applying(def, day), `${def.name} on ${day}`).toBe(endedHere ? 0 : 1);
      if (!endedHere) expect(param(def.name, day).version).toBe(versionOn(def, day)!.from);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it.each(defs.map((d) => [d.name, d] as const))('%s cites a document of the gazette by article', (_name, def) => {
    for (const v of def.versions) expect(v.reference).toMatch(/^\p{Script=Han}+〔\d{4}〕\d+号 第[一二三四五六七八九十]+条/u);
  });
});

describe('no rule reads a parameter on a date before it starts', () => {
  const inForce = allParams().get('housing.measure.in_force')!.versions[0]!.from;
  const samples: Record<string, unknown> = {
    'housing.eligibility': family(),
    'housing.waitlist-status': { admittedOn: '2025-03-31', lastConfirmedOn: null, purchased: false },
    'housing.unit-price': { basePricePerM2: 900000, floatRange: 0.05, area: 89.57, coefficient: 1.03 },
    'housing.down-payment': { price: 100000000, downPayment: 15000000, loanType: 'commercial' },
    'housing.conversion': { status: 'available', offeredOn: '2025-04-01' },
    'housing.exit-eligibility': { titleIssuedOn: '2025-03-31', route: 'buyback', extraLoansOrMortgages: false, leased: false, legalDispute: false, useChanged: false, structureAltered: false },
    'housing.buyback-price': { originalPrice: 100000000, paidOn: '2025-03-31', builtOn: '2024-12-31' },
    'housing.buyback-payments': { price: 100000000, outstandingLoan: 30000000 },
    'housing.resale-floor': { buybackPrice: 99500000, renovationCost: 3850050 },
    'housing.multi-unit-deadline': { changeOn: '2025-03-31' },
  };

  it('every rule has a sample input here', () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(rules).sort());
  });

  it.each(Object.values(rules).map((r) => [r.id, r] as const))('%s: every parameter it reads starts by the in-force date 2025-03-31', (_id, rule) => {
    expect(inForce).toBe('2025-03-31');
    for (const name of rule.params) {
      const def = allParams().get(name);
      expect(def, name).toBeDefined();
      expect(def!.versions[0]!.from <= inForce, name).toBe(true);
    }
  });

  it.each(Object.keys(rules).map((id) => [id] as const))('%s: refuses the day before the measure and, on every day after, reads only declared parameters in force', (id) => {
    expect(evaluateRule(id, samples[id], '2025-03-30')).toMatchObject({ ok: false, problems: [{ field: 'asOf' }] });
    const declared = new Set(rules[id]!.params);
    for (const day of days(inForce, '2026-12-31')) {
      const out = evaluateRule(id, samples[id], day);
      if (!out.ok) throw new Error(`${id} on ${day}: ${JSON.stringify(out.problems)}`);
      for (const step of out.result.trace) {
        for (const [name, used] of Object.entries(step.params ?? {})) {
          expect(declared.has(name), `${id} reads undeclared ${name}`).toBe(true);
          expect(used.version <= day, `${name} version ${used.version} on ${day}`).toBe(true);
          expect(used.version).toBe(versionOn(allParams().get(name)!, day)!.from);
        }
      }
    }
  });
});
