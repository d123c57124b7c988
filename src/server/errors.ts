import { z } from 'zod';
import { fieldLabelEn, fieldLabelZh } from './field-labels.js';

/** The one error body every 4xx/5xx of the API carries (docs/CONTRACT.md). */
export type ApiErrorBody = {
  code: string;
  message: string;
  message_zh: string;
  details: { field?: string; [k: string]: unknown };
};

/** An error the server itself raises (auth, authz, idempotency); the handler sends it as is. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message_zh: string,
    readonly message_en: string,
    readonly details: ApiErrorBody['details'] = {},
  ) {
    super(message_en);
    this.name = 'HttpError';
  }

  body(): ApiErrorBody {
    return { code: this.code, message: this.message_en, message_zh: this.message_zh, details: this.details };
  }
}

/** 401 for a request that needs a session and has none. */
export const unauthenticated = () =>
  new HttpError(401, 'UNAUTHENTICATED', '请先登录。', 'Please sign in first.');

/** 403 for a signed-in actor whose role or district does not allow the action. */
export const forbidden = (zh = '您无权执行此操作。', en = 'You are not allowed to do this.') =>
  new HttpError(403, 'FORBIDDEN', zh, en);

/**
 * 404 for a missing resource. Also used when an applicant asks for another family's
 * application: answering 403 would confirm that the application exists.
 */
export const notFound = (what_zh = '记录', what_en = 'record') =>
  new HttpError(404, 'NOT_FOUND', `${what_zh}不存在。`, `The ${what_en} does not exist.`);

/** One issue as fastify-type-provider-zod hands it over in `error.validation`. */
export type ValidationIssue = {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
};

const zhLocale = z.locales.zhCN();
const HAS_HAN = /\p{Script=Han}/u;

function describeIssue(issue: ValidationIssue, field: string): { zh: string; en: string } {
  const params = issue.params ?? {};
  const raw = issue.message ?? 'Invalid value';
  const zhLabel = fieldLabelZh(field);
  const enLabel = fieldLabelEn(field);
  if (issue.keyword === 'invalid_type' && params.input === undefined && /received undefined/.test(raw)) {
    return { zh: `${zhLabel}为必填项`, en: `${enLabel} is required` };
  }
  const nested = (params.params ?? {}) as Record<string, unknown>;
  if (typeof nested.message_zh === 'string') {
    const en = typeof nested.message_en === 'string' ? nested.message_en : raw;
    return { zh: `${zhLabel}：${nested.message_zh}`, en: `${enLabel}: ${en}` };
  }
  if (HAS_HAN.test(raw)) {
    // Rule code writes its own bilingual messages ("身份证号校验位错误 / checksum …"); keep both halves.
    const [zhPart, enPart] = raw.split(/\s+\/\s+/);
    return { zh: `${zhLabel}：${zhPart}`, en: `${enLabel}: ${enPart ?? zhPart}` };
  }
  const zh = zhLocale.localeError({ code: issue.keyword, ...params, message: raw } as never);
  const zhText = typeof zh === 'string' ? zh : (zh?.message ?? '无效输入');
  return { zh: `${zhLabel}有误：${zhText}`, en: `Invalid ${enLabel}: ${raw}` };
}

/**
 * Builds the 400 body for schema errors. The first issue names the field; every issue is
 * listed under details.issues with its dotted path.
 * @param context "body" | "querystring" | "params" | "headers" (from Fastify's validationContext)
 */
export function validationErrorBody(issues: ValidationIssue[], context?: string): ApiErrorBody {
  const mapped = issues.map((i) => {
    const field = i.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    return { field, field_zh: fieldLabelZh(field), ...describeIssue(i, field) };
  });
  const first = mapped[0] ?? { field: '', field_zh: fieldLabelZh(''), zh: '请求内容有误', en: 'Invalid request' };
  return {
    code: 'VALIDATION',
    message: first.en,
    message_zh: first.zh,
    details: {
      field: first.field,
      field_zh: first.field_zh,
      ...(context ? { in: context } : {}),
      issues: mapped.map((m) => ({ field: m.field, field_zh: m.field_zh, message: m.en, message_zh: m.zh })),
    },
  };
}
