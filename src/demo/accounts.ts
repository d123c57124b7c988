/** Demo staff accounts (listed with the applicants in ACCOUNTS.md). Demo only: change or disable in production. */
import type { StaffRole } from '../commands/accounts/create-staff.js';

/** One password for every demo account. */
export const DEMO_PASSWORD = 'Demo@2025';

export const DEMO_STAFF: Array<{ username: string; displayName: string; role: StaffRole; districtCode?: string }> = [
  { username: 'lixia', displayName: '历下区住建局审核员', role: 'district_staff', districtCode: '370102' },
  { username: 'licheng', displayName: '历城区住建局审核员', role: 'district_staff', districtCode: '370112' },
  { username: 'shizhong', displayName: '市中区住建局审核员', role: 'district_staff', districtCode: '370103' },
  { username: 'gaoxin', displayName: '高新区建设管理部审核员', role: 'district_staff', districtCode: 'Z01' },
  { username: 'city', displayName: '市住房城乡建设局工作人员', role: 'city_staff' },
  { username: 'audit', displayName: '审计人员', role: 'auditor' },
  { username: 'anju', displayName: '济南安居置业有限公司', role: 'implementer' },
];
