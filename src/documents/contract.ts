/**
 * Renders the 济南市配售型保障性住房买卖合同 (济政发〔2025〕3号 第十四条) from the model text in
 * contract-model.ts as an A4 PDF. Same data → same bytes: no clock inside, the creation date is
 * the contract's own date, so the SHA-256 kept at signing (contracts.pdf_sha256) can be checked
 * against a fresh rendering at any time.
 */
import { payloadFingerprint } from './fingerprint.js';
import { chineseDate } from './labels.js';
import { ContractWriter, twoColumns, unitRows, type Column } from './notice-layout.js';
import { rmbCapital, rmbFigures } from './contract-money.js';
import {
  LOAN_LABEL, LOAN_PARAGRAPH, MODEL_CLAUSES, MODEL_PREAMBLE, MODEL_SUBTITLE, MODEL_TITLE, MODEL_VERSION, SALE_MODE_LABEL,
  fillModel, type ClauseTable,
} from './contract-model.js';

export type LoanType = keyof typeof LOAN_LABEL;

/** What a contract prints. Money in fen; area and coefficient as decimal strings. */
export interface ContractDocumentData {
  contractNo: string;
  status: 'generated' | 'signed' | 'lapsed' | 'rescinded';
  /** YYYY-MM-DD (Asia/Shanghai): the day the terms were drawn up; also the PDF's creation date. */
  generatedOn: string;
  deadlineOn: string;
  signedOn: string | null;
  seller: { name: string };
  /** The buyer's own copy carries the applicant's full name; the ID number is masked. */
  buyer: { name: string; maskedId: string; regCode: string };
  project: {
    code: string; name: string; address: string; districtName: string; saleMode: string;
    noticeNo: string | null; deliveryOn: string | null; propertyService: string | null;
  };
  unit: { building: string; floor: number; number: string; area: string; layout: string; orientation: string };
  price: { basePricePerM2Fen: number | null; coefficient: string | null; priceFen: number; approvalNo: string | null };
  payment: {
    loanType: LoanType; downPaymentFen: number; loanFen: number;
    /** Credited at signing (signed) or held now and to be credited (generated). */
    depositFen: number;
    /** housing.down-payment's minimum and ratio (第十三条). */
    minimumFen: number; minimumRatio: string;
  };
  /** round: lottery and selection (第十一条); rolling: 常态化配售 (第十六条). */
  selection: { kind: 'round' | 'rolling'; regNo: string | null };
  /** 第三十条: present only on the resale of a bought-back unit; the fund due is what was refunded at buyback. */
  resale?: { maintenanceFundDueFen: number };
}

/** SHA-256 of the contract's canonical data, printed on it. */
export function contractFingerprint(data: ContractDocumentData): string {
  return payloadFingerprint({ document: 'sale-contract', model: MODEL_VERSION, ...data });
}

const pct = (ratio: string) => `${(Number(ratio) * 100).toFixed(2).replace(/\.?0+$/, '')}%`;

/** The values the model text's placeholders take. */
export function modelValues(d: ContractDocumentData): Record<string, string> {
  const p = d.payment;
  const values: Record<string, string> = {
    projectName: d.project.name,
    noticeNo: d.project.noticeNo ? `配售通告（${d.project.noticeNo}）` : '项目配售通告',
    saleMode: SALE_MODE_LABEL[d.project.saleMode] ?? d.project.saleMode,
    selectionWay: d.selection.kind === 'rolling' ? '常态化配售（第十六条）' : `摇号排序及选房（认购登记号 ${d.selection.regNo ?? ''}）`,
    priceApprovalNo: d.price.approvalNo ? `价格批准文件（${d.price.approvalNo}）` : '价格主管部门',
    priceFigures: rmbFigures(d.price.priceFen), priceCapital: rmbCapital(d.price.priceFen),
    depositFigures: rmbFigures(p.depositFen), depositCapital: rmbCapital(p.depositFen),
    depositWhen: d.status === 'signed' ? '已于签约时' : '于签约时',
    loanLabel: LOAN_LABEL[p.loanType],
    downPaymentFigures: rmbFigures(p.downPaymentFen), downPaymentCapital: rmbCapital(p.downPaymentFen),
    minimumFigures: rmbFigures(p.minimumFen), minimumRatio: pct(p.minimumRatio),
    cashDueFigures: rmbFigures(p.downPaymentFen - p.depositFen),
    loanFigures: rmbFigures(p.loanFen), loanCapital: rmbCapital(p.loanFen),
    deliveryOn: d.project.deliveryOn ? chineseDate(d.project.deliveryOn) : '项目配售通告载明的交付日期',
    propertyService: d.project.propertyService ? `${d.project.propertyService}。` : '',
    deadlineOn: chineseDate(d.deadlineOn),
  };
  if (d.resale) {
    values.resaleFundFigures = rmbFigures(d.resale.maintenanceFundDueFen);
    values.resaleFundCapital = rmbCapital(d.resale.maintenanceFundDueFen);
  }
  values.loanParagraph = fillModel(LOAN_PARAGRAPH[p.loanType], values);
  return values;
}

