/**
 * `npm run law:build`: parses the gazette (../shared/gazette/, or $QC_GAZETTE) into
 * law/index.json and one readable law/<docId>/README.md per document. Both are committed,
 * so the running platform never needs shared/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGazette } from './parse.js';
import type { LawDocument } from './types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the gazette text is read from: $QC_GAZETTE, else ../shared/gazette beside the repo. */
export function gazettePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.QC_GAZETTE ? resolve(env.QC_GAZETTE) : resolve(ROOT, '../shared/gazette/jinan-gazette-2025-07-08.txt');
}

/** Markdown view of one document, for people reading the repository. */
export function toMarkdown(doc: LawDocument): string {
  const out = [`# ${doc.number} ${doc.title}`, '', `印发日期 issued: ${doc.issuedOn} · id: \`${doc.docId}\``, ''];
  if (doc.preamble) out.push(...doc.preamble.split('\n').map((p) => `> ${p}\n>`), '');
  let chapter: string | null = null;
  for (const a of doc.articles) {
    if (doc.split === 'articles' && a.chapter !== chapter) {
      chapter = a.chapter;
      if (chapter) out.push(`## ${chapter}`, '');
    }
    out.push(`### ${a.label} <a id="${a.id}"></a>`, '', ...a.text.split('\n').flatMap((p) => [p, '']));
  }
  return out.join('\n');
}

/** Parses the gazette and writes law/. Returns the documents written. */
export function buildLaw(source = gazettePath(), outDir = join(ROOT, 'law')): LawDocument[] {
  const docs = parseGazette(readFileSync(source, 'utf8'));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'index.json'), `${JSON.stringify(docs, null, 2)}\n`);
  for (const doc of docs) {
    mkdirSync(join(outDir, doc.docId), { recursive: true });
    writeFileSync(join(outDir, doc.docId, 'README.md'), toMarkdown(doc));
  }
  return docs;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const docs = buildLaw();
  for (const d of docs) console.log(`${d.docId}\t${d.number}\t${d.articles.length} articles`);
}
