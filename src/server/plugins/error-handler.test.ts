import { describe, expect, it } from 'vitest';
import { DomainError } from '../../commands/errors.js';
import { toErrorResponse } from './error-handler.js';

describe('toErrorResponse', () => {
  it('maps a DomainError to its status, both messages and the field with its Chinese label', () => {
    const r = toErrorResponse(new DomainError('DUPLICATE_PERSON', 409, '家庭成员已在其他有效申请中。', 'A member is already in another active application.', 'members.1.idNumber'));
    expect(r.status).toBe(409);
    expect(r.body).toEqual({
      code: 'DUPLICATE_PERSON', message: 'A member is already in another active application.',
      message_zh: '家庭成员已在其他有效申请中。',
      details: { field: 'members.1.idNumber', field_zh: '家庭成员第2人的身份证号', field_en: 'members[1].idNumber' },
    });
  });

  it('prefixes a command schema refusal with the field it names', () => {
    const r = toErrorResponse(new DomainError('VALIDATION', 400, '身份证号无效（校验位错误）', 'invalid ID number (check digit)', 'form.members.1.idNumber',
      { issues: [{ field: 'form.members.1.idNumber', message_zh: '身份证号无效（校验位错误）', message: 'invalid ID number (check digit)' }] }));
    expect(r.body.message_zh).toBe('家庭成员第2人的身份证号：身份证号无效（校验位错误）');
    expect(r.body.message).toBe('form.members[1].idNumber: invalid ID number (check digit)');
    expect((r.body.details.issues as Array<{ field_zh: string }>)[0]!.field_zh).toBe('家庭成员第2人的身份证号');
  });

  it('shows the internal part (where a duplicate person is) to staff only', () => {
    const e = new DomainError('DUPLICATE_PERSON', 409, '重复', 'duplicate', 'members.0.idNumber', {}, { regCode: 'JN2025000001' });
    expect(toErrorResponse(e, 'applicant').body.details).not.toHaveProperty('internal');
    expect(toErrorResponse(e, undefined).body.details).not.toHaveProperty('internal');
    expect(toErrorResponse(e, 'district_staff').body.details.internal).toEqual({ regCode: 'JN2025000001' });
  });

  it('answers an unexpected error with 500 and no internals', () => {
    const r = toErrorResponse(new Error('relation "accounts" does not exist at /work/main/src/db/x.ts:12'));
    expect(r.status).toBe(500);
    expect(r.body).toEqual({ code: 'INTERNAL', message: 'Internal error; it has been logged.', message_zh: '系统内部错误，已记录。', details: {} });
    expect(JSON.stringify(r.body)).not.toContain('accounts');
  });
});