function tableOf(kind: ClauseTable, d: ContractDocumentData): { columns: Column[]; rows: string[][] } {
  const two = twoColumns;
  if (kind === 'unit') {
    return { columns: two('项目', '内容'), rows: [...unitRows(d.project, d.unit), ['房屋性质', '配售型保障性住房（土地性质：划拨）']] };
  }
  if (kind === 'price') {
    return {
      columns: two('项目', '金额'),
      rows: [
        ['配售基准价格', d.price.basePricePerM2Fen === null ? '—' : `${rmbFigures(d.price.basePricePerM2Fen)}元/平方米`],
        ['调节系数', d.price.coefficient ?? '—'], ['建筑面积', `${d.unit.area}平方米`],
        ['房屋总价款', `${rmbFigures(d.price.priceFen)}（${rmbCapital(d.price.priceFen)}）`],
      ],
    };
  }
  const p = d.payment;
  return {
    columns: two('项目', '金额'),
    rows: [
      ['付款方式', LOAN_LABEL[p.loanType]], ['首付款', `${rmbFigures(p.downPaymentFen)}（${rmbCapital(p.downPaymentFen)}）`],
      ['其中：认购金折抵', rmbFigures(p.depositFen)], ['首付款余额', rmbFigures(p.downPaymentFen - p.depositFen)],
      ['贷款金额', `${rmbFigures(p.loanFen)}（${rmbCapital(p.loanFen)}）`],
    ],
  };
}

/** Renders the contract as an A4 PDF (several pages). */
export async function renderContract(data: ContractDocumentData): Promise<Buffer> {
  const values = modelValues(data);
  const w = new ContractWriter({ title: MODEL_TITLE, subject: `${data.contractNo} ${MODEL_TITLE}`, date: data.generatedOn });
  w.header(MODEL_TITLE, `${MODEL_SUBTITLE}\n合同编号：${data.contractNo}`);
  if (data.status !== 'signed') {
    const note = data.status === 'generated' ? `本合同尚未签署，请于${chineseDate(data.deadlineOn)}前（含当日）在线签署。`
      : data.status === 'lapsed' ? '本合同未在签约期限内签署，已失效。' : '本合同已解除。';
    w.paragraph(`【${note}】`, { bold: true });
  }
  w.paragraph(`出卖人（甲方）：${data.seller.name}（项目实施主体）`);
  w.paragraph(`买受人（乙方）：${data.buyer.name}（公民身份号码 ${data.buyer.maskedId}；轮候登记编号 ${data.buyer.regCode}）`);
  w.paragraph(MODEL_PREAMBLE, { indent: true });
  for (const c of MODEL_CLAUSES) {
    w.keepTogether(80);
    w.heading(`${c.no} ${c.heading}（${c.articles.join('、')}）`);
    if (c.table) {
      const t = tableOf(c.table, data);
      w.keepTogether(22 * (t.rows.length + 1));
      w.table(t.columns, t.rows);
    }
    for (const p of (data.resale && c.resale) || c.paragraphs) w.paragraph(fillModel(p, values), { indent: true });
  }
  w.keepTogether(120);
  w.heading('签署');
  w.paragraph(`甲方（盖章）：${data.seller.name}`);
  w.paragraph(`乙方（签字）：${data.buyer.name}`);
  w.paragraph(data.signedOn ? `签约日期：${chineseDate(data.signedOn)}（乙方于泉城安居平台在线签署）` : `签约期限：${chineseDate(data.deadlineOn)}前（含当日）`);
  w.footer([
    `合同编号 ${data.contractNo}；示范文本 ${MODEL_VERSION}；依据《济南市保障性住房配售和封闭管理办法》（济政发〔2025〕3号）第十四条。`,
    `SHA-256 指纹：${contractFingerprint(data)}`,
  ]);
  return w.finish();
}
