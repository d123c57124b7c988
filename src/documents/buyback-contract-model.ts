/**
 * The model text (示范文本) of the buyback contract (房屋回购合同) of 配售型保障性住房,
 * 济政发〔2025〕3号 第二十八条: 约定回购价格、结算方式、腾退时间、产权变更及双方权利义务等事项;
 * with the price of 第二十七条 and the payments, vacating and fund refund of 第二十九条.
 * Each clause cites the article it rests on.
 *
 * 第二十八条 gives the 市住房城乡建设部门 the drafting of the model text. Until the bureau publishes
 * its own, this is the platform's draft (printed as such on every copy); replacing it means
 * editing this file and bumping BUYBACK_MODEL_VERSION, which is stored on every buyback contract
 * (buyback_contracts.model_version). A signed contract re-renders byte for byte only with the text
 * of its own version, so an old version's text must be kept, not overwritten.
 *
 * Placeholders `{name}` are filled by src/documents/buyback-contract.ts from the contract's data.
 * Policy numbers are not written here: the first-payment share and the valuation's parameters
 * are the rules' figures (housing.buyback-payments, housing.buyback-price), printed from the record.
 */
export { fillModel } from './contract-model.js';

export const BUYBACK_MODEL_TITLE = '济南市配售型保障性住房回购合同';
export const BUYBACK_MODEL_SUBTITLE = '（示范文本·平台草案）';
/** Stored on the contract and printed on it; a new text gets a new version. */
export const BUYBACK_MODEL_VERSION = 'JN-HGHT-2025-DRAFT-1';
/** Why the text is a draft (第二十八条: the bureau drafts the model text). */
export const BUYBACK_MODEL_NOTE =
  '本合同文本为泉城安居平台依据济政发〔2025〕3号第二十七至二十九条拟定的草案，市住房城乡建设部门发布回购合同示范文本后以其为准（第二十八条）。';

/** Which table of contract data a clause prints before its paragraphs. */
export type BuybackTable = 'unit' | 'valuation' | 'schedule' | 'vacating';

export interface BuybackClause {
  /** 第一条 … of the contract (not of the measure). */
  no: string;
  heading: string;
  /** Articles of 济政发〔2025〕3号 the clause rests on. */
  articles: string[];
  table?: BuybackTable;
  paragraphs: string[];
}

export const BUYBACK_PREAMBLE =
  '根据《中华人民共和国民法典》和《济南市保障性住房配售和封闭管理办法》（济政发〔2025〕3号）第二十四条至第二十九条等规定，' +
  '乙方取得本房屋不动产权证满2年后申请政府回购，经甲方会同有关部门核查（回购申请编号 {exitNo}），双方就房屋回购事宜订立本合同。';

export const BUYBACK_CLAUSES: BuybackClause[] = [
  {
    no: '第一条', heading: '回购房屋', articles: ['第二十四条', '第二十五条'], table: 'unit',
    paragraphs: [
      '乙方确认本房屋无购房贷款抵押外的违规贷款或抵押，无租赁关系，无法律纠纷，未改变房屋居住用途且房屋结构无拆改（第二十五条）。',
    ],
  },
  {
    no: '第二条', heading: '回购价格', articles: ['第二十七条'], table: 'valuation',
    paragraphs: [
      '回购价格按照原购房价款，结合房屋折旧、同期存款利率、物价水平等因素，依市住房城乡建设部门公布的测算方式确定（第二十七条），测算的每项输入和参数见上表（测算日 {valuedOn}）。',
      '回购价格为{priceFigures}（大写：{priceCapital}）。',
    ],
  },
  {
    no: '第三条', heading: '结算方式', articles: ['第二十九条'], table: 'schedule',
    paragraphs: [
      '回购价款分两批支付。本合同签订后，甲方按回购价款的{firstShare}先行支付首付款{firstFigures}（大写：{firstCapital}）；乙方配合办理不动产转移登记并完成房屋腾退后，甲方结清余款{balanceFigures}（大写：{balanceCapital}）（第二十九条）。',
      '{loanParagraph}',
    ],
  },
  {
    no: '第四条', heading: '腾退时间', articles: ['第二十六条', '第二十九条'], table: 'vacating',
    paragraphs: [
      '乙方应于{vacateByOn}前（含当日）腾空房屋并交付甲方，结清上表所列水、电、燃气、供暖及物业服务费用并迁出户口（第二十九条），回购原则上于回购申请受理之日起半年内完成（第二十六条，本次期限 {dueOn}）。',
    ],
  },
  {
    no: '第五条', heading: '产权变更', articles: ['第二十九条', '第十八条'],
    paragraphs: [
      '乙方应配合甲方持本合同办理不动产转移登记，将本房屋（不动产权证书号 {certificateNo}）转移登记至政府名下；登记后房屋性质仍为配售型保障性住房，土地性质为划拨（第十八条）。',
    ],
  },
  {
    no: '第六条', heading: '维修资金', articles: ['第二十七条', '第二十九条'],
    paragraphs: [
      '回购完成后，住房城乡建设部门审核退还本房屋分户账（{fundAccount}）中结余的维修资金（第二十九条第二款）。',
    ],
  },
  {
    no: '第七条', heading: '双方权利义务', articles: ['第二十六条', '第二十八条', '第二十九条', '第三十条'],
    paragraphs: [
      '（一）甲方按第三条的约定支付回购价款，及时办理回购信息录入保障性住房信息管理平台（第二十六条）。',
      '（二）乙方保证所提交资料真实，房屋自签约之日起不得再出租、抵押或变更用途；乙方未按期腾退的，甲方可暂缓支付余款。',
      '（三）回购的房屋经适当修缮后可继续作为配售房源，出售给符合条件的其他购房家庭（第三十条）。',
      '（四）回购完成后，乙方家庭退出本市保障性住房保障，相应保障资格终止（第二十四条）。',
    ],
  },
  {
    no: '第八条', heading: '生效与争议解决', articles: ['第二十八条'],
    paragraphs: [
      '本合同自双方签署之日起生效。因本合同发生争议的，双方协商解决；协商不成的，依法向房屋所在地人民法院起诉。',
    ],
  },
];

/** The paragraph of 第三条 on the purchase loan (第二十九条: 回购价款优先用于清偿债务). */
export const LOAN_PARAGRAPH = {
  none: '乙方已足额偿还该套住房的购房贷款，回购价款全部支付给乙方。',
  loan: '乙方未足额偿还该套住房购房贷款{loanFigures}（贷款人：{lender}）。依第二十九条，回购价款优先用于清偿该笔债务，每批价款先付贷款人，再向乙方支付余款。',
} as const;

/** Labels of the vacating items (第二十九条: 水电气暖和物业费结算、户口迁出). */
export const VACATING_LABEL: Record<string, string> = {
  utilities: '水电费用结算', heating: '供暖费用结算', gas: '燃气费用结算', property_fees: '物业服务费结算', hukou_moved: '户口迁出',
};
