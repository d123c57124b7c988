/** Shapes an account for the API: identity and role only, never hashes or encrypted fields. */
import type { AccountView } from '../../../commands/accounts/account.js';

/** `{account}` as the auth routes answer it. */
export function presentAccount(a: AccountView) {
  return {
    account: {
      id: a.id,
      username: a.username,
      role: a.role as 'applicant' | 'implementer' | 'district_staff' | 'city_staff' | 'auditor',
      districtCode: a.districtCode,
      displayName: a.displayName,
    },
  };
}
