import { describe, expect, it } from 'vitest';
import { admissionNoticeFingerprint, renderAdmissionNotice, type AdmissionNoticeData } from './admission-notice.js';
import { embeddedFonts, extractText, hasPdftotext, pageCount } from './pdf-inspect.js';

const family: AdmissionNoticeData = {
  noticeNo: '济住保入〔2025〕第000123号',
  regCode: 'LX2025-0100-000123',
  applicantName: '张明华',
  maskedId: '37**************12',
  districtName: '历下区',
  category: 'wage_family',
  priority: [
    { code: 'low_middle_income', label_zh: '符合中低收入标准的家庭', article: '第六条' },
    { code: 'elderly_member', label_zh: '家庭成员有60周岁以上老人', article: '第六条' },
  ],
  admittedOn: '2025-05-20',
  members: [
    { name: '张明华', relation: 'applicant' },
    { name: '李秀英', relation: 'spouse' },
    { name: '张小雨', relation: 'child' },
    { name: '张建国', relation: 'parent' },
  ],
  reconfirmBy: '2027-05-20',
  issuer: '济南市住房和城乡建设局',
};

describe('准予入库通知书 (济政发〔2025〕3号 第八条)', () => {
  it('第八条: an admitted family gets a one-page A4 PDF with the CJK font embedded and subset', async () => {
    const pdf = await renderAdmissionNotice(family);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const fonts = embeddedFonts(pdf);
    expect(fonts.some((f) => /NotoSerifSC|NotoSansCJK/.test(f))).toBe(true);
    // pdfkit subsets: a whole CJK font is megabytes, a notice stays small.
    expect(pdf.length).toBeLessThan(300_000);
  });

  it.runIf(hasPdftotext())('第八条: the text names the family, the register, the re-confirm date and cites the articles', async () => {
    const text = extractText(await renderAdmissionNotice(family));
    for (const s of [
      '准予入库通知书',
      '济住保入〔2025〕第000123号',
      '张明华（公民身份号码37**************12）家庭',
      '济政发〔2025〕3号',
      '准予纳入济南市保障性住房轮候库',
      '城市工薪收入家庭',
      '李秀英',
      '配偶',
      '家庭成员有60周岁以上老人',
      '2027年5月20日前（含当日）再次更新并确认家庭信息',
      '第八条',
      '第九条',
      '第十五条',
      '济南市住房和城乡建设局',
      '2025年5月20日',
      admissionNoticeFingerprint(family),
    ]) {
      expect(text).toContain(s);
    }
  });

  it.runIf(hasPdftotext())('第六条: a family with no priority flag is told it queues as an ordinary family', async () => {
    const text = extractText(await renderAdmissionNotice({ ...family, priority: [], category: 'talent' }));
    expect(text).toContain('暂不符合优先摇号选房条件');
    expect(text).toContain('城市引进人才');
  });

  it('第八条: a family of eight still fits one page', async () => {
    const members = Array.from({ length: 8 }, (_, i) => ({ name: `成员${i + 1}号`, relation: i === 0 ? 'applicant' : 'child' }));
    const pdf = await renderAdmissionNotice({ ...family, members });
    expect(pageCount(pdf)).toBe(1);
  });

  it('verification: the fingerprint is the same for the same payload in any key order and changes with any field', () => {
    const reordered = Object.fromEntries(Object.entries(family).reverse()) as unknown as AdmissionNoticeData;
    expect(admissionNoticeFingerprint(reordered)).toBe(admissionNoticeFingerprint(family));
    expect(admissionNoticeFingerprint(family)).toMatch(/^[0-9a-f]{64}$/);
    expect(admissionNoticeFingerprint({ ...family, reconfirmBy: '2027-05-21' })).not.toBe(admissionNoticeFingerprint(family));
  });

  it('the same notice renders to the same bytes (no clock inside)', async () => {
    const a = await renderAdmissionNotice(family);
    const b = await renderAdmissionNotice(family);
    expect(a.equals(b)).toBe(true);
  });
});
