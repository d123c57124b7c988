/**
 * 公民身份号码 (GB 11643-1999): 6-digit division code, 8-digit birth date, 3-digit
 * sequence (odd = male), and a check code (ISO 7064 MOD 11-2).
 */
import { isIsoDate } from './dates.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CODES = '10X98765432';
// Province-level codes of GB/T 2260 (first two digits of every division code).
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);
// Interpretation: the oldest living holders were born in the early 1900s; an earlier year is a typo.
const EARLIEST_BIRTH = '1900-01-01';

/** What an ID number tells. `idNumber` is the number with a lowercase x made uppercase. */
export type IdNumberInfo = { idNumber: string; birthDate: string; sex: 'male' | 'female'; divisionCode: string };

export type IdNumberErrorCode = 'format' | 'division' | 'birth_date' | 'checksum';

export type IdNumberResult =
  | { ok: true; value: IdNumberInfo }
  | { ok: false; error: IdNumberErrorCode; message_zh: string; message_en: string };

const MESSAGES: Record<IdNumberErrorCode, [string, string]> = {
  format: ['身份证号须为18位，前17位为数字，末位为数字或X', 'an ID number has 18 characters: 17 digits, then a digit or X'],
  division: ['身份证号前6位不是有效的行政区划代码', 'the first 6 digits are not a division code'],
  birth_date: ['身份证号中的出生日期无效', 'the birth date inside the ID number is not a valid date'],
  checksum: ['身份证号校验码错误', 'the check digit of the ID number is wrong'],
};

/** The check code (last character) for the first 17 digits. */
export function idCheckCode(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckCode needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CODES[sum % 11]!;
}

const fail = (error: IdNumberErrorCode): IdNumberResult => ({ ok: false, error, message_zh: MESSAGES[error][0], message_en: MESSAGES[error][1] });

/** Validates an 18-character ID number and reads birth date, sex and division code from it. */
export function parseIdNumber(input: string): IdNumberResult {
  const id = input.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return fail('format');
  const divisionCode = id.slice(0, 6);
  if (!PROVINCES.has(divisionCode.slice(0, 2)) || divisionCode.slice(2) === '0000') return fail('division');
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birthDate) || birthDate < EARLIEST_BIRTH) return fail('birth_date');
  if (idCheckCode(id.slice(0, 17)) !== id[17]) return fail('checksum');
  return { ok: true, value: { idNumber: id, birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female', divisionCode } };
}

/** Messages for each error code, for schemas and forms. */
export function idNumberMessage(code: IdNumberErrorCode): { message_zh: string; message_en: string } {
  return { message_zh: MESSAGES[code][0], message_en: MESSAGES[code][1] };
}
