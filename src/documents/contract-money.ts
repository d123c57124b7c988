/**
 * Amounts as a sale contract writes them: in figures (¥720,000.00) and in Chinese capital
 * numerals (人民币柒拾贰万元整). The capital form follows the People's Bank rules for writing
 * amounts on settlement documents (《支付结算办法》附件《正确填写票据和结算凭证的基本规定》):
 * 整 after 元 only; one 零 for a run of zeros inside the number; 零 after 元 when the 元 digit is
 * zero and 角 is not (¥1680.32 → 壹仟陆佰捌拾元零叁角贰分), and when 角 is zero and 分 is not
 * (¥325.04 → 叁佰贰拾伍元零肆分); a leading ten is 壹拾.
 */
import { assertFen } from '../rules/core/money.js';

const DIGIT = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const POS = ['', '拾', '佰', '仟'];
const SECTION = ['', '万', '亿', '万亿'];

/** 0 ≤ n < 10000, with the zeros inside it; '' for 0. */
function section(n: number): string {
  let out = '';
  let zero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    out += DIGIT[d] + POS[p];
    zero = false;
  }
  return out;
}

/** Whole yuan in capitals, '' for 0. */
function yuanPart(yuan: bigint): string {
  const parts: number[] = [];
  for (let v = yuan; v > 0n; v /= 10000n) parts.push(Number(v % 10000n));
  let out = '';
  let zero = false;
  for (let i = parts.length - 1; i >= 0; i--) {
    const s = parts[i]!;
    if (s === 0) {
      if (out) zero = true;
      continue;
    }
    // A section below a thousand after a higher one starts with 零 (壹万零伍佰).
    if (out && (zero || s < 1000)) out += '零';
    out += section(s) + SECTION[i];
    zero = false;
  }
  return out;
}

/** 72000000 fen → "人民币柒拾贰万元整"; 168032 → "人民币壹仟陆佰捌拾元零叁角贰分". Negative amounts are refused. */
export function rmbCapital(fen: number): string {
  assertFen(fen);
  if (fen < 0) throw new RangeError(`a contract amount cannot be negative: ${fen}`);
  const total = BigInt(fen);
  const yuan = total / 100n;
  const jiao = Number((total / 10n) % 10n);
  const fenDigit = Number(total % 10n);
  const y = yuanPart(yuan);
  if (!y && !jiao && !fenDigit) return '人民币零元整';
  let out = y ? `${y}元` : '';
  if (!jiao && !fenDigit) return `人民币${out}整`;
  if (jiao) out += `${y && yuan % 10n === 0n ? '零' : ''}${DIGIT[jiao]}角`;
  else if (y) out += '零';
  if (fenDigit) out += `${DIGIT[fenDigit]}分`;
  return `人民币${out}`;
}

/** 72000000 fen → "¥720,000.00" (thousands separated, two decimals). */
export function rmbFigures(fen: number): string {
  assertFen(fen);
  const neg = fen < 0;
  const abs = BigInt(Math.abs(fen));
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}¥${yuan}.${String(abs % 100n).padStart(2, '0')}`;
}
