import { describe, expect, it } from 'vitest';
import { validationErrorBody } from './errors.js';
import { fieldLabelEn, fieldLabelZh } from './field-labels.js';

describe('field labels', () => {
  it('names a member field in Chinese with a 1-based row and in English with the index', () => {
    expect(fieldLabelZh('members.1.idNumber')).toBe('家庭成员第2人的身份证号');
    expect(fieldLabelEn('members.1.idNumber')).toBe('members[1].idNumber');
    expect(fieldLabelZh('form.housing.ownedArea')).toBe('住房情况的名下住房面积');
    expect(fieldLabelZh('form')).toBe('申请表');
    expect(fieldLabelZh('unknownThing')).toBe('unknownThing');
  });
});

describe('validationErrorBody', () => {
  it('says a missing field is required, in both languages', () => {
    const b = validationErrorBody([{ keyword: 'invalid_type', instancePath: '/members/0/idNumber', message: 'Invalid input: expected string, received undefined', params: { expected: 'string' } }], 'body');
    expect(b).toMatchObject({
      code: 'VALIDATION', message: 'members[0].idNumber is required', message_zh: '家庭成员第1人的身份证号为必填项',
      details: { field: 'members.0.idNumber', field_zh: '家庭成员第1人的身份证号', in: 'body' },
    });
  });

  it('keeps both halves of a bilingual rule message (e.g. an ID checksum)', () => {
    const b = validationErrorBody([{ keyword: 'custom', instancePath: '/members/1/idNumber', message: '身份证号校验位错误 / ID number check digit is wrong' }]);
    expect(b.message_zh).toBe('家庭成员第2人的身份证号：身份证号校验位错误');
    expect(b.message).toBe('members[1].idNumber: ID number check digit is wrong');
  });

  it('translates other zod issues into Chinese and lists every issue', () => {
    const b = validationErrorBody([
      { keyword: 'invalid_value', instancePath: '/incomeStatus', message: 'Invalid option: expected one of "low_middle"|"none"', params: { values: ['low_middle', 'none'] } },
      { keyword: 'too_small', instancePath: '/members', message: 'Too small', params: { origin: 'array', minimum: 1, inclusive: true } },
    ]);
    expect(b.message_zh).toMatch(/^收入状况有误：无效选项/);
    expect((b.details.issues as unknown[]).length).toBe(2);
  });
});
