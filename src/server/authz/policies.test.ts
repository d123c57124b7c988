import { describe, expect, it } from 'vitest';
import { ACTIONS, POLICY, authorize, districtFilter, scopeOf, type Actor } from './policies.js';

const applicant: Actor = { accountId: 'a1', role: 'applicant' };
const otherApplicant: Actor = { accountId: 'a2', role: 'applicant' };
const lixia: Actor = { accountId: 's1', role: 'district_staff', districtCode: '370102' };
const city: Actor = { accountId: 'c1', role: 'city_staff' };
const auditor: Actor = { accountId: 'u1', role: 'auditor' };
const publicVisitor: Actor = { accountId: '', role: 'public' };

const ownApp = { ownerAccountId: 'a1', districtCode: '370102' };
const shizhongApp = { ownerAccountId: 'a9', districtCode: '370103' };

describe('policy table', () => {
  it('names only known actions and holds one scope per role and action', () => {
    const keys = POLICY.map((g) => `${g.role}|${g.action}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const g of POLICY) expect(ACTIONS).toContain(g.action);
  });
});

describe('第三条 roles: public visitor', () => {
  it('reads the law, rules, districts and the masked public list without signing in', () => {
    for (const a of ['law.read', 'rules.read', 'rules.eval', 'districts.read', 'public.results.read'] as const) {
      expect(authorize(null, a)).toEqual({ ok: true, scope: 'public' });
      expect(authorize(publicVisitor, a).ok).toBe(true);
    }
  });
  it('is asked to sign in (401) for anything else', () => {
    for (const a of ['auth.me', 'my.applications.read', 'staff.queue.read', 'staff.audit.read'] as const) {
      expect(authorize(null, a)).toMatchObject({ ok: false, status: 401 });
    }
  });
});

describe('第三条 roles: applicant family', () => {
  it('acts on its own application', () => {
    for (const a of ACTIONS.filter((x) => x.startsWith('my.'))) {
      expect(authorize(applicant, a, ownApp)).toEqual({ ok: true, scope: 'own' });
    }
  });
  it("gets 404 (not 403) for another family's application so its existence does not leak", () => {
    expect(authorize(otherApplicant, 'my.applications.read', ownApp)).toMatchObject({ ok: false, status: 404 });
    expect(authorize(otherApplicant, 'my.notice.read', ownApp)).toMatchObject({ ok: false, status: 404 });
  });
  it('is refused (403) every staff action', () => {
    for (const a of ACTIONS.filter((x) => x.startsWith('staff.'))) {
      expect(authorize(applicant, a)).toMatchObject({ ok: false, status: 403 });
    }
  });
});

describe('第三条 roles: district staff act only in their own district', () => {
  it('reviews and decides applications of its district', () => {
    for (const a of ['staff.application.read', 'staff.application.approve', 'staff.application.return',
      'staff.application.reject', 'staff.application.cancel'] as const) {
      expect(authorize(lixia, a, ownApp)).toEqual({ ok: true, scope: 'district' });
    }
  });
  it('is refused (403) on an application of another district', () => {
    for (const a of ['staff.application.read', 'staff.application.approve', 'staff.application.cancel'] as const) {
      expect(authorize(lixia, a, shizhongApp)).toMatchObject({ ok: false, status: 403, reason: 'district' });
    }
  });
  it('has its queue limited to its district and is refused another district', () => {
    expect(districtFilter(lixia, 'staff.queue.read')).toEqual({ ok: true, district: '370102' });
    expect(districtFilter(lixia, 'staff.queue.read', '370102')).toEqual({ ok: true, district: '370102' });
    expect(districtFilter(lixia, 'staff.queue.read', '370103')).toEqual({ ok: false, status: 403 });
  });
  it('without a district on its account is refused rather than given the whole city', () => {
    expect(districtFilter({ accountId: 's9', role: 'district_staff' }, 'staff.queue.read')).toEqual({ ok: false, status: 403 });
    expect(authorize({ accountId: 's9', role: 'district_staff' }, 'staff.application.read', { districtCode: undefined }))
      .toMatchObject({ ok: false, status: 403 });
  });
  it('does not read the audit log nor act as an applicant', () => {
    expect(authorize(lixia, 'staff.audit.read')).toMatchObject({ ok: false, status: 403 });
    expect(authorize(lixia, 'my.applications.create')).toMatchObject({ ok: false, status: 403 });
  });
});

describe('第三条 roles: city staff act city-wide', () => {
  it('acts on any district and reads the audit log', () => {
    expect(authorize(city, 'staff.application.approve', shizhongApp)).toEqual({ ok: true, scope: 'city' });
    expect(districtFilter(city, 'staff.queue.read')).toEqual({ ok: true, district: undefined });
    expect(districtFilter(city, 'staff.queue.read', '370103')).toEqual({ ok: true, district: '370103' });
    expect(authorize(city, 'staff.audit.verify').ok).toBe(true);
  });
});

describe('auditor is read-only', () => {
  it('reads queue, full records, results and the audit log', () => {
    for (const a of ['staff.queue.read', 'staff.application.read', 'staff.results.export', 'staff.audit.read',
      'staff.audit.verify'] as const) {
      expect(authorize(auditor, a, shizhongApp).ok).toBe(true);
    }
  });
  it('is refused every action that changes an application', () => {
    for (const a of ACTIONS.filter((x) => /approve|return|reject|cancel|^my\./.test(x))) {
      expect(authorize(auditor, a)).toMatchObject({ ok: false, status: 403 });
    }
    expect(scopeOf('auditor', 'staff.application.approve')).toBeUndefined();
  });
});
