/**
 * Loads params/**\/*.yaml, validates every file, and answers "which value applies on this date".
 * A malformed file is refused as a whole with an error naming the file and the key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type ParamValue, isIsoDate, paramFile } from './schema.js';

export type { ParamValue } from './schema.js';

/** A dated value of a parameter; `value: null` means the parameter ends on `from`. */
export type ParamVersion = { from: string; value: ParamValue | null; reference: string; note?: string };

/** A parameter with its versions sorted by date. */
export type ParamDefinition = {
  name: string;
  file: string;
  description: { zh: string; en: string };
  unit: string;
  versions: ParamVersion[];
  lastValueStillValidOn: string;
};

/** What a rule receives: the value, the version (its effective date) and the legal reference. */
export type ParamAt<T extends ParamValue = ParamValue> = { value: T; version: string; reference: string };

/** A parameter file that cannot be used; the message starts with the file and the key. */
export class ParamsFileError extends Error {
  constructor(readonly file: string, readonly key: string, detail: string) {
    super(`${file}: ${key || '(file)'}: ${detail}`);
    this.name = 'ParamsFileError';
  }
}

/** A parameter asked for on a date it has no value for (before it starts, or after it ended). */
export class ParamNotInForceError extends Error {
  constructor(readonly param: string, readonly asOf: string, readonly firstDate: string) {
    super(`parameter ${param} has no value on ${asOf} (first value from ${firstDate})`);
    this.name = 'ParamNotInForceError';
  }
}

export const PARAMS_DIR = fileURLToPath(new URL('../../params/', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
}

// A record key that fails (a date like 2025-02-30) carries its reason one level down.
function describe(issue: { code: string; message: string; issues?: { message: string }[] }): string {
  return issue.code === 'invalid_key' && issue.issues?.[0] ? `bad key: ${issue.issues[0].message}` : issue.message;
}

/** Parses and validates one file; `group` is its dotted path under params/ ("housing.eligibility"). */
export function loadParamFile(path: string, group: string, shownAs = path): ParamDefinition[] {
  let doc: unknown;
  try {
    doc = parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ParamsFileError(shownAs, '', `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const parsed = paramFile.safeParse(doc ?? {});
  if (!parsed.success) {
    const [first, ...rest] = parsed.error.issues.map((i) => ({ key: i.path.map(String).join('.'), message: describe(i) }));
    const more = rest.map((r) => `; ${r.key}: ${r.message}`).join('');
    throw new ParamsFileError(shownAs, first!.key, first!.message + more);
  }
  return Object.entries(parsed.data).map(([key, def]) => ({
    name: `${group}.${key}`,
    file: shownAs,
    description: def.description,
    unit: def.unit,
    versions: Object.keys(def.values)
      .sort()
      .map((from) => ({ from, ...def.values[from]! })),
    lastValueStillValidOn: def.last_value_still_valid_on,
  }));
}

/** Loads every YAML file under `dir`; names are "<folder>.<file>.<key>". */
export function loadParamsDir(dir: string = PARAMS_DIR): Map<string, ParamDefinition> {
  const out = new Map<string, ParamDefinition>();
  for (const file of yamlFiles(dir)) {
    const rel = relative(dir, file);
    const group = rel.replace(/\.ya?ml$/, '').split(sep).join('.');
    for (const def of loadParamFile(file, group, join('params', rel))) out.set(def.name, def);
  }
  return out;
}

let registry: Map<string, ParamDefinition> | null = null;

/** Every parameter of params/, loaded once. */
export function allParams(): Map<string, ParamDefinition> {
  registry ??= loadParamsDir();
  return registry;
}

/** The version of `def` that applies on `asOf`, or undefined before its first date or after it ended. */
export function versionOn(def: ParamDefinition, asOf: string): ParamVersion | undefined {
  let found: ParamVersion | undefined;
  for (const v of def.versions) if (v.from <= asOf) found = v;
  return found && found.value !== null ? found : undefined;
}

/**
 * The value of parameter `name` on `asOf` (YYYY-MM-DD).
 * @throws Error for an unknown name or a malformed date; ParamNotInForceError when no value applies.
 */
export function param<T extends ParamValue = ParamValue>(name: string, asOf: string): ParamAt<T> {
  if (!isIsoDate(asOf)) throw new Error(`param(${name}): asOf "${asOf}" is not a date YYYY-MM-DD`);
  const def = allParams().get(name);
  if (!def) throw new Error(`unknown parameter ${name}`);
  const v = versionOn(def, asOf);
  if (!v) throw new ParamNotInForceError(name, asOf, def.versions[0]!.from);
  return { value: v.value as T, version: v.from, reference: v.reference };
}

/** The name docs/CONTRACT.md gives the same lookup. */
export const paramsAt = param;
