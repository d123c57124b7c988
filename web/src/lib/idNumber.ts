/**
 * GB 11643-1999 citizen identity number, checked in the browser so the family sees a wrong
 * digit at once. The server checks again; this is a convenience, not the authority.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Result of reading an ID number: valid or the reason in Chinese, plus birth date and sex. */
export type IdInfo =
  | { valid: true; birthDate: string; sex: 'male' | 'female'; region: string }
  | { valid: false; reason_zh: string };

/** Computes the GB 11643 check character of the first 17 digits. */
export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Validates an 18-character ID number and reads its birth date and sex. */
export function readIdNumber(raw: string): IdInfo {
  const id = raw.trim().toUpperCase();
  if (id.length !== 18) return { valid: false, reason_zh: `应为18位，当前${id.length}位` };
  if (!/^\d{17}[\dX]$/.test(id)) return { valid: false, reason_zh: '前17位应为数字，末位为数字或X' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { valid: false, reason_zh: '出生日期不正确' };
  }
  if (checkChar(id) !== id[17]) return { valid: false, reason_zh: '校验位不正确，请核对号码' };
  return {
    valid: true,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    region: id.slice(0, 6),
  };
}
