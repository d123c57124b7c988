/**
 * DomainError: a refusal by a command, with its HTTP status and a message in Chinese and
 * English naming the field when there is one. The server maps it onto
 * `{code, message, message_zh, details:{field}}` (src/server/plugins/error-handler.ts).
 */
export class DomainError extends Error {
  readonly code: string;
  readonly http: number;
  readonly message_zh: string;
  readonly message_en: string;
  readonly field?: string;
  /** Safe to show to the caller. */
  readonly details?: Record<string, unknown>;
  /** For staff and logs only; never sent to an applicant (e.g. where a duplicate person already is). */
  readonly internal?: Record<string, unknown>;

  constructor(
    code: string, http: number, message_zh: string, message_en: string, field?: string,
    details?: Record<string, unknown>, internal?: Record<string, unknown>,
  ) {
    super(message_en);
    this.name = 'DomainError';
    this.code = code;
    this.http = http;
    this.message_zh = message_zh;
    this.message_en = message_en;
    this.field = field;
    this.details = details;
    this.internal = internal;
  }
}

/** 404: the application does not exist or is not the caller's (the two are not told apart). */
export const notFound = (what_zh = '申请', what_en = 'application') =>
  new DomainError('NOT_FOUND', 404, `${what_zh}不存在。`, `The ${what_en} does not exist.`);

/** 403 with a reason. */
export const forbidden = (zh: string, en: string) => new DomainError('FORBIDDEN', 403, zh, en);

/** 409: the application is not in a state that allows the action. */
export const badState = (status: string, action_zh: string, action_en: string) =>
  new DomainError('INVALID_STATE', 409, `当前状态（${status}）下不能${action_zh}。`, `Cannot ${action_en} while the application is ${status}.`, undefined, { status });

/** 400 naming a field. */
export const invalid = (field: string, zh: string, en: string, code = 'VALIDATION') => new DomainError(code, 400, zh, en, field);

/** Type guard that works across module copies. */
export function isDomainError(e: unknown): e is DomainError {
  return typeof e === 'object' && e !== null && (e as DomainError).name === 'DomainError' && typeof (e as DomainError).http === 'number';
}
