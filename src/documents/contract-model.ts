/**
 * The model text (示范文本) of the sale contract for 配售型保障性住房, 济政发〔2025〕3号 第十四条:
 * 买卖合同应当载明房屋基本状况、房价款和支付方式、交付条件和手续、不动产登记、物业服务、售后管理、
 * 违约责任等内容. Each clause cites the article it rests on.
 *
 * 第十四条 gives the 市住房城乡建设部门 the drafting of the model text. Until the bureau publishes
 * its own, this is the platform's draft covering every item 第十四条 lists; replacing it means
 * editing this file and bumping MODEL_VERSION, which is printed on every contract (a signed
 * contract re-renders with the text of its own version only while that version is here, so
 * an old version's text must be kept, not overwritten).
 *
 * Placeholders `{name}` are filled by src/documents/contract.ts from the contract's data.
 * Policy numbers are not written here: the minimum down payment is the rule's figure
 * (housing.down-payment), the deadline the sale plan's.
 */

export const MODEL_TITLE = '济南市配售型保障性住房买卖合同';
export const MODEL_SUBTITLE = '（示范文本）';
/** Printed on the contract; a new text gets a new version. */
export const MODEL_VERSION = 'JN-PSHT-2025-1';

/** Which table of contract data a clause prints before its paragraphs. */
export type ClauseTable = 'unit' | 'price' | 'payment';

export interface ModelClause {
  /** 第一条 … of the contract (not of the measure). */
  no: string;
  heading: string;
  /** Articles of 济政发〔2025〕3号 the clause rests on. */
  articles: string[];
  table?: ClauseTable;
  paragraphs: string[];
  /** 第三十条: on the resale of a bought-back unit, these paragraphs replace `paragraphs`. */
  resale?: string[];
}

export const MODEL_PREAMBLE =
  '根据《中华人民共和国民法典》《中华人民共和国城市房地产管理法》和《济南市保障性住房配售和封闭管理办法》（济政发〔2025〕3号）' +
  '等规定，甲乙双方在平等、自愿、公平、诚实信用的基础上，就乙方购买配售型保障性住房事宜，订立本合同。';

