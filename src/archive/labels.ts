/**
 * 第二十一条: the Chinese labels of the codes an archive export uses. The JSON Schema enumerates
 * the same codes (unit-archive.v1.schema.json `$defs`), and every export carries this map as
 * `labels`, so a receiving city reads 配售型保障性住房 records without our code lists.
 */
export const ARCHIVE_LABELS = {
  unitStatus: { draft: '未上市', available: '可售', reserved: '已选定', sold: '已售', converted: '已转用', bought_back: '已回购' },
  contractStatus: { generated: '已生成', signed: '已签订', lapsed: '已失效', rescinded: '已解除' },
  loanType: { provident_fund: '住房公积金贷款', commercial: '商业性住房贷款', none: '一次性付款' },
  buyerRole: { purchaser: '购房人', holder: '现权利人' },
  holderKind: { family: '保障家庭', person: '个人（继承人或析产人）', government: '政府' },
  titleOrigin: {
    first_sale: '首次配售', internal_transfer: '内部流转', resale: '回购后再配售', inheritance: '继承', divorce_division: '离婚析产', buyback: '政府回购',
  },
  fundEntryKind: { deposit: '缴存', refund: '退还' },
  eventKind: {
    inheritance: '继承', divorce_division: '离婚析产', lease: '出租', use_change: '改变用途', extra_mortgage: '另行抵押或借贷',
    structure_alteration: '改变房屋结构', legal_dispute: '法律纠纷',
  },
  caseStatus: { open: '处理中', rectified: '已整改', closed: '已结案' },
  exitRoute: { buyback: '政府回购', internal_transfer: '内部流转' },
  exitOrigin: { family: '家庭申请', multi_unit: '多套住房须退出', fraud: '骗购责令退出' },
  exitStatus: {
    submitted: '已提交', accepted: '已受理', refused: '不予受理', withdrawn: '已撤回', contracted: '已签回购合同', offered: '流转挂牌中', matched: '已匹配受让家庭', completed: '已办结',
  },
  paymentStage: { first: '首期款', balance: '尾款' },
  payee: { lender: '贷款银行', family: '售房家庭' },
} as const;

export type ArchiveLabels = typeof ARCHIVE_LABELS;
