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
