import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buybackModelValues, renderBuybackContract, type BuybackContractData } from './buyback-contract.js';
import { BUYBACK_CLAUSES, BUYBACK_MODEL_VERSION } from './buyback-contract-model.js';
import { embeddedFonts, extractText, hasPdftotext, pageCount } from './pdf-inspect.js';

const data: BuybackContractData = {
  contractNo: '回购〔2028〕1号',
  modelVersion: BUYBACK_MODEL_VERSION,
  status: 'signed',
  generatedOn: '2028-04-10',
  signedOn: '2028-04-12',
  exitNo: '退〔2028〕1号',
  dueOn: '2028-10-01',
  vacateByOn: '2028-08-31',
  buyer: { name: '历下区住房和城乡建设局' },
  seller: { name: '业主甲', maskedId: '37**************12', regCode: 'JN2026900000' },
  project: { code: 'JN-2026-001', name: '泉城安居·历下苑', address: '济南市历下区经十路 1 号', districtName: '历下区' },
  unit: { building: '1号楼', floor: 1, number: '101', area: '90.00', layout: '两室一厅', orientation: '南北' },
  title: { certificateNo: '鲁(2026)济南市不动产权第1000000号', issuedOn: '2026-03-20' },
  fundAccount: { accountNo: 'WX370102000001', bank: '济南农商银行' },
  valuation: {
    valuedOn: '2028-04-01', priceFen: 70_123_456,
    lines: [
      { kind: 'input', label: '原购房价款 P0', value: '¥720,000.00' },
      { kind: 'parameter', label: '年折旧率 d', value: '0.02', reference: '回购价格测算方式' },
      { kind: 'component', label: '综合系数', value: '0.973937' },
    ],
  },
  schedule: { firstShare: '10%', first: 7_012_346, balance: 63_111_110, firstToLender: 7_012_346, firstToFamily: 0, balanceToLender: 51_000_000, balanceToFamily: 12_111_110, loanUnpaid: 0 },
  loan: { outstandingFen: 58_012_346, lender: '济南住房公积金中心' },
  vacatingItems: ['utilities', 'heating', 'gas', 'property_fees', 'hukou_moved'],
};

describe('济南市配售型保障性住房回购合同 (第二十七至二十九条)', () => {
  it('第二十八条: every clause cites an article, and the text covers price, settlement, vacating, title change, rights and duties', () => {
    for (const c of BUYBACK_CLAUSES) expect(c.articles.every((a) => /^第[一二三四五六七八九十]+条$/.test(a))).toBe(true);
    const headings = BUYBACK_CLAUSES.map((c) => c.heading);
    for (const h of ['回购价格', '结算方式', '腾退时间', '产权变更', '双方权利义务']) expect(headings).toContain(h);
    expect(buybackModelValues(data).loanParagraph).toContain('济南住房公积金中心');
    expect(buybackModelValues({ ...data, loan: { outstandingFen: 0, lender: null } }).loanParagraph).toContain('全部支付给乙方');
  });

  it('renders an A4 PDF of several pages with the CJK font embedded', async () => {
    const pdf = await renderBuybackContract(data);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
    expect(embeddedFonts(pdf).some((f) => /NotoSerifSC|NotoSansCJK/.test(f))).toBe(true);
  });

  it('the same contract renders to the same bytes; any change of data changes them', async () => {
    const a = await renderBuybackContract(data);
    const b = await renderBuybackContract(structuredClone(data));
    expect(createHash('sha256').update(a).digest('hex')).toBe(createHash('sha256').update(b).digest('hex'));
    const c = await renderBuybackContract({ ...data, vacateByOn: '2028-08-30' });
    expect(c.equals(a)).toBe(false);
  });

  it.runIf(hasPdftotext())('第二十七、二十九条: the text names the parties, the valuation lines, the price in 大写, the schedule with the lender first, the checklist and the draft status', async () => {
    const text = extractText(await renderBuybackContract(data));
    for (const s of [
      '济南市配售型保障性住房回购合同（示范文本·平台草案）', '合同编号：回购〔2028〕1号', '发布回购合同示范文本后以其为准（第二十八条）',
      '回购方（甲方）：历下区住房和城乡建设局', '原购房家庭（乙方）：业主甲', '鲁(2026)济南市不动产权第1000000号',
      '原购房价款P0', '年折旧率d', '回购价格测算方式', '¥701,234.56', '人民币柒拾万壹仟贰佰叁拾肆元伍角陆分',
      '首付款（签约后）', '¥70,123.46', '优先用于清偿该笔债务', '户口迁出', '燃气费用结算', '2028年8月31日前',
      '第二十九条第二款', 'WX370102000001', '签约日期：2028年4月12日', BUYBACK_MODEL_VERSION.replace(/\s/g, ''),
    ]) expect(text).toContain(s.replace(/\s/g, ''));
    expect(text).not.toContain('尚未签署');
  });
});