export const MODEL_CLAUSES: ModelClause[] = [
  {
    no: '第一条', heading: '项目及房屋基本状况', articles: ['第十条', '第十四条'], table: 'unit',
    paragraphs: [
      '本合同房屋属{projectName}项目，由甲方依据{noticeNo}公开配售，销售方式为{saleMode}。乙方经{selectionWay}选定上表所列房屋。',
      '建筑面积以不动产登记时的实测面积为准；本合同房价款按经批准的单套价格确定。',
    ],
  },
  {
    no: '第二条', heading: '房屋价格', articles: ['第十二条'], table: 'price',
    paragraphs: [
      '本合同房屋价格按照{priceApprovalNo}批准的配售基准价格及浮动幅度确定：单套总价＝配售基准价格×建筑面积×调节系数。',
      '房屋总价款为{priceFigures}（大写：{priceCapital}）。',
    ],
    resale: [
      '本合同房屋系政府回购后经适当修缮再次配售的房源，再次配售价格经住房城乡建设部门批准，覆盖回购价格及二次装修成本（第三十条）。',
      '房屋总价款为{priceFigures}（大写：{priceCapital}）。',
    ],
  },
  {
    no: '第三条', heading: '付款方式', articles: ['第十一条', '第十三条'], table: 'payment',
    paragraphs: [
      '乙方已缴纳的项目认购金{depositFigures}（大写：{depositCapital}）{depositWhen}折抵购房款（第十一条）。',
      '乙方选择的付款方式为{loanLabel}。首付款为{downPaymentFigures}（大写：{downPaymentCapital}），不低于按第十三条及有关规定计算的最低首付款{minimumFigures}（比例{minimumRatio}）；认购金折抵后，乙方应于签约时支付首付款余额{cashDueFigures}。',
      '{loanParagraph}',
    ],
  },
  {
    no: '第四条', heading: '交付条件和手续', articles: ['第十四条'],
    paragraphs: [
      '甲方应于{deliveryOn}前将房屋交付乙方。交付时房屋应已依法竣工验收合格，甲方应向乙方提供《住宅质量保证书》《住宅使用说明书》。',
      '乙方应在收到交房通知后按约办理交房手续，结清首付款及贷款资金到位前应由乙方负担的款项。',
    ],
  },
  {
    no: '第五条', heading: '不动产登记', articles: ['第十八条'],
    paragraphs: [
      '房屋完成首次登记后，甲乙双方持本合同、缴税证明等资料申请办理不动产登记，购房人以本合同签订为准。',
      '不动产登记时应注明房屋性质为配售型保障性住房，土地性质为划拨。',
    ],
  },
  {
    no: '第六条', heading: '维修资金', articles: ['第十九条'],
    paragraphs: ['乙方按规定缴存房屋专项维修资金。'],
    resale: ['乙方按本房屋回购时退还的维修资金数额缴存房屋专项维修资金{resaleFundFigures}（大写：{resaleFundCapital}），于办理不动产登记时缴入本房屋维修资金分户账（第十九条、第三十条）。'],
  },
  {
    no: '第七条', heading: '物业服务', articles: ['第十四条', '第三十二条'],
    paragraphs: [
      '本项目物业服务企业由甲方依法依规选聘并签订服务合同，报相关职能部门备案（第三十二条）。{propertyService}',
    ],
  },
  {
    no: '第八条', heading: '售后管理（封闭管理）', articles: ['第二十条', '第二十二条', '第二十三条', '第二十四条', '第二十五条', '第二十七条', '第二十九条'],
    paragraphs: [
      '（一）本房屋仅用于乙方家庭自住，严禁以任何违法违规方式变更为商品住房流入市场，不得用于自住以外的其他用途（第二十条）。',
      '（二）除乙方购置本房屋时申请的住房公积金贷款和个人商业性住房贷款抵押外，本房屋不得用于其他类型的抵押或清偿债务（第二十三条）。',
      '（三）本房屋实行封闭管理，不得上市交易。乙方取得不动产权证满2年后，可采用轮候家庭内部流转或政府回购的方式退出（第二十四条）；申请回购的，应无购房贷款抵押外的违规贷款或抵押、无租赁关系、无法律纠纷，未改变居住用途且房屋结构无拆改（第二十五条）。',
      '（四）回购价格按照原购房价款，结合房屋折旧、同期存款利率、物价水平等因素确定（第二十七条）；回购价款分批支付，未足额偿还购房贷款的，回购价款优先用于清偿债务（第二十九条）。',
      '（五）本房屋可依法继承、离婚析产，继承、离婚析产后保障性住房性质不变（第二十二条）。',
    ],
  },
  {
    no: '第九条', heading: '违约责任', articles: ['第十四条', '第三十一条'],
    paragraphs: [
      '甲方逾期交付房屋或交付的房屋不符合本合同约定的，乙方有权要求甲方继续履行、采取补救措施并赔偿损失，逾期超过合理期限的，乙方有权解除合同。',
      '乙方逾期支付房价款的，甲方有权催告；经催告仍不支付的，甲方有权解除合同，房屋由甲方收回重新配售。',
      '乙方在申购过程中弄虚作假骗取保障资格的，已签订本合同但未办理交房手续的，解除本合同；已办理交房的，责令限期腾退住房，按合同约定予以回购（第三十一条）。',
      '违反第八条封闭管理约定的，由有关部门依法依规处理，乙方承担由此产生的全部责任。',
    ],
  },
  {
    no: '第十条', heading: '签约、生效与争议解决', articles: ['第十一条', '第十四条'],
    paragraphs: [
      '乙方应于{deadlineOn}前（含当日）在泉城安居平台在线签署本合同；逾期未签署的，视为放弃所选房屋，甲方可将房屋重新配售，乙方已缴认购金于项目配售结束后返还（第十一条）。',
      '本合同自乙方在线签署之日起生效。签约后乙方在其他项目的认购登记同时终止，认购金予以返还（第十一条：自主选择购买1套住房）。',
      '因本合同发生争议的，双方协商解决；协商不成的，依法向房屋所在地人民法院起诉。',
    ],
  },
];

/** The loan paragraph of 第三条 by loan type (第十三条: 住房公积金贷款; 第二十三条: the only mortgages allowed). */
export const LOAN_PARAGRAPH: Record<'provident_fund' | 'commercial' | 'none', string> = {
  provident_fund: '其余房价款{loanFigures}（大写：{loanCapital}）由乙方申请住房公积金贷款支付；乙方可按规定提取个人账户住房公积金支付首付款（第十三条）。贷款未获批准的，双方另行协商付款方式。',
  commercial: '其余房价款{loanFigures}（大写：{loanCapital}）由乙方申请个人商业性住房贷款支付。贷款未获批准的，双方另行协商付款方式。',
  none: '乙方一次性支付全部房价款，不申请贷款。',
};

/** Labels of the codes the contract prints. */
export const LOAN_LABEL = { provident_fund: '住房公积金贷款', commercial: '个人商业性住房贷款', none: '一次性付款' } as const;
export const SALE_MODE_LABEL: Record<string, string> = { presale: '预售', completed: '现房销售' };

/** `{name}` → value; an unknown placeholder is an error (a model text naming data the renderer lacks). */
export function fillModel(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (!(k in values)) throw new Error(`contract model: no value for {${k}}`);
    return values[k]!;
  });
}
