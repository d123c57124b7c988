/**
 * Chinese and English labels for request field paths, so that a 4xx names the field the
 * way a family or a clerk reads it ("家庭成员第2人的身份证号 / members[1].idNumber").
 *
 * Paths are dotted with numeric indexes ("members.1.idNumber"); indexes are shown 1-based in
 * Chinese because that is how the form numbers its rows.
 */

const SEGMENT_ZH: Record<string, string> = {
  form: '申请表',
  members: '家庭成员',
  name: '姓名',
  idNumber: '身份证号',
  relation: '与申请人关系',
  hukou: '户籍',
  type: '类型',
  city: '户籍所在地行政区划代码',
  place: '户籍地址',
  maritalStatus: '婚姻状况',
  educationLevel: '学历',
  skillLevel: '技能等级',
  talentLevel: '人才层次',
  districtCode: '受理区县',
  district: '区县',
  phone: '手机号码',
  employment: '就业情况',
  socialInsuranceMonths: '社会保险缴纳月数',
  retired: '是否退休',
  employer: '工作单位',
  incomeStatus: '收入状况',
  housing: '住房情况',
  ownedUnits: '名下住房套数',
  ownedArea: '名下住房面积',
  declarations: '声明事项',
  formerPolicyHousing: '是否享受过房改房等政策性住房',
  publicRental: '是否正在租住公租房等保障性租赁住房',
  rentalSubsidy: '是否正在领取租赁补贴',
  talentPurchaseSubsidy: '是否享受高层次人才购房补贴',
  username: '用户名',
  password: '密码',
  displayName: '姓名',
  reason: '原因',
  note: '审核意见',
  evidence: '证据材料',
  asOf: '评估日期',
  input: '输入',
  page: '页码',
  pageSize: '每页条数',
  limit: '条数',
  id: '申请编号',
  docId: '文件编号',
  articleNo: '条号',
  ruleId: '规则编号',
  admittedOn: '入库日期',
  lastConfirmedOn: '最近确认日期',
  purchased: '是否已购房',
  'idempotency-key': '幂等键 (Idempotency-Key)',
  // The sale of a project (第十至十七条).
  code: '项目编号',
  level: '项目层级',
  saleMode: '销售方式（预售/现房）',
  address: '项目地址',
  deliveryOn: '交付日期',
  propertyService: '物业服务',
  floors: '楼层数',
  completedOn: '竣工日期',
  buildingId: '楼栋',
  floor: '楼层',
  number: '房号',
  area: '建筑面积',
  layout: '户型',
  orientation: '朝向',
  basePricePerM2Fen: '基准价格（分/平方米）',
  floatRange: '浮动幅度',
  coefficients: '调节系数表',
  coefficient: '调节系数',
  unitId: '房源',
  round: '轮次',
  registrationOpensAt: '登记开始时间',
  registrationClosesAt: '登记截止时间',
  drawOn: '摇号日期',
  depositFen: '认购金（分）',
  pools: '摇号分组',
  label: '分组标识',
  share: '分组比例',
  quota: '分组名额',
  eligibility: '分组条件',
  batchSize: '每批选房户数',
  windowMinutes: '每批选房时长（分钟）',
  contractDeadlineDays: '签约期限（天）',
  documents: '申请材料',
  projectId: '项目',
  registrationId: '认购登记',
  beacon: '公证随机数（beacon）',
  outcome: '结果',
  targetUse: '转换用途',
  decisionNo: '决定文号',
  loanType: '贷款方式',
  downPaymentFen: '首付款（分）',
  source: '资金来源',
  direction: '收支方向',
  amountFen: '金额（分）',
  occurredOn: '发生日期',
  memo: '摘要',
  reference: '凭证号',
  batchNo: '批次号',
  // Closed-loop management (第十八至三十一条).
  titleIssuedOn: '不动产权证书登记日期',
  issuedOn: '登记日期',
  certificateNo: '不动产权证书号',
  deliveredOn: '交房日期',
  contractId: '合同',
  route: '退出方式',
  extraLoansOrMortgages: '购房贷款外的贷款或抵押',
  leased: '租赁关系',
  legalDispute: '法律纠纷',
  useChanged: '改变居住用途',
  structureAltered: '房屋结构拆改',
  originalPrice: '原购房价款（分）',
  originalPriceFen: '原购房价款（分）',
  paidOn: '全额付款日期',
  builtOn: '竣工日期',
  valuationOn: '测算日期',
  cpiAtPurchase: '购房时居民消费价格指数',
  cpiAtValuation: '测算时居民消费价格指数',
  price: '回购价格（分）',
  outstandingLoan: '未还贷款（分）',
  outstandingLoanFen: '未还贷款（分）',
  lender: '贷款银行',
  vacateByOn: '腾退期限',
  buybackPrice: '回购价格（分）',
  renovationCost: '修缮成本（分）',
  costFen: '修缮成本（分）',
  changeOn: '情形发生变化之日',
  accountNo: '维修资金账号',
  bank: '开户银行',
  openedOn: '开户日期',
  initialDepositFen: '首次缴存金额（分）',
  newHolder: '新权利人',
  regCode: '登记编号',
  resolution: '处理结果',
  inspector: '核查人',
  inspectedOn: '核查日期',
  reportNo: '核查报告编号',
  stage: '付款阶段',
  doneOn: '完成日期',
  finding: '认定事实',
  downPaymentPaidFen: '已付首付款（分）',
  loanDisbursedFen: '已放贷款（分）',
  opensOn: '开始日期',
  closesOn: '截止日期',
  priceFen: '价格（分）',
};

/** Converts a zod/JSON-pointer path into the dotted form used in error details ("members.1.idNumber"). */
export function dottedPath(path: ReadonlyArray<PropertyKey> | string): string {
  if (typeof path === 'string') {
    return path.replace(/^\//, '').split('/').filter((s) => s !== '').join('.');
  }
  return path.map((s) => String(s)).join('.');
}

/**
 * Chinese label for a dotted path, e.g. "members.1.idNumber" → "家庭成员第2人的身份证号".
 * Unknown segments are kept as they are, so the label always names the field.
 */
export function fieldLabelZh(field: string): string {
  if (field === '') return '请求内容';
  // "form.members.0.name" (and a rule's "input.…") reads better without "申请表的" in front.
  const parts = field.split('.');
  if ((parts[0] === 'form' || parts[0] === 'input') && parts.length > 1) parts.shift();
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const seg = parts[i]!;
    if (/^\d+$/.test(seg)) {
      out += `第${Number(seg) + 1}${parts[i - 1] === 'members' ? '人' : '项'}`;
      continue;
    }
    const zh = SEGMENT_ZH[seg] ?? seg;
    out += out === '' ? zh : `的${zh}`;
  }
  return out;
}

/** English label for a dotted path, e.g. "members.1.idNumber" → "members[1].idNumber". */
export function fieldLabelEn(field: string): string {
  if (field === '') return 'request body';
  return field.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}
