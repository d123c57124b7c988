/**
 * 配售通告 (sale notice) of a project round, 济政发〔2025〕3号 第十条: after the plan is approved
 * the project's sale is announced to the public with its units and prices (第十二条), the
 * registration and 认购金 (第十一条), the lottery pools, selection and signing rules, and the
 * documents families bring.
 */
import { fenToYuan } from '../rules/core/money.js';
import { payloadFingerprint } from './fingerprint.js';
import { chineseDate } from './labels.js';
import { NoticeWriter } from './notice-layout.js';

/** A lottery pool as the plan stores it. */
export type SaleNoticePool = { label: string; share?: string; quota?: number | 'all'; eligibility: 'priority' | 'all' };

/** What the notice prints. Instants are ISO strings; money in fen. */
export interface SaleNoticeData {
  /** 配售通告〔YYYY〕N号; null while the plan is a draft. */
  noticeNo: string | null;
  /** True for a plan not yet published (printed as 草案). */
  draft: boolean;
  /** YYYY-MM-DD */
  issuedOn: string;
  issuer: string;
  project: {
    code: string; name: string; address: string; districtName: string; level: 'city' | 'district'; saleMode: 'presale' | 'completed';
    deliveryOn: string | null; propertyService: string | null; implementer: string;
  };
  round: number;
  registrationOpensAt: string;
  registrationClosesAt: string;
  drawOn: string;
  depositFen: number;
  pools: SaleNoticePool[];
  batchSize: number;
  windowMinutes: number;
  contractDeadlineDays: number;
  documents: string | null;
  units: { count: number; minArea: string | null; maxArea: string | null; minPriceFen: number | null; maxPriceFen: number | null };
  price: { basePricePerM2Fen: number; floatRange: string; approvalNo: string | null } | null;
}

const DOC = '《济南市保障性住房配售和封闭管理办法》（济政发〔2025〕3号）';

/** ¥1,234,567.89 from fen. */
export function yuan(fen: number): string {
  const [i, f] = fenToYuan(fen).split('.');
  return `¥${i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}

/** "2026年3月1日 09:00" for an instant, in Beijing time (UTC+8, no daylight saving). */
export function chineseDateTime(iso: string): string {
  const s = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${chineseDate(s.slice(0, 10))} ${s.slice(11, 16)}`;
}

/** "5%" from "0.050000"; "30%" from "0.30". */
const percent = (fraction: string) => `${String(Number((Number(fraction) * 100).toFixed(4)))}%`;

function quotaText(p: SaleNoticePool): string {
  if (p.quota === 'all') return '其余全部';
  if (typeof p.quota === 'number') return `${p.quota}个`;
  return `房源套数的${percent(p.share ?? '0')}`;
}

/** The fingerprint printed on the notice: SHA-256 of its canonical payload. */
export function saleNoticeFingerprint(data: SaleNoticeData): string {
  return payloadFingerprint({ document: 'sale-notice', ...data });
}

