import { describe, expect, it } from 'vitest';
import { fileNameOf } from './client';

describe('fileNameOf (Content-Disposition, RFC 6266)', () => {
  it('takes the UTF-8 filename* over the ASCII fallback that comes before it', () => {
    const cd = `attachment; filename="notice.pdf"; filename*=UTF-8''%E5%87%86%E4%BA%88%E5%85%A5%E5%BA%93%E9%80%9A%E7%9F%A5%E4%B9%A6-JN2025000001.pdf`;
    expect(fileNameOf(cd)).toBe('准予入库通知书-JN2025000001.pdf');
  });

  it('falls back to the plain filename, quoted or not, and to null without one', () => {
    expect(fileNameOf('attachment; filename="results.xlsx"')).toBe('results.xlsx');
    expect(fileNameOf('attachment; filename=results.xlsx')).toBe('results.xlsx');
    expect(fileNameOf(`attachment; filename="a.pdf"; filename*=UTF-8''%E0%A4`)).toBe('a.pdf');
    expect(fileNameOf('attachment')).toBeNull();
  });
});
