import { describe, expect, it } from 'vitest';
import { articleNoOf, parseChineseNumber } from './law';

describe('article labels to law reader URLs', () => {
  it('parses the article numbers of 济政发〔2025〕3号', () => {
    expect(parseChineseNumber('八')).toBe(8);
    expect(parseChineseNumber('十')).toBe(10);
    expect(parseChineseNumber('十五')).toBe(15);
    expect(parseChineseNumber('三十一')).toBe(31);
    expect(parseChineseNumber('三十四')).toBe(34);
  });
  it('reads 第三十一条(一) as article 31', () => {
    expect(articleNoOf('第三十一条(一)')).toBe(31);
    expect(articleNoOf('济政发〔2025〕3号 第五条')).toBe(5);
    expect(articleNoOf('no article')).toBeUndefined();
  });
});
