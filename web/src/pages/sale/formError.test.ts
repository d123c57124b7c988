import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { fieldMessage } from './formError';

describe('an API validation error shown under its field', () => {
  it('drops the "registrationClosesAt：" prefix the API puts before the message', () => {
    const e = new ApiError(400, { code: 'VALIDATION', message_zh: 'registrationClosesAt：认购登记期不得少于3天（济政发〔2025〕3号 第十一条）。', details: { field: 'registrationClosesAt', field_zh: 'registrationClosesAt' } });
    expect(fieldMessage(e)).toBe('认购登记期不得少于3天（济政发〔2025〕3号 第十一条）。');
  });
  it('drops a Chinese field name prefix too, and leaves a message without a prefix as it is', () => {
    expect(fieldMessage(new ApiError(400, { message_zh: '项目编号：已被使用', details: { field: 'code', field_zh: '项目编号' } }))).toBe('已被使用');
    expect(fieldMessage(new ApiError(409, { message_zh: '项目编号 JN-2026-201 已被使用。', details: { field: 'code' } }))).toBe('项目编号 JN-2026-201 已被使用。');
  });
});
