/**
 * The four department data checks of 济政发〔2025〕3号 第三条: property records (自然资源和规划),
 * income status (民政), social insurance (人力资源社会保障) and provident fund (住房公积金中心).
 * Each answer is stored with the revision it was asked for (table data_checks), so a decision
 * can always show what the departments said on that day.
 */

export type Department = 'property' | 'civil_affairs' | 'social_insurance' | 'provident_fund';

/** One department's answer. `raw` is the department's payload as received (no ID numbers). */
export interface CheckAnswer<R> {
  department: Department;
  provider: string;
  /** ISO timestamp of the answer. */
  checkedAt: string;
  /** The date the question was about (YYYY-MM-DD). */
  asOf: string;
  result: R;
  raw: unknown;
}

/** Registered homes of the family's members (member index = position in the request). */
export interface PropertyResult {
  ownedUnits: number;
  /** Total registered floor area in m² (2 decimals). */
  ownedArea: number;
  records: Array<{ member: number; kind: 'commercial' | 'policy' | 'affordable'; area: number; registeredOn: string }>;
}

/** Civil-affairs income certification (第六条 中低收入). */
export interface CivilAffairsResult {
  incomeStatus: 'low_middle' | 'none';
  certifiedOn: string | null;
}

/** Social insurance in Jinan per member. */
export interface SocialInsuranceResult {
  members: Array<{ member: number; months: number; retired: boolean }>;
}

/** Provident-fund accounts per member. */
export interface ProvidentFundResult {
  members: Array<{ member: number; status: 'contributing' | 'suspended' | 'none'; months: number }>;
}

/** All four answers for one family. */
export interface FamilyChecks {
  property: CheckAnswer<PropertyResult>;
  civilAffairs: CheckAnswer<CivilAffairsResult>;
  socialInsurance: CheckAnswer<SocialInsuranceResult>;
  providentFund: CheckAnswer<ProvidentFundResult>;
}

/**
 * A department adapter. ID numbers go to the department (it cannot answer otherwise) but
 * are never stored in the answer: members are referred to by their index in `idNumbers`.
 */
export interface DataCheckProvider {
  readonly name: string;
  property(idNumbers: string[], asOf: string): Promise<CheckAnswer<PropertyResult>>;
  civilAffairs(idNumbers: string[], asOf: string): Promise<CheckAnswer<CivilAffairsResult>>;
  socialInsurance(idNumbers: string[], asOf: string): Promise<CheckAnswer<SocialInsuranceResult>>;
  providentFund(idNumbers: string[], asOf: string): Promise<CheckAnswer<ProvidentFundResult>>;
  /**
   * Optional bulk form of `property` for periodic re-checks (第九条): one request for many
   * families, answers in the same order. Departments exchange such lists in one file or call;
   * without it, `propertyOfFamilies` asks family by family.
   */
  propertyBatch?(families: string[][], asOf: string): Promise<Array<CheckAnswer<PropertyResult>>>;
}

/** Property answers for many families: the provider's batch call when it has one, else one call per family. */
export function propertyOfFamilies(p: DataCheckProvider, families: string[][], asOf: string): Promise<Array<CheckAnswer<PropertyResult>>> {
  return p.propertyBatch ? p.propertyBatch(families, asOf) : Promise.all(families.map((ids) => p.property(ids, asOf)));
}

/** Ask all four departments (in parallel) about one family. */
export async function checkFamily(p: DataCheckProvider, idNumbers: string[], asOf: string): Promise<FamilyChecks> {
  const [property, civilAffairs, socialInsurance, providentFund] = await Promise.all([
    p.property(idNumbers, asOf), p.civilAffairs(idNumbers, asOf), p.socialInsurance(idNumbers, asOf), p.providentFund(idNumbers, asOf),
  ]);
  return { property, civilAffairs, socialInsurance, providentFund };
}
