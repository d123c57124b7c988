import type { LawArticle, LawDocument } from '../../api/types';

/** The URL key of an article: its number when numbered (第N条), else its stable id. */
export function articleKey(a: LawArticle): string {
  return typeof a.no === 'number' || /^\d+$/.test(String(a.no)) ? String(a.no) : a.id;
}

/** Finds an article of a document by URL key (number or id). */
export function findArticle(doc: LawDocument | undefined, key: string): { article?: LawArticle; index: number } {
  if (!doc) return { index: -1 };
  const index = doc.articles.findIndex((a) => String(a.no) === key || a.id === key);
  return { article: doc.articles[index], index };
}

/** Groups the articles of a document by chapter, keeping the order. */
export function byChapter(doc: LawDocument): { chapter: string; articles: LawArticle[] }[] {
  const groups: { chapter: string; articles: LawArticle[] }[] = [];
  for (const a of doc.articles) {
    const ch = a.chapter ?? '';
    const last = groups[groups.length - 1];
    if (last && last.chapter === ch) last.articles.push(a);
    else groups.push({ chapter: ch, articles: [a] });
  }
  return groups;
}
