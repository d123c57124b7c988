/**
 * Read access to the gazette split by article (law/index.json, built by `npm run law:build`).
 */
import { readFileSync } from 'node:fs';
import type { Article, Clause, LawDocument } from './types.js';

export type { Article, Clause, LawDocument } from './types.js';
export { articleLabel, chineseNumeral } from './label.js';

let cache: LawDocument[] | null = null;

function load(): LawDocument[] {
  cache ??= JSON.parse(readFileSync(new URL('../../law/index.json', import.meta.url), 'utf8')) as LawDocument[];
  return cache;
}

/** Every document of the gazette, in print order. */
export function listDocuments(): LawDocument[] {
  return load();
}

/** One document by its id ("jizhengfa-2025-3"), or undefined. */
export function getDocument(docId: string): LawDocument | undefined {
  return load().find((d) => d.docId === docId);
}

/**
 * One article. `article` is the article number for measures (8 → 第八条), the 1-based
 * position for documents split by sections, or an article id ("a8", "s3-1").
 */
export function getArticle(docId: string, article: number | string): Article | undefined {
  const doc = getDocument(docId);
  if (!doc) return undefined;
  return typeof article === 'number' ? doc.articles.find((a) => a.no === article) : doc.articles.find((a) => a.id === article);
}

/** A clause of an article: `clause` may be written "一", "(一)" or "（一）". */
export function getClause(docId: string, article: number | string, clause: string): Clause | undefined {
  const want = `(${clause.replace(/^[(（]|[)）]$/g, '')})`;
  return getArticle(docId, article)?.clauses.find((c) => c.label === want);
}
