import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** Turns an API field path ("members.1.idNumber") into an antd form name path. */
export function fieldPath(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts an API error on the form field it names (details.field) when that field is in the form.
 * Returns true when it did, so the caller shows a general message otherwise.
 */
export function applyApiError(form: FormInstance, err: unknown, formPrefix: (string | number)[] = []): boolean {
  if (!(err instanceof ApiError) || !err.field) return false;
  let path = fieldPath(err.field);
  if (path[0] === 'form') path = path.slice(1);
  path = [...formPrefix, ...path];
  try {
    form.setFields([{ name: path, errors: [err.messageZh] }]);
    form.scrollToField(path, { block: 'center' });
    return form.getFieldInstance(path) !== undefined || form.getFieldError(path).length > 0;
  } catch {
    return false;
  }
}

/**
 * The form's values once valid, or null when a field is invalid (antd then shows why). antd rejects a
 * validation whose fields changed while it ran ("outOfDate", e.g. a click on OK right after typing)
 * with no field in error; that is not a refusal, so it validates again instead of doing nothing.
 */
export async function validValues<V>(form: Pick<FormInstance<V>, 'validateFields'>, attempts = 3): Promise<V | null> {
  for (let i = 0; i < attempts; i++) {
    try {
      return await form.validateFields();
    } catch (e) {
      const outOfDate = (e as { outOfDate?: boolean; errorFields?: unknown[] }).outOfDate === true
        && ((e as { errorFields?: unknown[] }).errorFields ?? []).length === 0;
      if (!outOfDate) return null;
    }
  }
  return null;
}
