import { describe, expect, it } from 'vitest';
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

  it.each(defs.map((d) => [d.name, d] as const))('%s cites 济政发〔2025〕3号 by article', (_name, def) => {
    for (const v of def.versions) expect(v.reference).toMatch(/^济政发〔2025〕3号 第[一二三四五六七八九十]+条/);
  });
});
