/**
 * Decimal inputs of the sale rules: JSON numbers or strings, kept as exact decimal strings.
 */
import { z } from 'zod';
import { bilingual } from '../core/errors.js';

const DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * A non-negative decimal with at most `places` decimals ("89.57" or 89.57). A JSON number is
 * read through its shortest round-trip text, so 1.03 means exactly 1.03.
 */
export function decimal(places: number, zh: string, en: string) {
  return z
    .union([z.number(), z.string()])
    .transform((v) => (typeof v === 'number' ? String(v) : v.trim()))
    .refine((s) => DECIMAL.test(s) && (s.split('.')[1]?.length ?? 0) <= places, bilingual(zh, en));
}

/** An amount in fen: a non-negative safe integer. */
export const fen = z
  .number()
  .refine((n) => Number.isSafeInteger(n) && n >= 0, bilingual('须为以分计的非负整数金额', 'must be a non-negative whole amount in fen'));
