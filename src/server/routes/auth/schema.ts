/** Request and response schemas of /api/auth. Deeper rules (password policy) are checked by the commands. */
import { z } from 'zod';

export const RegisterBody = z.object({
  username: z.string().min(1).max(64).describe('用户名 (3–32 lower-case letters, digits, _ . -)'),
  password: z.string().min(1).max(256).describe('密码 (≥ 8 characters, letters and digits)'),
  displayName: z.string().min(1).max(50).describe('姓名'),
  phone: z.string().min(1).max(20).describe('手机号码'),
});

export const LoginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const Account = z.object({
  id: z.string(),
  username: z.string(),
  role: z.enum(['applicant', 'implementer', 'district_staff', 'city_staff', 'auditor']),
  districtCode: z.string().nullable(),
  displayName: z.string(),
});

export const AccountEnvelope = z.object({ account: Account });