/** Renders the notice as an A4 PDF (one or two pages). Same data, same bytes. */
export async function renderSaleNotice(d: SaleNoticeData): Promise<Buffer> {
  const p = d.project;
  const w = new NoticeWriter({ title: '配售通告', subject: `${p.name} 第${d.round}轮配售通告`, date: d.issuedOn });
  w.header(d.draft ? '配售通告（草案）' : '配售通告', d.noticeNo ?? '（未发布，不作为认购依据）');
  w.paragraph(`根据${DOC}第十条规定，${p.name}项目配售方案已报${p.level === 'city' ? '市' : '区县'}政府同意，现将第${d.round}轮配售有关事项通告如下：`, { indent: true });

  w.heading('一、项目概况');
  w.table([{ header: '项目名称', width: 0.3 }, { header: '项目编号', width: 0.2 }, { header: '所在区县', width: 0.15 }, { header: '销售方式', width: 0.15 }, { header: '预计交付', width: 0.2 }],
    [[p.name, p.code, p.districtName, p.saleMode === 'completed' ? '现房销售' : '预售', p.deliveryOn ? chineseDate(p.deliveryOn) : '—']]);
  w.paragraph(`项目地址：${p.address}；项目实施主体：${p.implementer}${p.propertyService ? `；物业服务：${p.propertyService}` : ''}。`, { small: true });

  w.heading('二、房源与价格（第十条、第十二条）');
  const u = d.units;
  const area = u.minArea && u.maxArea ? (u.minArea === u.maxArea ? `${u.minArea}平方米` : `${u.minArea}至${u.maxArea}平方米`) : '—';
  const range = u.minPriceFen !== null && u.maxPriceFen !== null ? `${yuan(u.minPriceFen)}至${yuan(u.maxPriceFen)}` : '—';
  w.paragraph(`本项目房源共${u.count}套，全部公开配售（第十条），建筑面积${area}。` +
    (d.price ? `经审定的配售基准价格为每平方米${yuan(d.price.basePricePerM2Fen)}，浮动幅度±${percent(d.price.floatRange)}，单套总价${range}（价格审核文号：${d.price.approvalNo ?? '—'}）。` : '配售价格尚未审定。') +
    '每套房源的价格在房源表中逐套公示。', { indent: true });

  w.heading('三、认购登记与认购金（第十一条）');
  w.paragraph(`认购登记时间：${chineseDateTime(d.registrationOpensAt)}至${chineseDateTime(d.registrationClosesAt)}（北京时间）。已纳入轮候库的家庭在登记期内通过泉城安居平台认购登记，并缴纳认购金每户${yuan(d.depositFen)}，缴款成功即纳入本项目摇号排序库。` +
    '申请家庭可同时参加2个及以上项目认购，但只能购买1套住房；在任一项目签约后，其他项目的认购登记自动终止并返还认购金。认购金可折抵购房款；项目配售结束后，未签约家庭的认购金全额返还。', { indent: true });

  w.heading('四、摇号排序');
  w.paragraph(`摇号日期：${chineseDate(d.drawOn)}。登记截止后公布摇号名单摘要和承诺值，摇号采用公开可验证的 QLOT-1 算法，结果及验证材料在平台公开。按下列组别依次摇号排序，优先组未排入的家庭进入后续组别继续参加摇号：`, { indent: true });
  w.table([{ header: '顺序', width: 0.1 }, { header: '组别', width: 0.2 }, { header: '参加家庭', width: 0.4 }, { header: '名额', width: 0.3 }],
    d.pools.map((pool, i) => [String(i + 1), pool.label, pool.eligibility === 'priority' ? '符合第六条优先情形的家庭' : '全部登记家庭', quotaText(pool)]));

  w.heading('五、选房与签约（第十三条、第十四条）');
  w.paragraph(`按摇号排序分批选房，每批${d.batchSize}户，每批选房时间${d.windowMinutes}分钟；未在规定时间内选房的视为放弃本次选房。选定房源后应在${d.contractDeadlineDays}日内签订买卖合同（示范文本），逾期未签约的，所选房源重新配售。使用住房公积金贷款的，首付款比例按第十三条执行。`, { indent: true });

  w.heading('六、所需材料');
  w.paragraph(d.documents?.trim() || '家庭成员身份证、户口簿，婚姻状况证明，准予入库通知书；使用贷款的另备贷款所需材料。', { indent: true });

  w.heading('七、其他事项');
  w.paragraph('所购住房实行封闭管理，不得变更为商品住房，只能用于自住（第十八条、第二十条）。弄虚作假骗取购房资格的，依照第三十一条处理。', { small: true });

  w.signature(d.issuer, d.issuedOn);
  w.footer([
    `核验信息：项目编号 ${p.code}；第${d.round}轮；${d.noticeNo ?? '草案'}。本通告由泉城安居平台依据经批准的配售方案生成。`,
    `SHA-256 指纹：${saleNoticeFingerprint(d)}`,
  ]);
  return w.finish();
}
