/**
 * The shape of a parameter file (OpenFisca style): one YAML mapping of parameters, each with
 * a bilingual description, a unit, dated values with their legal reference, and the last day
 * someone confirmed the newest value still holds.
 */
import { z } from 'zod';

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const isoDate = z.string().refine(isIsoDate, { message: 'must be a calendar date YYYY-MM-DD' });
const text = z.string().trim().min(1, { message: 'must not be empty' });

/** A parameter value (lists of strings, or of numbers such as reminder offsets in days); null ends it from that date. */
export const paramValue = z.union([z.number(), z.string(), z.boolean(), z.array(z.string()), z.array(z.number()), z.null()]);
export type ParamValue = Exclude<z.infer<typeof paramValue>, null>;

const valueEntry = z.strictObject({
  value: paramValue,
  reference: text,
  note: text.optional(),
});

/** One parameter as written in YAML. */
export const paramDefinition = z
  .strictObject({
    description: z.strictObject({ zh: text, en: text }),
    unit: text,
    values: z.record(isoDate, valueEntry).refine((v) => Object.keys(v).length > 0, { message: 'needs at least one dated value' }),
    last_value_still_valid_on: isoDate,
  })
  .superRefine((def, ctx) => {
    const dates = Object.keys(def.values).sort();
    const first = def.values[dates[0]!];
    if (first && first.value === null) {
      ctx.addIssue({ code: 'custom', path: ['values', dates[0]!, 'value'], message: 'the first value cannot be null' });
    }
    const kinds = new Set(
      dates.map((d) => def.values[d]!.value).filter((v) => v !== null).map((v) => (Array.isArray(v) ? 'list' : typeof v)),
    );
    if (kinds.size > 1) ctx.addIssue({ code: 'custom', path: ['values'], message: `values mix types (${[...kinds].join(', ')})` });
    const last = dates[dates.length - 1]!;
    if (def.last_value_still_valid_on < last) {
      ctx.addIssue({ code: 'custom', path: ['last_value_still_valid_on'], message: `is before the last value's date ${last}` });
    }
  });
export type ParamDefinitionInput = z.infer<typeof paramDefinition>;

/** A parameter file: snake_case keys to definitions. */
export const paramFile = z.record(
  z.string().regex(/^[a-z][a-z0-9_]*$/, { message: 'parameter keys are snake_case' }),
  paramDefinition,
);
