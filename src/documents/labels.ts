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
