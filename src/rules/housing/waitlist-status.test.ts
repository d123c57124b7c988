import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../registry.js';
import { evaluateWaitlistStatus } from './waitlist-status.js';

const status = (asOf: string, admittedOn = '2025-04-10', lastConfirmedOn: string | null = null, purchased = false) =>
  evaluateWaitlistStatus({ admittedOn, lastConfirmedOn, purchased }, asOf).value;

describe('housing.waitlist-status (第八条)', () => {
  it('第八条: admitted 2025-04-10, the deadline is 2027-04-10 and reminders start 60 days before, 2027-02-09', () => {
    expect(status('2025-04-10')).toEqual({ status: 'active', deadline: '2027-04-10', remindFrom: '2027-02-09', periodStart: '2025-04-10' });
  });

  it('第八条: the day before reminders start the family is still active', () => {
    expect(status('2027-02-08').status).toBe('active');
  });

  it('第八条: from the first reminder day the family must confirm', () => {
    expect(status('2027-02-09').status).toBe('must_confirm');
  });

  it('第八条: on the deadline itself the family can still confirm', () => {
    expect(status('2027-04-10').status).toBe('must_confirm');
  });

  it('第八条: the day after the deadline an unconfirmed family has lapsed', () => {
    expect(status('2027-04-11').status).toBe('lapsed');
  });

  it('第八条: a confirmation starts a new two-year period', () => {
    expect(status('2027-04-11', '2025-04-10', '2027-03-01')).toMatchObject({ status: 'active', deadline: '2029-03-01', periodStart: '2027-03-01' });
  });

  it('第八条 with 民法典第二百零二条: confirmed on 2028-02-29, the deadline is 2030-02-28 and 2030-03-01 is lapsed', () => {
    expect(status('2030-02-28', '2026-01-05', '2028-02-29')).toMatchObject({ status: 'must_confirm', deadline: '2030-02-28' });
    expect(status('2030-03-01', '2026-01-05', '2028-02-29').status).toBe('lapsed');
  });

  it('第八条: a family that has purchased has nothing to confirm', () => {
    expect(status('2030-01-01', '2025-04-10', null, true)).toEqual({ status: 'active', deadline: null, remindFrom: null, periodStart: null });
  });

  it('第八条: the trace carries the period and lead-day parameter versions', () => {
    const r = evaluateWaitlistStatus({ admittedOn: '2025-04-10', lastConfirmedOn: null, purchased: false }, '2025-05-01');
    const params = Object.assign({}, ...r.trace.map((s) => s.params ?? {}));
    expect(params['housing.waitlist.reconfirm_period_years']).toEqual({ value: 2, version: '2025-03-31' });
    expect(params['housing.waitlist.reminder_lead_days']).toEqual({ value: 60, version: '2025-03-31' });
    expect(r.citations[0]).toMatchObject({ article: '第八条', doc: '济政发〔2025〕3号' });
  });

  it('第三十四条: an evaluation date before 2025-03-31 is refused naming asOf', () => {
    expect(evaluateRule('housing.waitlist-status', { admittedOn: '2025-01-01', lastConfirmedOn: null, purchased: false }, '2025-03-30')).toMatchObject({ ok: false, problems: [{ field: 'asOf' }] });
  });

  it('an evaluation date before admission is refused naming asOf', () => {
    expect(evaluateRule('housing.waitlist-status', { admittedOn: '2025-06-01', lastConfirmedOn: null, purchased: false }, '2025-05-31')).toMatchObject({ ok: false, problems: [{ field: 'asOf' }] });
  });

  it('schema: a confirmation before admission, an impossible date and a missing field are named', () => {
    expect(evaluateRule('housing.waitlist-status', { admittedOn: '2025-06-01', lastConfirmedOn: '2025-05-01', purchased: false }, '2025-07-01')).toMatchObject({ ok: false, problems: [{ field: 'lastConfirmedOn' }] });
    expect(evaluateRule('housing.waitlist-status', { admittedOn: '2025-02-30', lastConfirmedOn: null, purchased: false }, '2025-07-01')).toMatchObject({ ok: false, problems: [{ field: 'admittedOn', message_en: 'must be a calendar date YYYY-MM-DD' }] });
    expect(evaluateRule('housing.waitlist-status', { admittedOn: '2025-06-01', purchased: false }, '2025-07-01')).toMatchObject({ ok: false, problems: [{ field: 'lastConfirmedOn', message_zh: '缺少此项' }] });
  });
});
