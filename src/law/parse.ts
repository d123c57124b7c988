/**
 * Splits the extracted gazette into documents and articles. Pure: text in, documents out.
 */
import type { Article, Clause, LawDocument } from './types.js';
import { articleLabel, chineseNumeral, parseChineseNumeral } from './label.js';
import { isTerminated, isTitleLike, joinContinuation, normalizeSpaces, stripMarkers } from './normalize.js';

/** How to find one document in the gazette and how to split it. */
export type DocSpec = { docId: string; number: string; numberLine: RegExp; split: LawDocument['split'] };

/** The five documents of 2025 No. 7/8, in print order. */
export const GAZETTE_DOCS: DocSpec[] = [
  { docId: 'jizhengfa-2025-3', number: '济政发〔2025〕3号', numberLine: /^济政发〔2025〕3号$/, split: 'articles' },
  { docId: 'jizhengfa-2025-4', number: '济政发〔2025〕4号', numberLine: /^济政发〔2025〕4号$/, split: 'sections' },
  { docId: 'jizhengzi-2025-25', number: '济政字〔2025〕25号', numberLine: /^济政字〔2025〕25号$/, split: 'whole' },
  { docId: 'jikefa-2025-10', number: '济科发〔2025〕10号', numberLine: /^济科发〔2025〕10号$/, split: 'articles' },
  { docId: 'jishuzi-2025-6', number: '济数字〔2025〕6号', numberLine: /^济数字\s*[[〔]2025[\]〕]\s*6号$/, split: 'sections' },
];

/**
 * Known extraction defects, repaired before parsing. Each must match exactly once, so a
 * new extraction that no longer has the defect fails the build instead of being mangled.
 */
export const LAYOUT_FIXES: { why: string; find: string; replace: string }[] = [
  {
    why: '济数字〔2025〕6号: the heading "(一)数据产品开发奖补" was printed in the margin and landed inside the preamble',
    find: '加 (一)数据产品开发奖补 快释放',
    replace: '加快释放',
  },
  {
    why: '济数字〔2025〕6号: put that heading back at the start of section 一',
    find: '一、奖补内容、标准及兑现要求\n\n- 1. 政策内容',
    replace: '一、奖补内容、标准及兑现要求\n\n(一)数据产品开发奖补\n\n- 1. 政策内容',
  },
];

/** Applies {@link LAYOUT_FIXES}; throws if one does not match exactly once. */
export function applyLayoutFixes(text: string): string {
  let out = text;
  for (const fix of LAYOUT_FIXES) {
    const count = out.split(fix.find).length - 1;
    if (count !== 1) throw new Error(`layout fix "${fix.why}" matched ${count} times, expected 1`);
    out = out.replace(fix.find, fix.replace);
  }
  return out;
}

const ISSUED = /^\((\d{4})年(\d{1,2})月(\d{1,2})日印发\)$/;
const CHAPTER = /^第([一二三四五六七八九十]+)章\s*(.*)$/;
const ARTICLE = /^第([一二三四五六七八九十]+)条\s*(.*)$/;
const SECTION1 = /^([一二三四五六七八九十]+)、/;
const SECTION2 = /^\(([一二三四五六七八九十]+)\)/;

/** "article" opens a 条 and may run on across a page break; a "heading" stands alone when short. */
type Kind = 'text' | 'heading' | 'article';
type Para = { text: string; kind: Kind };

/** Lines → paragraphs: joins lines cut by a page or column break back into their sentence. */
function paragraphs(lines: string[], classify: (text: string) => Kind): Para[] {
  const out: Para[] = [];
  for (const raw of lines) {
    const text = normalizeSpaces(stripMarkers(raw));
    if (text === '') continue;
    const kind = classify(text);
    const prev = out[out.length - 1];
    if (prev && kind === 'text' && !isTerminated(prev.text) && (prev.kind === 'article' || !isTitleLike(prev.text))) {
      prev.text = joinContinuation(prev.text, text);
    } else {
      out.push({ text, kind });
    }
  }
  return out;
}

function clausesOf(paras: string[]): Clause[] {
  return paras.flatMap((p) => {
    const m = SECTION2.exec(p);
    return m ? [{ label: `(${m[1]})`, text: p.slice(m[0].length).trim() }] : [];
  });
}

