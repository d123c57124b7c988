/**
 * Renders the 济南市配售型保障性住房回购合同 (济政发〔2025〕3号 第二十七、二十八、二十九条) from the
 * model text in buyback-contract-model.ts as an A4 PDF. Same data → same bytes: no clock inside,
 * the creation date is the contract's own date, so the SHA-256 kept at signing
 * (buyback_contracts.pdf_sha256) can be checked against a fresh rendering at any time.
 *
 * Reading: the copy prints what the contract settles (price, schedule, deadlines, the checklist of
 * 第二十九条 as obligations), never the later progress (payments made, items done), so the signed
 * bytes stay the same while the buyback runs its course.
 */
import { payloadFingerprint } from './fingerprint.js';
import { chineseDate } from './labels.js';
import { ContractWriter, twoColumns, unitRows, type Column } from './notice-layout.js';
import { rmbCapital, rmbFigures } from './contract-money.js';
import {
  BUYBACK_CLAUSES, BUYBACK_MODEL_NOTE, BUYBACK_MODEL_SUBTITLE, BUYBACK_MODEL_TITLE, BUYBACK_PREAMBLE, LOAN_PARAGRAPH, VACATING_LABEL,
  fillModel, type BuybackTable,
} from './buyback-contract-model.js';

/** One printed line of the valuation: an input, a parameter (with its reference) or a computed component. */
export type ValuationLine = { kind: 'input' | 'parameter' | 'component'; label: string; value: string; reference?: string };

/** What a buyback contract prints. Money in fen; dates YYYY-MM-DD. */
export interface BuybackContractData {
  contractNo: string;
  modelVersion: string;
  status: 'generated' | 'signed';
  /** The day the terms were drawn up (Asia/Shanghai); also the PDF's creation date. */
  generatedOn: string;
  signedOn: string | null;
  exitNo: string;
  /** 第二十六条: acceptance + six months. */
  dueOn: string;
  vacateByOn: string;
  /** 甲方: the housing department of the project's level (第二十四、二十六条). */
  buyer: { name: string };
  /** 乙方: the family (full name, masked ID) or the person holding the title. */
  seller: { name: string; maskedId: string; regCode: string | null };
  project: { code: string; name: string; address: string; districtName: string };
  unit: { building: string; floor: number; number: string; area: string; layout: string; orientation: string };
  title: { certificateNo: string; issuedOn: string };
  fundAccount: { accountNo: string; bank: string } | null;
  valuation: { valuedOn: string; priceFen: number; lines: ValuationLine[] };
  schedule: {
    /** e.g. "10%": housing.buyback-payments' share of the first payment. */
    firstShare: string;
    first: number; balance: number; firstToLender: number; firstToFamily: number; balanceToLender: number; balanceToFamily: number;
    loanUnpaid: number;
  };
  loan: { outstandingFen: number; lender: string | null };
  vacatingItems: string[];
}

/** SHA-256 of the contract's canonical data, printed on it. */
export function buybackFingerprint(data: BuybackContractData): string {
  return payloadFingerprint({ document: 'buyback-contract', ...data });
}

/** The values the model text's placeholders take. */
export function buybackModelValues(d: BuybackContractData): Record<string, string> {
  const s = d.schedule;
  const values: Record<string, string> = {
    exitNo: d.exitNo, valuedOn: chineseDate(d.valuation.valuedOn),
    priceFigures: rmbFigures(d.valuation.priceFen), priceCapital: rmbCapital(d.valuation.priceFen),
    firstShare: s.firstShare, firstFigures: rmbFigures(s.first), firstCapital: rmbCapital(s.first),
    balanceFigures: rmbFigures(s.balance), balanceCapital: rmbCapital(s.balance),
    loanFigures: rmbFigures(d.loan.outstandingFen), lender: d.loan.lender ?? '—',
    vacateByOn: chineseDate(d.vacateByOn), dueOn: chineseDate(d.dueOn), certificateNo: d.title.certificateNo,
    fundAccount: d.fundAccount ? `${d.fundAccount.bank} ${d.fundAccount.accountNo}` : '维修资金分户账',
  };
  values.loanParagraph = fillModel(d.loan.outstandingFen > 0 ? LOAN_PARAGRAPH.loan : LOAN_PARAGRAPH.none, values);
  return values;
}

const KIND_LABEL = { input: '输入', parameter: '参数', component: '计算' } as const;

