/** Chinese labels of the enumerations of the application form and its states. */

export const RELATION: Record<string, string> = { applicant: '申请人', spouse: '配偶', child: '子女', parent: '父母', other: '其他成员' };
export const HUKOU_TYPE: Record<string, string> = { urban: '城镇户籍', rural_collective: '农村集体经济组织成员' };
export const MARITAL: Record<string, string> = { single: '未婚', married: '已婚', divorced: '离异', widowed: '丧偶' };
export const EDUCATION: Record<string, string> = {
  none: '无/初中及以下', secondary: '高中/中专', associate: '大专', bachelor: '本科', master: '硕士研究生', doctor: '博士研究生',
};
export const SKILL: Record<string, string> = { none: '无', senior_worker: '高级工', technician: '技师', senior_technician: '高级技师' };
export const TALENT: Record<string, string> = {
  none: '非高层次人才', A: 'A类人才', B: 'B类人才', C: 'C类人才', D: 'D类人才', E: 'E类人才',
};
export const INCOME: Record<string, string> = { low_middle: '已认定为城市中低收入家庭', none: '未认定' };
export const CATEGORY: Record<string, string> = { wage_family: '城市工薪收入家庭', talent: '城市引进人才' };

/** 第六条 priority flags. */
export const PRIORITY: Record<string, string> = {
  low_middle_income: '中低收入家庭',
  two_or_more_children: '生育二孩以上',
  elderly_member: '有60周岁以上老人',
  high_level_talent: '高层次人才',
};

export const STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  submitted: { label: '待审核', color: 'processing' },
  returned: { label: '退回补正', color: 'warning' },
  admitted: { label: '已入库', color: 'success' },
  approved: { label: '已入库', color: 'success' },
  rejected: { label: '不予通过', color: 'error' },
  withdrawn: { label: '已退出', color: 'default' },
  removed: { label: '已移出轮候库', color: 'error' },
  lapsed: { label: '轮候资格失效', color: 'default' },
  cancelled: { label: '资格已撤销', color: 'error' },
  purchased: { label: '已签约购房', color: 'success' },
};

export const WAITLIST: Record<string, { label: string; color: string }> = {
  active: { label: '轮候中', color: 'success' },
  must_confirm: { label: '待确认信息', color: 'warning' },
  lapsed: { label: '已失效', color: 'default' },
};

export const DEPARTMENT: Record<string, string> = {
  property: '不动产登记（自然资源和规划部门）',
  civil_affairs: '收入认定（民政部门）',
  social_insurance: '社会保险（人力资源社会保障部门）',
  provident_fund: '住房公积金（济南住房公积金中心）',
};

export const ROLE: Record<string, string> = {
  applicant: '申请家庭', district_staff: '区县审核人员', city_staff: '市级工作人员', auditor: '审计人员', implementer: '项目实施主体', public: '公众',
};

/** Options for a Select from a label map. */
export const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

/** Unit status (房源状态), sale of a project (第十至十六条). */
export const UNIT_STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: '未定价', color: 'default' },
  available: { label: '可选', color: 'success' },
  reserved: { label: '已锁定', color: 'warning' },
  sold: { label: '已售', color: 'default' },
  converted: { label: '已转用', color: 'purple' },
};

/** Project status: draft → selling → rolling (第十六条) → ended. */
export const PROJECT_STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: '筹备中', color: 'default' },
  selling: { label: '配售中', color: 'processing' },
  rolling: { label: '常态化配售', color: 'success' },
  ended: { label: '配售结束', color: 'default' },
};

export const PROJECT_LEVEL: Record<string, string> = { city: '市级项目', district: '区县级项目' };
export const SALE_MODE: Record<string, string> = { presale: '预售', completed: '现房销售' };

/** Price approval (第十二条). */
export const PRICE_STATUS: Record<string, { label: string; color: string }> = {
  submitted: { label: '待审核', color: 'processing' },
  district_approved: { label: '区县已审批，待市级审定', color: 'warning' },
  approved: { label: '已审定', color: 'success' },
  rejected: { label: '已驳回', color: 'error' },
};

/** Sale plan (配售方案). */
export const PLAN_STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  submitted: { label: '待审核', color: 'processing' },
  approved: { label: '已批准', color: 'success' },
  published: { label: '已发布', color: 'success' },
  rejected: { label: '已驳回', color: 'error' },
};

export const DRAW_STATUS: Record<string, { label: string; color: string }> = {
  frozen: { label: '名单已冻结', color: 'processing' },
  drawn: { label: '已摇号', color: 'success' },
  void: { label: '已作废', color: 'error' },
};

export const REGISTRATION_STATUS: Record<string, { label: string; color: string }> = {
  pending_payment: { label: '待缴认购金', color: 'warning' },
  registered: { label: '已登记', color: 'processing' },
  signed: { label: '已签约', color: 'success' },
  closed: { label: '已在他处签约', color: 'default' },
  withdrawn: { label: '已撤回', color: 'default' },
  refunded: { label: '已退认购金', color: 'default' },
};

export const CALL_OUTCOME: Record<string, { label: string; color: string }> = {
  waiting: { label: '待选房', color: 'processing' },
  selected: { label: '已选房', color: 'success' },
  refused: { label: '放弃选房', color: 'warning' },
  no_show: { label: '未到场', color: 'error' },
};

export const CONTRACT_STATUS: Record<string, { label: string; color: string }> = {
  generated: { label: '待签约', color: 'processing' },
  signed: { label: '已签约', color: 'success' },
  lapsed: { label: '逾期未签', color: 'error' },
  rescinded: { label: '已解除', color: 'default' },
};

export const LOAN_TYPE: Record<string, string> = { provident_fund: '住房公积金贷款', commercial: '商业贷款', none: '不贷款（全款）' };

/** 第十七条 fund sources. */
export const FUND_SOURCE: Record<string, string> = {
  capital: '资本金', development_loan: '开发贷款', sales_proceeds: '销售资金', fiscal_subsidy: '财政补助', special_bond: '政府专项债', other: '其他相关资金',
};

/** A family's selection (选房, family pages). */
export const SELECTION_STATUS: Record<string, { label: string; color: string }> = {
  locked: { label: '已选定，待签约', color: 'warning' },
  signed: { label: '已签约', color: 'success' },
  released: { label: '已释放', color: 'default' },
};

/** 第十六条 其他类型保障性住房: what a long-unsold unit may be converted to. */
export const TARGET_USE: Record<string, string> = {
  public_rental: '公共租赁住房', affordable_rental: '保障性租赁住房', talent_apartment: '人才公寓', other: '其他类型保障性住房',
};
