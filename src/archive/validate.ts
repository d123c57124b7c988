/**
 * 第二十一条: the published JSON Schema of the unit archive (draft 2020-12) and its validator.
 * Every export is validated before it leaves (src/commands/titles/archive.ts); the same file is
 * served at GET /api/public/schemas/unit-archive-v1.json, so receivers validate with what we do.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/** The schema's file name beside this module. */
export const UNIT_ARCHIVE_SCHEMA_FILE = 'unit-archive.v1.schema.json';
/** The format version exports carry (semver: additive changes raise the minor). */
export const UNIT_ARCHIVE_VERSION = '1.0.0';

/** The schema as published (parsed once). */
export const unitArchiveSchema: Record<string, unknown> = JSON.parse(readFileSync(new URL(`./${UNIT_ARCHIVE_SCHEMA_FILE}`, import.meta.url), 'utf8'));

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const check = ajv.compile(unitArchiveSchema);

/** One problem: where in the document (JSON pointer) and what. */
export type ArchiveProblem = { path: string; message: string };

/** Validates a document against the schema; ok or the list of problems. */
export function validateUnitArchive(doc: unknown): { ok: true } | { ok: false; problems: ArchiveProblem[] } {
  if (check(doc)) return { ok: true };
  return { ok: false, problems: (check.errors ?? []).map((e: ErrorObject) => ({ path: e.instancePath || '/', message: `${e.keyword}: ${e.message ?? ''}`.trim() })) };
}
