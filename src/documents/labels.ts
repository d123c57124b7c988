/** Chinese labels for the codes documents print (see docs/CONTRACT.md). */

const CATEGORY: Record<string, string> = {
  wage_family: '城市工薪收入家庭',
  talent: '城市引进人才',
};

const RELATION: Record<string, string> = {
  applicant: '申请人',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  other: '其他家庭成员',
};

/** 保障类别 label for a category code; an unknown value is printed as given. */
export function categoryLabel(category: string): string {
  return CATEGORY[category] ?? category;
}

/** 与申请人关系 label for a relation code; an unknown value is printed as given. */
export function relationLabel(relation: string): string {
  return RELATION[relation] ?? relation;
}

/**
 * A date "YYYY-MM-DD" written as official documents write it, "2025年5月20日"
 * (GB/T 9704: Arabic numerals, no leading zeros).
 */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`date must be YYYY-MM-DD: ${isoDate}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

const PRIORITY: Record<string, string> = {
  low_middle_income: '中低收入家庭',
  two_or_more_children: '生育二孩以上',
  elderly_member: '有60周岁以上老人',
  high_level_talent: '高层次人才',
};

/** 第六条 priority label for a priority code; an unknown value is printed as given. */
export function priorityLabel(code: string): string {
  return PRIORITY[code] ?? code;
}

const STATUS: Record<string, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '退回补正',
  rejected: '不予入库',
  admitted: '已入库',
  withdrawn: '已退出',
  removed: '已移出',
  lapsed: '资格失效',
  cancelled: '资格取消',
};

/** Chinese label for an application state (docs/CONTRACT.md); an unknown value is printed as given. */
export function statusLabel(status: string): string {
  return STATUS[status] ?? status;
}
