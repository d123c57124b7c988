/**
 * Staff accounts (区县住建 district staff, 市住建 city staff, auditors) and project implementers
 * (项目实施主体, 第十条) are created by the seed and the CLI only: no HTTP route grants these roles.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accounts, districts } from '../../db/schema.js';
import { DomainError } from '../errors.js';
import { accountView, type AccountView } from './account.js';
import { assertCredentials } from './register.js';
import { hashPassword, normalizeUsername } from './password.js';

/** Roles `createStaff` may grant. */
export const STAFF_ROLES = ['district_staff', 'city_staff', 'auditor', 'implementer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Input of `createStaff`. `districtCode` is required for district staff and refused for others. */
export type CreateStaffInput = {
  username: string; password: string; displayName: string; role: StaffRole; districtCode?: string;
};

/**
 * Creates a staff account, or returns the existing one unchanged when the username already
 * holds the same role and district (so seeding twice is harmless). A username held with a
 * different role or district is a 409.
 */
export async function createStaff(ctx: { db: Db }, input: CreateStaffInput): Promise<AccountView & { created: boolean }> {
  const username = normalizeUsername(input.username);
  assertCredentials(username, input.password);
  if (!STAFF_ROLES.includes(input.role)) {
    throw new DomainError('BAD_ROLE', 400, '员工角色无效。', 'Unknown staff role.', 'role');
  }
  const districtCode = input.role === 'district_staff' ? input.districtCode : undefined;
  if (input.role !== 'district_staff' && input.districtCode) {
    throw new DomainError('BAD_DISTRICT', 400, '只有区县工作人员绑定区县。', 'Only district staff belong to a district.', 'districtCode');
  }
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    if (input.role === 'district_staff') {
      const d = districtCode ? await tx.select().from(districts).where(eq(districts.code, districtCode)) : [];
      if (d.length === 0) {
        throw new DomainError('BAD_DISTRICT', 400, '区县代码无效。', 'Unknown district code.', 'districtCode');
      }
    }
    const inserted = await tx
      .insert(accounts)
      .values({ id: randomUUID(), username, passwordHash, role: input.role, districtCode, displayName: input.displayName })
      .onConflictDoNothing({ target: accounts.username })
      .returning();
    if (inserted[0]) return { ...accountView(inserted[0]), created: true };
    const existing = (await tx.select().from(accounts).where(eq(accounts.username, username)))[0]!;
    if (existing.role !== input.role || (existing.districtCode ?? undefined) !== districtCode) {
      throw new DomainError('USERNAME_TAKEN', 409, '该用户名已被其他账户使用。', 'This username belongs to another account.', 'username');
    }
    return { ...accountView(existing), created: false };
  });
}
