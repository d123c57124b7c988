/** Parse command input with a zod schema, turning the first issue into a 400 DomainError naming the field. */
import type { ZodType } from 'zod';
import { DomainError } from './errors.js';

/** Split our bilingual messages "中文 / English"; zod's own messages are English only. */
function bilingual(message: string): { zh: string; en: string } {
  const i = message.indexOf(' / ');
  if (i > 0) return { zh: message.slice(0, i), en: message.slice(i + 3) };
  return { zh: `填写有误（${message}）`, en: message };
}

/** `prefix` is the name of the input in the request body, e.g. "form". */
export function parseInput<T>(schema: ZodType<T>, value: unknown, prefix = ''): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => {
    const field = [prefix, ...i.path.map(String)].filter((s) => s !== '').join('.');
    const { zh, en } = bilingual(i.message);
    return { field, message_zh: zh, message: en };
  });
  const first = issues[0];
  throw new DomainError('VALIDATION', 400, first.message_zh, first.message, first.field, { issues });
}
