/**
 * Undoes the page layout of the extracted gazette text without touching its wording.
 *
 * The extraction put a space wherever a printed line broke inside a Chinese sentence
 * ("行政区域 内"), cut paragraphs at page and column breaks, and kept list markers ("- ").
 * Fullwidth punctuation arrives as its ASCII look-alike (",", ";", ":", "(", ")").
 */

const HAN = /\p{Script=Han}/u;
// CJK symbols and punctuation, fullwidth forms, the dashes, ellipsis, curly quotes and middle dots the gazette prints.
const CJK_PUNCT = /[\u3000-\u303f\uff00-\uffef\u2014\u2026\u2018\u2019\u201c\u201d\u00b7\u2022]/u;
// In this text these ASCII marks stand for the fullwidth ones of the original print.
const STAND_IN = /[,;:()!?"]/;

/** True for a Han character or a CJK punctuation mark. */
export function isCjk(ch: string): boolean {
  return HAN.test(ch) || CJK_PUNCT.test(ch);
}

// Interpretation: the brief says "remove a space only when both neighbours are CJK or CJK
// punctuation". Because the extraction turned fullwidth punctuation into ASCII, a space
// between such a stand-in and a CJK character ("的, 予以", "(一) 已取得") is a layout space too.
// A space next to a digit or Latin letter ("2025 年", "Touching 济南") is kept.
function removable(left: string, right: string): boolean {
  const l = isCjk(left);
  const r = isCjk(right);
  if (l && r) return true;
  return (l && STAND_IN.test(right)) || (r && STAND_IN.test(left));
}

/** Collapses whitespace runs and removes the layout spaces inside Chinese sentences. */
export function normalizeSpaces(text: string): string {
  const s = text.replace(/[ \t\u00a0]+/g, ' ').trim();
  const chars = Array.from(s);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === ' ' && i > 0 && i < chars.length - 1 && removable(chars[i - 1]!, chars[i + 1]!)) continue;
    out += ch;
  }
  return out;
}

/** Strips the list and quote markers the extraction put at the start of some lines. */
export function stripMarkers(line: string): string {
  return line.replace(/^\s*(?:[->]\s+)+/, '').trim();
}

/** A paragraph ends where the print ends a sentence or introduces a list. */
export function isTerminated(text: string): boolean {
  return /[。;:!?；：！？]$/.test(text);
}

/**
 * A short line without a full stop that does not end mid-list ("附件", "1. 政策内容",
 * a signature, a title) stands alone: the next line never continues it.
 */
export function isTitleLike(text: string): boolean {
  return Array.from(text).length < 30 && !text.includes('。') && !/[、,，]$/.test(text);
}

/** Joins a continuation line to its paragraph, letting {@link normalizeSpaces} decide on the space. */
export function joinContinuation(head: string, tail: string): string {
  return normalizeSpaces(`${head} ${tail}`);
}