/** Splits a measure into 条, checking they run 第一条, 第二条, … without a gap. */
function splitArticles(lines: string[]): { preamble: string[]; articles: Article[] } {
  let nextArticle = 1;
  let nextChapter = 1;
  // Only the next number in sequence is a heading, so a cross-reference at a line start is not.
  const classify = (t: string): Kind => {
    const a = ARTICLE.exec(t);
    if (a && parseChineseNumeral(a[1]!) === nextArticle) {
      nextArticle++;
      return 'article';
    }
    const c = CHAPTER.exec(t);
    if (c && parseChineseNumeral(c[1]!) === nextChapter) {
      nextChapter++;
      return 'heading';
    }
    return 'text';
  };
  const preamble: string[] = [];
  const found: { chapter: string | null; paras: string[] }[] = [];
  let chapter: string | null = null;
  for (const p of paragraphs(lines, classify)) {
    const a = p.kind === 'article' ? ARTICLE.exec(p.text) : null;
    const c = p.kind === 'heading' ? CHAPTER.exec(p.text) : null;
    if (c) chapter = `第${c[1]}章 ${c[2]}`;
    else if (a) found.push({ chapter, paras: [a[2]!] });
    else if (found.length === 0) preamble.push(p.text);
    else found[found.length - 1]!.paras.push(p.text);
  }
  const articles = found.map((a, i) => ({
    id: `a${i + 1}`,
    no: i + 1,
    label: articleLabel(i + 1),
    chapter: a.chapter,
    text: a.paras.join('\n'),
    clauses: clausesOf(a.paras),
  }));
  return { preamble, articles };
}

/** Splits a plan or notice by its headings 一、 and (一), checking each level runs in sequence. */
function splitSections(lines: string[]): { preamble: string[]; articles: Article[] } {
  let next1 = 1;
  let next2 = 1;
  const classify = (t: string): Kind => {
    const s1 = SECTION1.exec(t);
    if (s1 && parseChineseNumeral(s1[1]!) === next1) {
      next1++;
      next2 = 1;
      return 'heading';
    }
    const s2 = SECTION2.exec(t);
    if (s2 && next1 > 1 && parseChineseNumeral(s2[1]!) === next2) {
      next2++;
      return 'heading';
    }
    return 'text';
  };
  const preamble: string[] = [];
  const found: { id: string; label: string; chapter: string | null; paras: string[] }[] = [];
  let level1: { n: number; heading: string } | null = null;
  for (const p of paragraphs(lines, classify)) {
    const s1 = p.kind === 'heading' ? SECTION1.exec(p.text) : null;
    const s2 = p.kind === 'heading' && !s1 ? SECTION2.exec(p.text) : null;
    if (s1) {
      level1 = { n: parseChineseNumeral(s1[1]!), heading: p.text };
      found.push({ id: `s${level1.n}`, label: `${s1[1]}、`, chapter: null, paras: [p.text] });
    } else if (s2 && level1) {
      const n2 = parseChineseNumeral(s2[1]!);
      found.push({
        id: `s${level1.n}-${n2}`,
        label: `${chineseNumeral(level1.n)}、(${s2[1]})`,
        chapter: level1.heading,
        paras: [p.text],
      });
    } else if (found.length === 0) preamble.push(p.text);
    else found[found.length - 1]!.paras.push(p.text);
  }
  const articles = found.map(({ paras, ...a }, i) => ({ id: a.id, no: i + 1, label: a.label, chapter: a.chapter, text: paras.join('\n'), clauses: [] }));
  return { preamble, articles };
}

/** A notice without numbered parts is one article, "全文". */
function splitWhole(lines: string[]): { preamble: string[]; articles: Article[] } {
  const text = paragraphs(lines, () => 'text').map((p) => p.text).join('\n');
  return { preamble: [], articles: [{ id: 's1', no: 1, label: '全文', chapter: null, text, clauses: [] }] };
}

const SPLITTERS = { articles: splitArticles, sections: splitSections, whole: splitWhole };

/** Finds the title: the lines between the previous document (or the registration number) and the document number. */
function titleBefore(lines: string[], numberAt: number): string {
  const parts: string[] = [];
  for (let i = numberAt - 1; i >= 0; i--) {
    const t = lines[i]!.trim();
    if (ISSUED.test(t) || /^JNCR\b/.test(t)) break;
    if (t !== '') parts.unshift(stripMarkers(t));
  }
  return normalizeSpaces(parts.join(' '));
}

const pad = (n: string) => n.padStart(2, '0');

/**
 * Parses the gazette text into its documents.
 * @throws Error naming the document when its number line or its 印发 line is missing.
 */
export function parseGazette(text: string, specs: DocSpec[] = GAZETTE_DOCS): LawDocument[] {
  const lines = applyLayoutFixes(text.replace(/\r\n?/g, '\n')).split('\n');
  return specs.map((spec) => {
    const at = lines.findIndex((l) => spec.numberLine.test(l.trim()));
    if (at < 0) throw new Error(`${spec.docId}: number line ${spec.number} not found`);
    const endAt = lines.findIndex((l, i) => i > at && ISSUED.test(l.trim()));
    if (endAt < 0) throw new Error(`${spec.docId}: no "(…印发)" line after the number`);
    const [, y, m, d] = ISSUED.exec(lines[endAt]!.trim())!;
    const { preamble, articles } = SPLITTERS[spec.split](lines.slice(at + 1, endAt));
    return {
      docId: spec.docId,
      number: spec.number,
      title: titleBefore(lines, at),
      issuedOn: `${y}-${pad(m!)}-${pad(d!)}`,
      split: spec.split,
      preamble: preamble.join('\n'),
      articles,
    };
  });
}
