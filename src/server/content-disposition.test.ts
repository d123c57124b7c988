import { describe, expect, it } from 'vitest';
import { attachment, rfc5987 } from './content-disposition.js';

describe('Content-Disposition (RFC 6266, RFC 5987)', () => {
  it('percent-encodes a Chinese file name as UTF-8 and keeps an ASCII fallback', () => {
    expect(attachment('notice.pdf', '准予入库通知书-JN2025000001.pdf')).toBe(
      `attachment; filename="notice.pdf"; filename*=UTF-8''%E5%87%86%E4%BA%88%E5%85%A5%E5%BA%93%E9%80%9A%E7%9F%A5%E4%B9%A6-JN2025000001.pdf`,
    );
  });

  it("encodes ' ( ) * which encodeURIComponent leaves alone but RFC 5987 attr-char excludes", () => {
    expect(rfc5987("a'(b)*.pdf")).toBe('a%27%28b%29%2A.pdf');
    expect(decodeURIComponent(rfc5987('结果（历下区）*.xlsx'))).toBe('结果（历下区）*.xlsx');
  });

  it('refuses a fallback that would need quoting or is not ASCII', () => {
    expect(() => attachment('通知.pdf', 'x.pdf')).toThrow(/ASCII/);
    expect(() => attachment('a"b.pdf', 'x.pdf')).toThrow(/ASCII/);
  });
});
