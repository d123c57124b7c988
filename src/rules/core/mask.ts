/**
 * Masked forms for public pages: nothing that identifies a person beyond what 第七条's
 * publicity needs.
 */

/** "张三明" → "张*明", "张三" → "张*", "欧阳小明" → "欧**明", "张" → "*". */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Keeps only the first 2 and last 2 characters of an ID number: "37**************1X". */
export function maskId(id: string): string {
  const chars = Array.from(id.trim());
  if (chars.length <= 4) return '*'.repeat(chars.length);
  return `${chars.slice(0, 2).join('')}${'*'.repeat(chars.length - 4)}${chars.slice(-2).join('')}`;
}

/** "13812345678" → "138****5678". */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  return p.length < 7 ? '*'.repeat(p.length) : `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}`;
}
