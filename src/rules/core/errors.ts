/**
 * Errors a rule raises about its input; the CLI exits 2 and the server answers 400 with them.
 */

/** Input that passed the schema but cannot be judged (e.g. a birth date after the evaluation date). */
export class RuleInputError extends Error {
  constructor(readonly field: string, readonly message_zh: string, readonly message_en: string) {
    super(`${field}: ${message_en}`);
    this.name = 'RuleInputError';
  }
}

/**
 * The message of a custom zod issue in both languages: "zh / en" as text (what the
 * server's error handler splits) and `params` for code that wants the parts.
 */
export function bilingual(message_zh: string, message_en: string) {
  return { message: `${message_zh} / ${message_en}`, params: { message_zh, message_en } };
}
