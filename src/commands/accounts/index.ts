/** Accounts: registration, sign-in, sessions and staff creation. */
export { accountView, type AccountView } from './account.js';
export { registerApplicant, countAccounts, type RegisterInput } from './register.js';
export { login, type LoginInput } from './login.js';
export { logout } from './logout.js';
export { createStaff, STAFF_ROLES, type StaffRole, type CreateStaffInput } from './create-staff.js';
export { createSession, resolveSession, deleteSession, purgeExpiredSessions, deleteSessionsOf, tokenId,
  SESSION_IDLE_MS, SESSION_MAX_MS, type SessionAccount, type SessionContext } from './session.js';
export { checkPassword, checkUsername, hashPassword, verifyPassword, normalizeUsername } from './password.js';
