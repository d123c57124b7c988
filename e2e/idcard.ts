/**
 * 公民身份号码 for browser tests, built by GB 11643-1999: 6-digit address code,
 * 8-digit birth date, 3-digit sequence (odd = male, even = female), and the
 * ISO 7064 MOD 11-2 check character. Kept independent of src/rules/core so the
 * browser test does not trust the code it tests.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character for the first 17 digits. */
export function checkChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`need 17 digits: ${first17}`);
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0);
  return CHECK[sum % 11]!;
}

/**
 * A valid 18-character ID number.
 * @param area 6-digit administrative division code (e.g. 370102 历下区)
 * @param birth YYYY-MM-DD
 * @param seq 1–999; odd for a man, even for a woman
 */
export function makeIdNumber(area: string, birth: string, seq: number): string {
  const first17 = `${area}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkChar(first17);
}

/** The same number with its check character changed, so the checksum fails. */
export function breakChecksum(id: string): string {
  const wrong = CHECK[(CHECK.indexOf(id[17]!) + 1) % 11]!;
  return id.slice(0, 17) + wrong;
}
