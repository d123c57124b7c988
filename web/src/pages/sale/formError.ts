/**
 * Puts an API error on the form field it names, for the sale console's forms: the API's field
 * may be renamed for the form (registrationClosesAt → closesAt, amountFen → amount), and the
 * message loses the "field：" prefix the API adds for validation errors (the field is shown anyway).
 */
import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';
import { applyApiError } from '../../components/formErrors';

/** The Chinese message without a leading "<field>：" that repeats the field's name. */
export function fieldMessage(e: ApiError): string {
  const names = [e.field, typeof e.details.field_zh === 'string' ? e.details.field_zh : undefined].filter(Boolean) as string[];
  for (const n of names) {
    for (const sep of ['：', ': ', ':']) if (e.messageZh.startsWith(n + sep)) return e.messageZh.slice(n.length + sep.length).trim();
  }
  return e.messageZh;
}

/** Returns true when the error was put on a field of the form (else the caller shows it above). */
export function putApiError(form: FormInstance, e: unknown, rename: Record<string, string> = {}): boolean {
  if (!(e instanceof ApiError) || !e.field) return false;
  const name = rename[e.field];
  if (name) {
    form.setFields([{ name, errors: [fieldMessage(e)] }]);
    return true;
  }
  const stripped = new ApiError(e.status, { code: e.code, message: e.message, message_zh: fieldMessage(e), details: e.details });
  return applyApiError(form, stripped);
}