function tableOf(kind: BuybackTable, d: BuybackContractData): { columns: Column[]; rows: string[][] } {
  const two = twoColumns;
  if (kind === 'unit') {
    return {
      columns: two('项目', '内容'),
      rows: [
        ...unitRows(d.project, d.unit),
        ['不动产权证书号', d.title.certificateNo], ['发证日期', chineseDate(d.title.issuedOn)],
        ['房屋性质', '配售型保障性住房（土地性质：划拨）'],
      ],
    };
  }
  if (kind === 'valuation') {
    return {
      columns: [{ header: '类别', width: 0.12 }, { header: '项目', width: 0.38 }, { header: '数值', width: 0.22 }, { header: '依据', width: 0.28 }],
      rows: [
        ...d.valuation.lines.map((l) => [KIND_LABEL[l.kind], l.label, l.value, l.reference ?? '']),
        ['结果', '回购价格', rmbFigures(d.valuation.priceFen), '第二十七条'],
      ],
    };
  }
  if (kind === 'schedule') {
    const s = d.schedule;
    return {
      columns: [{ header: '批次', width: 0.28 }, { header: '金额', width: 0.24 }, { header: '付贷款人', width: 0.24 }, { header: '付乙方', width: 0.24 }],
      rows: [
        ['首付款（签约后）', rmbFigures(s.first), rmbFigures(s.firstToLender), rmbFigures(s.firstToFamily)],
        ['余款（登记、腾退后）', rmbFigures(s.balance), rmbFigures(s.balanceToLender), rmbFigures(s.balanceToFamily)],
        ['合计', rmbFigures(s.first + s.balance), rmbFigures(s.firstToLender + s.balanceToLender), rmbFigures(s.firstToFamily + s.balanceToFamily)],
      ],
    };
  }
  return { columns: two('腾退事项', '要求'), rows: d.vacatingItems.map((i) => [VACATING_LABEL[i] ?? i, `${chineseDate(d.vacateByOn)}前完成并提交凭证`]) };
}

/** Renders the buyback contract as an A4 PDF (several pages). */
export async function renderBuybackContract(data: BuybackContractData): Promise<Buffer> {
  const values = buybackModelValues(data);
  const w = new ContractWriter({ title: BUYBACK_MODEL_TITLE, subject: `${data.contractNo} ${BUYBACK_MODEL_TITLE}`, date: data.generatedOn });
  w.header(BUYBACK_MODEL_TITLE, `${BUYBACK_MODEL_SUBTITLE}\n合同编号：${data.contractNo}`);
  w.paragraph(`【${BUYBACK_MODEL_NOTE}】`, { small: true });
  if (data.status !== 'signed') w.paragraph('【本合同尚未签署。】', { bold: true });
  w.paragraph(`回购方（甲方）：${data.buyer.name}`);
  const reg = data.seller.regCode ? `；轮候登记编号 ${data.seller.regCode}` : '';
  w.paragraph(`原购房家庭（乙方）：${data.seller.name}（公民身份号码 ${data.seller.maskedId}${reg}）`);
  w.paragraph(fillModel(BUYBACK_PREAMBLE, values), { indent: true });
  for (const c of BUYBACK_CLAUSES) {
    w.keepTogether(80);
    w.heading(`${c.no} ${c.heading}（${c.articles.join('、')}）`);
    if (c.table) {
      const t = tableOf(c.table, data);
      w.keepTogether(22 * (t.rows.length + 1));
      w.table(t.columns, t.rows);
    }
    for (const p of c.paragraphs) w.paragraph(fillModel(p, values), { indent: true });
  }
  w.keepTogether(120);
  w.heading('签署');
  w.paragraph(`甲方（盖章）：${data.buyer.name}`);
  w.paragraph(`乙方（签字）：${data.seller.name}`);
  w.paragraph(data.signedOn ? `签约日期：${chineseDate(data.signedOn)}` : `拟定日期：${chineseDate(data.generatedOn)}`);
  w.footer([
    `合同编号 ${data.contractNo}；回购申请 ${data.exitNo}；文本 ${data.modelVersion}；依据《济南市保障性住房配售和封闭管理办法》（济政发〔2025〕3号）第二十七、二十八、二十九条。`,
    `SHA-256 指纹：${buybackFingerprint(data)}`,
  ]);
  return w.finish();
}
