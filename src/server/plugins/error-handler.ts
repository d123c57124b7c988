import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpError, validationErrorBody, type ApiErrorBody, type ValidationIssue } from '../errors.js';
import { fieldLabelEn, fieldLabelZh } from '../field-labels.js';

/**
 * Shape of DomainError (src/commands/errors.ts). Matched by shape rather than by class so
 * that a second copy of the module (tsx + vitest may load both .ts and .js specifiers)
 * still maps to its status.
 */
type DomainErrorLike = Error & {
  code: string;
  message_zh: string;
  message_en?: string;
  http?: number;
  status?: number;
  field?: string;
  details?: Record<string, unknown>;
  /** For staff only (e.g. where a duplicate person already is); never sent to an applicant. */
  internal?: Record<string, unknown>;
};

function isDomainError(err: unknown): err is DomainErrorLike {
  const e = err as DomainErrorLike;
  return (
    typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.message_zh === 'string' &&
    (typeof e.http === 'number' || typeof e.status === 'number')
  );
}

function domainBody(e: DomainErrorLike, staff: boolean): ApiErrorBody {
  const details: ApiErrorBody['details'] = { ...(e.details ?? {}), ...(staff && e.internal ? { internal: e.internal } : {}) };
  let message_zh = e.message_zh;
  let message = e.message_en ?? e.message;
  if (e.field) {
    details.field = e.field;
    details.field_zh = fieldLabelZh(e.field);
    details.field_en = fieldLabelEn(e.field);
    // Schema refusals from commands carry the problem only ("身份证号无效…"); say which field.
    if (e.code === 'VALIDATION') {
      message_zh = `${details.field_zh}：${message_zh}`;
      message = `${details.field_en}: ${message}`;
    }
  }
  if (Array.isArray(details.issues)) {
    details.issues = (details.issues as Array<Record<string, unknown>>).map((i) =>
      typeof i.field === 'string' ? { ...i, field_zh: fieldLabelZh(i.field) } : i);
  }
  return { code: e.code, message, message_zh, details };
}

const FASTIFY_ERRORS: Record<string, { status: number; code: string; zh: string; en: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', zh: '请求内容过大。', en: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', zh: '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', zh: '请求内容为空，应为 JSON。', en: 'The request body is empty; JSON expected.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', zh: '不支持的内容类型，请使用 application/json。', en: 'Unsupported content type; use application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_CONTENT_LENGTH', zh: '请求长度与内容不符。', en: 'Content-Length does not match the body.' },
};

const STAFF_ROLES = new Set(['district_staff', 'city_staff', 'auditor']);

/**
 * Maps any thrown error onto `{code, message, message_zh, details}` with the right status.
 * `role` is the caller's: a DomainError's `internal` part is shown to staff only.
 */
export function toErrorResponse(err: unknown, role?: string): { status: number; body: ApiErrorBody } {
  if (err instanceof HttpError) return { status: err.status, body: err.body() };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const ctx = (err as { validationContext?: string }).validationContext;
    return { status: 400, body: validationErrorBody(err.validation as unknown as ValidationIssue[], ctx) };
  }
  if (isDomainError(err)) return { status: (err.http ?? err.status)!, body: domainBody(err, STAFF_ROLES.has(role ?? '')) };
  const fe = err as FastifyError;
  const known = fe?.code ? FASTIFY_ERRORS[fe.code] : undefined;
  if (known) return { status: known.status, body: { code: known.code, message: known.en, message_zh: known.zh, details: {} } };
  if (fe instanceof SyntaxError && (fe as FastifyError).statusCode === 400) {
    const k = FASTIFY_ERRORS.FST_ERR_CTP_INVALID_JSON_BODY!;
    return { status: 400, body: { code: k.code, message: k.en, message_zh: k.zh, details: {} } };
  }
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      status: fe.statusCode,
      body: { code: 'BAD_REQUEST', message: 'The request could not be processed.', message_zh: '请求无法处理。', details: {} },
    };
  }
  return {
    status: 500,
    body: { code: 'INTERNAL', message: 'Internal error; it has been logged.', message_zh: '系统内部错误，已记录。', details: {} },
  };
}

/** Installs the error handler on the root instance. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorResponse(err, req.actor?.role);
    if (status >= 500) req.log.error({ err }, 'unhandled error');
    else req.log.info({ code: body.code, field: body.details.field }, 'request refused');
    // Headers set by @fastify/rate-limit (retry-after) stay; everything else is our body.
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });
}

/** 404 for an unknown API route, in our error shape. */
export function apiNotFound(req: FastifyRequest, reply: FastifyReply) {
  const body: ApiErrorBody = {
    code: 'NOT_FOUND',
    message: `No route ${req.method} ${req.url.split('?')[0]}`,
    message_zh: '请求的接口不存在。',
    details: {},
  };
  return reply.code(404).send(body);
}
