import { describe, expect, it } from 'vitest';
import { getArticle, getDocument } from '../../law/index.js';
import { DOC_NUMBERS, cite, formatCitation } from './citation.js';

describe('citations', () => {
  it('cite("jizhengfa-2025-3", 31, "(一)") names 济政发〔2025〕3号 第三十一条(一)', () => {
    const c = cite('jizhengfa-2025-3', 31, '(一)');
    expect(c).toEqual({ doc: '济政发〔2025〕3号', docId: 'jizhengfa-2025-3', article: '第三十一条', articleNo: 31, clause: '(一)' });
    expect(formatCitation(c)).toBe('济政发〔2025〕3号 第三十一条(一)');
    expect(getArticle(c.docId, c.articleNo)).toBeDefined();
  });

  it('knows the same document numbers as law/index.json', () => {
    for (const [docId, number] of Object.entries(DOC_NUMBERS)) expect(getDocument(docId)?.number).toBe(number);
  });

  it('refuses an unknown document', () => {
    expect(() => cite('jizhengfa-2099-1', 1)).toThrow(/unknown document/);
  });
});
