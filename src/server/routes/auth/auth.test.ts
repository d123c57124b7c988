import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TEST_DB_KINDS } from '../../../db/testing.js';
import { accounts, sessions } from '../../../db/schema.js';
import { createStaff } from '../../../commands/accounts/create-staff.js';
import { tokenId, SESSION_IDLE_MS } from '../../../commands/accounts/session.js';
import { Agent, buildTestApp, sessionCookie, type TestApp } from '../../testing.js';

const family = { username: 'zhangwei', password: 'quancheng2025', displayName: '张伟', phone: '13800138000' };

describe.each(TEST_DB_KINDS)('accounts and sessions over HTTP on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await buildTestApp(kind, { loginMax: 3, loginWindowMs: 60_000 }); });
  afterAll(async () => { await t?.close(); });

  it('registers an applicant, signs it in with an httpOnly SameSite=Lax cookie, and stores only the token hash', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: family });
    expect(res.statusCode).toBe(201);
    expect(res.json().account).toMatchObject({ username: 'zhangwei', role: 'applicant', displayName: '张伟', districtCode: null });
    expect(JSON.stringify(res.json())).not.toContain('13800138000');
    const c = res.cookies.find((x) => x.name === 'qc_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    expect(c.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await t.handle.db.select().from(sessions);
    expect(rows.map((r) => r.id)).toContain(tokenId(c.value));
    expect(rows.map((r) => r.id)).not.toContain(c.value);
    const acc = (await t.handle.db.select().from(accounts).where(eq(accounts.username, 'zhangwei')))[0]!;
    expect(acc.passwordHash).toMatch(/^\$argon2id\$/);
    expect(acc.phoneEnc).not.toContain('13800138000');
    expect(t.crypto.decrypt(acc.phoneEnc!, `accounts.phone:${acc.id}`)).toBe('13800138000');
  });

  it('refuses a taken username (409 naming username), case-insensitively', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...family, username: 'ZhangWei' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'USERNAME_TAKEN', details: { field: 'username' } });
  });

  it('refuses a weak password with a Chinese and English message naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...family, username: 'lina', password: 'abcdefgh' } });
    expect(res.statusCode).toBe(400);
    const b = res.json();
    expect(b).toMatchObject({ code: 'WEAK_PASSWORD', details: { field: 'password' } });
    expect(b.message_zh).toContain('字母和数字');
    expect(b.message).toContain('letters and digits');
    const short = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...family, username: 'lina', password: 'ab12' } });
    expect(short.json()).toMatchObject({ code: 'WEAK_PASSWORD', details: { field: 'password' } });
  });

  it('refuses a missing field as 400 VALIDATION naming it', async () => {
    const { phone: _p, ...noPhone } = family;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...noPhone, username: 'lina' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', message_zh: '手机号码为必填项', details: { field: 'phone' } });
  });

  it('never grants a staff role through registration', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/auth/register',
      payload: { ...family, username: 'sneaky', role: 'city_staff', districtCode: '370102' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().account).toMatchObject({ role: 'applicant', districtCode: null });
  });

  it('logs in, answers /me, logs out and the old cookie is dead afterwards', async () => {
    const a = new Agent(t.app);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    const li = await a.post('/api/auth/login', { username: 'zhangwei', password: family.password });
    expect(li.statusCode).toBe(200);
    expect(li.json().account.username).toBe('zhangwei');
    const token = a.cookie!;
    const me = await a.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().account).toMatchObject({ username: 'zhangwei', role: 'applicant' });
    const lo = await a.post('/api/auth/logout');
    expect(lo.statusCode).toBe(204);
    expect((await t.handle.db.select().from(sessions).where(eq(sessions.id, tokenId(token)))).length).toBe(0);
    const again = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `qc_session=${token}` } });
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ code: 'UNAUTHENTICATED', message_zh: '请先登录。' });
  });

  it('gives one answer for an unknown user and a wrong password', async () => {
    const a = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'whatever1' } });
    const b = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhangwei', password: 'wrongpass1' } });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(sessionCookie(a)).toBeUndefined();
  });

  it('expires an idle session and slides the expiry of a used one', async () => {
    const a = new Agent(t.app);
    await a.post('/api/auth/login', { username: 'zhangwei', password: family.password });
    const id = tokenId(a.cookie!);
    const before = (await t.handle.db.select().from(sessions).where(eq(sessions.id, id)))[0]!;
    t.clock.advance(SESSION_IDLE_MS - 60 * 60 * 1000);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    const after = (await t.handle.db.select().from(sessions).where(eq(sessions.id, id)))[0]!;
    expect(after.expiresAt.getTime()).toBeGreaterThan(before.expiresAt.getTime());
    t.clock.advance(SESSION_IDLE_MS + 1000);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.handle.db.select().from(sessions).where(eq(sessions.id, id))).length).toBe(0);
  });

  it('signs staff in with their role and district (staff are created by seed/CLI only)', async () => {
    await createStaff({ db: t.handle.db }, { username: 'lixia.clerk', password: 'staffpass1', displayName: '历下审核员', role: 'district_staff', districtCode: '370102' });
    const again = await createStaff({ db: t.handle.db }, { username: 'lixia.clerk', password: 'staffpass1', displayName: '历下审核员', role: 'district_staff', districtCode: '370102' });
    expect(again.created).toBe(false);
    const a = new Agent(t.app);
    await a.post('/api/auth/login', { username: 'lixia.clerk', password: 'staffpass1' });
    expect((await a.get('/api/auth/me')).json().account).toMatchObject({ role: 'district_staff', districtCode: '370102' });
  });

  it('marks the cookie Secure when NODE_ENV is production', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.99', payload: { username: 'zhangwei', password: family.password } });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'qc_session')?.secure).toBe(true);
    } finally {
      process.env.NODE_ENV = before;
    }
    const dev = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.98', payload: { username: 'zhangwei', password: family.password } });
    expect(dev.cookies.find((c) => c.name === 'qc_session')?.secure).toBeFalsy();
  });

  it('rate-limits login per IP and username with a 429 in Chinese and English', async () => {
    const attempt = (username: string, ip = '10.0.0.7') => t.app.inject({
      method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username, password: 'wrongpass1' },
    });
    for (let i = 0; i < 3; i++) expect((await attempt('wanglei')).statusCode).toBe(401);
    const blocked = await attempt('wanglei');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'RATE_LIMITED', details: { field: 'username' } });
    expect(blocked.json().message_zh).toContain('登录尝试过于频繁');
    expect(blocked.json().message).toContain('Too many sign-in attempts');
    expect(blocked.headers['retry-after']).toBeDefined();
    // The same IP with another username, and another IP with this username, are not blocked.
    expect((await attempt('liuyang')).statusCode).toBe(401);
    expect((await attempt('wanglei', '10.0.0.8')).statusCode).toBe(401);
    // Case changes do not escape the limit.
    expect((await attempt('WangLei')).statusCode).toBe(429);
  });
});
