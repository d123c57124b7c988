import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VACATING_ITEMS } from '../db/schema-closed-loop.js';
import { ParamNotInForceError, ParamsFileError, loadParamFile, loadParamsDir, param, versionOn } from './load.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const bad = (name: string) => () => loadParamFile(`${fixtures}bad/${name}`, 'demo', `bad/${name}`);

describe('parameter loader', () => {
  it('returns value, version (effective date) and reference for a date', () => {
    expect(param('housing.waitlist.reconfirm_period_years', '2025-03-31')).toEqual({
      value: 2,
      version: '2025-03-31',
      reference: '济政发〔2025〕3号 第八条',
    });
  });

  it('reads a list of numbers (the 第二十二条 reminder offsets) and a list of strings (the 第二十九条 vacating items)', () => {
    expect(param('housing.closed-loop.multi_unit_reminder_days_before', '2025-03-31').value).toEqual([30, 7, 1]);
    expect(param('housing.closed-loop.vacating_items', '2025-03-31').value).toEqual([...VACATING_ITEMS]);
  });

  it('refuses a date before the first value with ParamNotInForceError', () => {
    expect(() => param('housing.waitlist.reconfirm_period_years', '2025-03-30')).toThrow(ParamNotInForceError);
  });

  it('refuses an unknown name and a malformed date', () => {
    expect(() => param('housing.nope', '2025-05-01')).toThrow(/unknown parameter housing.nope/);
    expect(() => param('housing.waitlist.reconfirm_period_years', '2025-5-1')).toThrow(/not a date/);
  });

  it('follows a value that changes and then ends (value: null)', () => {
    const def = loadParamsDir(`${fixtures}good`).get('demo.rates.deposit_months')!;
    expect(versionOn(def, '2025-03-30')).toBeUndefined();
    expect(versionOn(def, '2025-06-30')!.value).toBe(6);
    expect(versionOn(def, '2025-07-01')!.value).toBe(12);
    expect(versionOn(def, '2025-12-31')!.value).toBe(12);
    expect(versionOn(def, '2026-01-01')).toBeUndefined();
  });
});

describe('malformed parameter files are rejected naming the file and the key', () => {
  const cases: [string, RegExp][] = [
    ['missing-reference.yaml', /^bad\/missing-reference.yaml: months\.values\.2025-03-31\.reference: /],
    ['impossible-date.yaml', /^bad\/impossible-date.yaml: months\.values\.2025-02-30: bad key: must be a calendar date/],
    ['misspelt-field.yaml', /^bad\/misspelt-field.yaml: months\.values\.2025-03-31\.reference: .*refrence/],
    ['mixed-types.yaml', /^bad\/mixed-types.yaml: months\.values: values mix types \(number, string\)/],
    ['checked-before-last-value.yaml', /months\.last_value_still_valid_on: is before the last value's date 2025-06-01/],
    ['missing-english.yaml', /^bad\/missing-english.yaml: months\.description\.en: /],
    ['duplicate-key.yaml', /^bad\/duplicate-key.yaml: \(file\): not valid YAML: Map keys must be unique/],
    ['camel-case-key.yaml', /^bad\/camel-case-key.yaml: socialMonths: bad key: parameter keys are snake_case/],
    ['starts-null.yaml', /months\.values\.2025-03-31\.value: the first value cannot be null/],
  ];
  it.each(cases)('%s', (file, message) => {
    expect(bad(file)).toThrow(ParamsFileError);
    expect(bad(file)).toThrow(message);
  });

  it('every bad fixture has a case here', () => {
    expect(readdirSync(`${fixtures}bad`).sort()).toEqual(cases.map((c) => c[0]).sort());
  });
});
