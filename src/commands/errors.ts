/**
 * The one error type commands throw (docs/CONTRACT.md): a code, the HTTP status it maps to,
 * a Chinese and an English message, and the field it is about, if any.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly http: number,
    readonly message_zh: string,
    readonly message_en: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message_en);
    this.name = 'DomainError';
  }
}
