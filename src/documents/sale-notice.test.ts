import { describe, expect, it } from 'vitest';
import { chineseDateTime, renderSaleNotice, saleNoticeFingerprint, yuan, type SaleNoticeData } from './sale-notice.js';
import { embeddedFonts, extractText, hasPdftotext, pageCount } from './pdf-inspect.js';

const notice: SaleNoticeData = {
  noticeNo: '配售通告〔2026〕3号', draft: false, issuedOn: '2026-02-20', issuer: '历下区住房和城乡建设局',
  project: {
    code: 'JN-2026-001', name: '泉城安居·历下苑', address: '济南市历下区经十路 1 号', districtName: '历下区', level: 'district', saleMode: 'completed',
    deliveryOn: '2026-12-31', propertyService: '前期物业服务由济南泉城物业管理有限公司提供', implementer: '济南安居置业有限公司',
  },
  round: 1, registrationOpensAt: '2026-03-01T01:00:00.000Z', registrationClosesAt: '2026-03-10T09:00:00.000Z', drawOn: '2026-03-12',
  depositFen: 2_000_000, batchSize: 20, windowMinutes: 30, contractDeadlineDays: 7, documents: '身份证、户口簿、婚姻证明',
  pools: [{ label: 'PRIO', share: '0.30', eligibility: 'priority' }, { label: 'GEN', quota: 'all', eligibility: 'all' }],
  units: { count: 120, minArea: '75.12', maxArea: '119.80', minPriceFen: 57_091_200, maxPriceFen: 100_632_000 },
  price: { basePricePerM2Fen: 800_000, floatRange: '0.050000', approvalNo: '济保价审〔2026〕JN-2026-001-1号' },
};

describe('配售通告 (济政发〔2025〕3号 第十条)', () => {
  it('money prints as ¥ with two decimals and thousands; instants in Beijing time', () => {
    expect(yuan(2_000_000)).toBe('¥20,000.00');
    expect(yuan(100_632_001)).toBe('¥1,006,320.01');
    expect(chineseDateTime('2026-03-10T16:00:00Z')).toBe('2026年3月11日 00:00');
  });

  it('renders an A4 PDF with the CJK font embedded, the same bytes for the same data', async () => {
    const pdf = await renderSaleNotice(notice);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeLessThanOrEqual(2);
    expect(embeddedFonts(pdf).some((f) => /NotoSerifSC|NotoSansCJK/.test(f))).toBe(true);
    expect((await renderSaleNotice(notice)).equals(pdf)).toBe(true);
  });

  it.runIf(hasPdftotext())('第十、十一、十二条: the text states the window, 认购金, prices, pools and rules, citing the articles', async () => {
    const text = extractText(await renderSaleNotice(notice));
    for (const s of [
      '配售通告〔2026〕3号', '泉城安居·历下苑', 'JN-2026-001', '现房销售', '全部公开配售（第十条）', '第十一条', '第十二条',
      '2026年3月1日09:00至2026年3月10日17:00', '每户¥20,000.00', '每平方米¥8,000.00', '±5%', '¥570,912.00至¥1,006,320.00',
      '济保价审〔2026〕JN-2026-001-1号', 'PRIO', '房源套数的30%', 'GEN', '其余全部', '2026年3月12日', '每批20户', '30分钟', '7日内',
      '身份证、户口簿、婚姻证明', '历下区住房和城乡建设局', '2026年2月20日', saleNoticeFingerprint(notice),
    ]) expect(text).toContain(s);
  });

  it.runIf(hasPdftotext())('a plan not yet published prints as a draft that is no basis for registration', async () => {
    const text = extractText(await renderSaleNotice({ ...notice, draft: true, noticeNo: null }));
    expect(text).toContain('配售通告（草案）');
    expect(text).toContain('未发布，不作为认购依据');
  });

  it('the fingerprint changes with any printed field', () => {
    expect(saleNoticeFingerprint({ ...notice, depositFen: 2_000_001 })).not.toBe(saleNoticeFingerprint(notice));
  });
});
