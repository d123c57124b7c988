import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contractFingerprint, modelValues, renderContract, type ContractDocumentData } from './contract.js';
import { rmbCapital, rmbFigures } from './contract-money.js';
import { MODEL_CLAUSES, MODEL_VERSION } from './contract-model.js';
import { embeddedFonts, extractText, hasPdftotext, pageCount } from './pdf-inspect.js';

const signed: ContractDocumentData = {
  contractNo: '济配售合〔2026〕000123号',
  status: 'signed',
  generatedOn: '2026-03-13',
  deadlineOn: '2026-03-20',
  signedOn: '2026-03-15',
  seller: { name: '济南安居置业有限公司' },
  buyer: { name: '张明华', maskedId: '37**************12', regCode: 'JN2026900000' },
  project: {
    code: 'JN-2026-001', name: '泉城安居·历下苑', address: '济南市历下区经十路 1 号', districtName: '历下区', saleMode: 'completed',
    noticeNo: '配售通告〔2026〕1号', deliveryOn: '2026-12-31', propertyService: '前期物业服务由济南泉城物业管理有限公司提供',
  },
  unit: { building: '1号楼', floor: 12, number: '1203', area: '89.57', layout: '两室一厅', orientation: '南北' },
  price: { basePricePerM2Fen: 800_000, coefficient: '1.030000', priceFen: 73_805_680, approvalNo: '价批-JN-2026-001' },
  payment: { loanType: 'provident_fund', downPaymentFen: 11_070_852, loanFen: 62_734_828, depositFen: 2_000_000, minimumFen: 11_070_852, minimumRatio: '0.15' },
  selection: { kind: 'round', regNo: 'R2026000007' },
};

describe('人民币大写 on contracts (《支付结算办法》 rules for amounts)', () => {
  it.each([
    [72_000_000, '人民币柒拾贰万元整'],
    [168_032, '人民币壹仟陆佰捌拾元零叁角贰分'],
    [10_700_053, '人民币壹拾万柒仟元零伍角叁分'],
    [100_456, '人民币壹仟零肆元伍角陆分'],
    [140_950, '人民币壹仟肆佰零玖元伍角'],
    [1_640_902, '人民币壹万陆仟肆佰零玖元零贰分'],
    [32_504, '人民币叁佰贰拾伍元零肆分'],
    [1_050_000, '人民币壹万零伍佰元整'],
    [10_000_000_500, '人民币壹亿零伍元整'],
    [101_000, '人民币壹仟零壹拾元整'],
    [50, '人民币伍角'],
    [0, '人民币零元整'],
  ])('%i fen is written %s', (fen, text) => {
    expect(rmbCapital(fen)).toBe(text);
  });

  it('figures carry ¥, thousands separators and two decimals; a negative amount has no capital form', () => {
    expect(rmbFigures(73_805_680)).toBe('¥738,056.80');
    expect(rmbFigures(5)).toBe('¥0.05');
    expect(() => rmbCapital(-1)).toThrow(RangeError);
  });
});

describe('济南市配售型保障性住房买卖合同 (第十四条)', () => {
  it('every clause of the model cites an article, and every placeholder has a value', () => {
    for (const c of MODEL_CLAUSES) expect(c.articles.every((a) => /^第[一二三四五六七八九十]+条$/.test(a))).toBe(true);
    const v = modelValues(signed);
    expect(v.cashDueFigures).toBe('¥90,708.52'); // 110,708.52 down − 20,000 认购金
    expect(v.loanParagraph).toContain('住房公积金贷款');
  });

  it('renders an A4 PDF of several pages with the CJK font embedded', async () => {
    const pdf = await renderContract(signed);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
    expect(embeddedFonts(pdf).some((f) => /NotoSerifSC|NotoSansCJK/.test(f))).toBe(true);
  });

  it('the same contract renders to the same bytes; any change of data changes them', async () => {
    const a = await renderContract(signed);
    const b = await renderContract(structuredClone(signed));
    expect(createHash('sha256').update(a).digest('hex')).toBe(createHash('sha256').update(b).digest('hex'));
    const c = await renderContract({ ...signed, payment: { ...signed.payment, downPaymentFen: signed.payment.downPaymentFen + 1, loanFen: signed.payment.loanFen - 1 } });
    expect(c.equals(a)).toBe(false);
  });

  it.runIf(hasPdftotext())('第十四条: the text states the parties, unit, price in figures and 大写, payment, delivery, registration, services, after-sale rules, liability, articles', async () => {
    const text = extractText(await renderContract(signed));
    for (const s of [
      '济南市配售型保障性住房买卖合同（示范文本）', '合同编号：济配售合〔2026〕000123号',
      '出卖人（甲方）：济南安居置业有限公司', '买受人（乙方）：张明华（公民身份号码37**************12',
      '泉城安居·历下苑', '1号楼/12层/1203', '89.57平方米', '两室一厅', '南北',
      '¥8,000.00元/平方米', '1.030000', '¥738,056.80', '人民币柒拾叁万捌仟零伍拾陆元捌角',
      '住房公积金贷款', '¥110,708.52', '¥20,000.00', '¥627,348.28', '比例15%',
      '2026年12月31日前将房屋交付乙方', '房屋性质为配售型保障性住房，土地性质为划拨', '前期物业服务由济南泉城物业管理有限公司提供',
      '不得上市交易', '轮候家庭内部流转或政府回购', '违约责任', '签约日期：2026年3月15日',
      '第十一条', '第十二条', '第十三条', '第十四条', '第十八条', '第二十条', '第二十四条', '第二十九条', '第三十一条',
      MODEL_VERSION, contractFingerprint(signed),
    ]) {
      expect(text).toContain(s.replace(/\s+/g, ''));
    }
    expect(text).not.toContain('本合同尚未签署');
  });

  it.runIf(hasPdftotext())('an unsigned contract says so and gives the signing deadline; without a loan the whole price is paid down', async () => {
    const draft: ContractDocumentData = {
      ...signed, status: 'generated', signedOn: null,
      payment: { ...signed.payment, loanType: 'none', downPaymentFen: 73_805_680, loanFen: 0, minimumFen: 73_805_680, minimumRatio: '1' },
    };
    const text = extractText(await renderContract(draft));
    expect(text).toContain('本合同尚未签署，请于2026年3月20日前（含当日）在线签署');
    expect(text).toContain('一次性付款');
    expect(text).toContain('乙方一次性支付全部房价款，不申请贷款');
    expect(text).toContain('比例100%');
    expect(text).toContain('签约期限：2026年3月20日前（含当日）');
  });
});
