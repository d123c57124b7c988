/**
 * Citations: which document and article a decision rests on.
 */
import { articleLabel } from '../../law/label.js';

/** A pointer into the gazette, e.g. 济政发〔2025〕3号 第三十一条 (一). */
export type Citation = {
  doc: string;
  docId: string;
  article: string;
  articleNo: number;
  clause?: string;
};

/** Document numbers by id, as law/index.json names them (a test checks they agree). */
export const DOC_NUMBERS: Record<string, string> = {
  'jizhengfa-2025-3': '济政发〔2025〕3号',
  'jizhengfa-2025-4': '济政发〔2025〕4号',
  'jizhengzi-2025-25': '济政字〔2025〕25号',
  'jikefa-2025-10': '济科发〔2025〕10号',
  'jishuzi-2025-6': '济数字〔2025〕6号',
};

/**
 * Builds a citation. `clause` is written as printed, e.g. "(一)".
 * @throws Error for a document id the gazette does not hold.
 */
export function cite(docId: string, articleNo: number, clause?: string): Citation {
  const doc = DOC_NUMBERS[docId];
  if (!doc) throw new Error(`cite: unknown document ${docId}`);
  const c: Citation = { doc, docId, article: articleLabel(articleNo), articleNo };
  if (clause !== undefined) c.clause = clause;
  return c;
}

/** "济政发〔2025〕3号 第三十一条(一)" */
export function formatCitation(c: Citation): string {
  return `${c.doc} ${c.article}${c.clause ?? ''}`;
}
