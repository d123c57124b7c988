import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gazettePath } from './build.js';
import { articleLabel, getArticle, getClause, getDocument, listDocuments } from './index.js';
import { chineseNumeral, parseChineseNumeral } from './label.js';
import { normalizeSpaces } from './normalize.js';
import { parseGazette } from './parse.js';

describe('law/index.json (济南市人民政府公报 2025 第7/8期)', () => {
  it('holds the five documents in print order', () => {
    expect(listDocuments().map((d) => d.docId)).toEqual([
      'jizhengfa-2025-3',
      'jizhengfa-2025-4',
      'jizhengzi-2025-25',
      'jikefa-2025-10',
      'jishuzi-2025-6',
    ]);
  });

  it('济政发〔2025〕3号 has its 34 articles 第一条…第三十四条 in order, in six chapters', () => {
    const doc = getDocument('jizhengfa-2025-3')!;
    expect(doc.number).toBe('济政发〔2025〕3号');
    expect(doc.issuedOn).toBe('2025-03-31');
    expect(doc.articles.map((a) => a.label)).toEqual(Array.from({ length: 34 }, (_, i) => articleLabel(i + 1)));
    expect(new Set(doc.articles.map((a) => a.chapter)).size).toBe(6);
    expect(getArticle('jizhengfa-2025-3', 5)!.chapter).toBe('第二章 轮候及配售管理');
  });

  it('第八条 reads "纳入轮候库2年内未完成认购" with the layout spaces gone', () => {
    expect(getArticle('jizhengfa-2025-3', 8)!.text).toContain('2年内未完成认购');
    expect(getArticle('jizhengfa-2025-3', 8)!.text).toContain('实行动态管理');
  });

  it('第三条 is joined back across the page break ("不动产登记")', () => {
    expect(getArticle('jizhengfa-2025-3', 3)!.text).toContain('负责做好保障性住房不动产登记工作');
  });

  it('clause (一) of 第三十一条 is reachable', () => {
    expect(getClause('jizhengfa-2025-3', 31, '一')!.text).toBe('已取得购房资格的,予以取消;');
    expect(getClause('jizhengfa-2025-3', 31, '(三)')!.text).toContain('责令限期腾退住房');
    expect(getArticle('jizhengfa-2025-3', 'a31')!.clauses).toHaveLength(3);
  });

  it('济科发〔2025〕10号 has 22 articles', () => {
    const doc = getDocument('jikefa-2025-10')!;
    expect(doc.articles).toHaveLength(22);
    expect(doc.articles[21]!.text).toContain('有效期至2025年12月31日');
  });

  it('济政发〔2025〕4号 is split by sections with ids like s3-1', () => {
    const s31 = getArticle('jizhengfa-2025-4', 's3-1')!;
    expect(s31.label).toBe('三、(一)');
    expect(s31.text.startsWith('(一)全力抓投资促消费')).toBe(true);
    expect(s31.chapter).toBe('三、2025年经济社会发展重点任务');
  });

  it('济数字〔2025〕6号 gets its misplaced heading (一) back and keeps the preamble whole', () => {
    const doc = getDocument('jishuzi-2025-6')!;
    expect(doc.number).toBe('济数字〔2025〕6号');
    expect(getArticle('jishuzi-2025-6', 's1-1')!.text.startsWith('(一)数据产品开发奖补')).toBe(true);
    expect(doc.preamble).toContain('加快释放数据价值');
    expect(doc.articles.map((a) => a.id)).toContain('s5-2');
  });

  it('济政字〔2025〕25号 is one article, 全文', () => {
    expect(getArticle('jizhengzi-2025-25', 1)!.text).toContain('聘任马红薇、张楠为济南市人民政府参事');
  });

  it.skipIf(!existsSync(gazettePath()))('is what law:build produces from the gazette today (rebuild after changing the parser)', () => {
    const fresh = parseGazette(readFileSync(gazettePath(), 'utf8'));
    expect(fresh).toEqual(listDocuments());
  });
});

describe('layout spaces', () => {
  it('removes a space between CJK characters and next to a stand-in for fullwidth punctuation', () => {
    expect(normalizeSpaces('行政区域 内')).toBe('行政区域内');
    expect(normalizeSpaces('(一) 已取得购房资格的, 予以取消;')).toBe('(一)已取得购房资格的,予以取消;');
  });
  it('keeps a space next to a digit or a Latin letter', () => {
    expect(normalizeSpaces('自 2025 年 3 月 31 日起')).toBe('自 2025 年 3 月 31 日起');
    expect(normalizeSpaces('擦亮"Touching 济南"')).toBe('擦亮"Touching 济南"');
  });
});

describe('article labels', () => {
  it('writes 1 → 第一条, 10 → 第十条, 31 → 第三十一条', () => {
    expect(articleLabel(1)).toBe('第一条');
    expect(articleLabel(10)).toBe('第十条');
    expect(articleLabel(31)).toBe('第三十一条');
    expect(articleLabel(20)).toBe('第二十条');
  });
  it('reads back every numeral it writes', () => {
    for (let n = 1; n < 100; n++) expect(parseChineseNumeral(chineseNumeral(n))).toBe(n);
    expect(parseChineseNumeral('条')).toBeNaN();
  });
});
