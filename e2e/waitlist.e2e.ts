/**
 * Issue 2, steps 1–4, as a new user would try them (济政发〔2025〕3号 第五至九条):
 * a family registers and applies on a phone, saves a draft and comes back, submits;
 * district staff review the checks and the verdict with its trace on a laptop and
 * approve; the family sees it is admitted with its priority flags and downloads the
 * 准予入库通知书; the public results page shows only masked data; staff export xlsx.
 */
import assert from 'node:assert/strict';
import { createHash, randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { extractText, hasPdftotext } from '../src/documents/pdf-inspect.js';
import { DESKTOP, PHONE, step } from './harness.js';
import { makeIdNumber } from './idcard.js';
import { choose, downloadVia, fill, inputOf, pick } from './ui.js';

const LIXIA = { code: '370102', name: '历下区' };
// The seeded district staff account of 历下区 (README, src/demo/ACCOUNTS.md).
const STAFF = { username: 'lixia', password: 'Demo@2025' };

// The simulated social-insurance department answers a person it does not know with
// sha256("si" + id)[0] % 96 months (src/datachecks/simulated.ts). The applicant is
// chosen so that the checked months meet the stable-employment threshold with room
// to spare; otherwise the verdict would depend on chance.
function simulatedMonths(id: string): number {
  return createHash('sha256').update(`si${id}`).digest()[0]! % 96;
}

function applicantId(): string {
  for (;;) {
    const id = makeIdNumber(LIXIA.code, '1985-03-12', randomInt(50, 499) * 2 + 1);
    if (simulatedMonths(id) >= 24) return id;
  }
}

// Fresh numbers every run, so a run on a persistent PostgreSQL never meets the
// "one person, one active application" constraint left by an earlier run.
const family = [
  { name: '张明华', id: applicantId(), relation: '申请人', married: true },
  { name: '李秀英', id: makeIdNumber(LIXIA.code, '1987-07-08', randomInt(50, 499) * 2), relation: '配偶', married: true },
  { name: '张小雨', id: makeIdNumber(LIXIA.code, '2014-05-01', randomInt(50, 499) * 2), relation: '子女', married: false },
  { name: '张小川', id: makeIdNumber(LIXIA.code, '2019-09-09', randomInt(50, 499) * 2 + 1), relation: '子女', married: false },
  { name: '张建国', id: makeIdNumber(LIXIA.code, '1955-01-20', randomInt(50, 499) * 2 + 1), relation: '父母', married: true },
];
const account = { username: `e2e${Date.now().toString(36)}`, password: 'Quancheng@2025', phone: '13905310001' };

// What later steps need from earlier ones.
let familyPage: Page;
let staffPage: Page;
let applicationUrl = '';
let regCode = '';
let confirmDeadline = '';

async function fillMember(page: Page, i: number, m: (typeof family)[number]): Promise<void> {
  await fill(page, `member-${i}-name`, m.name);
  await fill(page, `member-${i}-idNumber`, m.id);
  if (i > 0) await pick(page, `member-${i}-relation`, m.relation);
  await choose(page, `member-${i}-maritalStatus`, m.married ? '已婚' : '未婚');
  await pick(page, `member-${i}-hukouCity`, LIXIA.name);
}

/** 下一步, then wait until the wizard shows the next step (the phone layout says "第 n / 5 步"). */
async function next(page: Page): Promise<void> {
  const now = Number((await page.getByText(/第 \d \/ 5 步/).first().innerText()).match(/第 (\d)/)![1]);
  await page.getByTestId('wizard-next').click();
  await page.getByText(`第 ${now + 1} / 5 步`).first().waitFor();
}

export default [
  step('GB 11643: the test ID generator agrees with the standard’s example', async () => {
    assert.equal(makeIdNumber('110105', '1949-12-31', 2), '11010519491231002X');
  }),

  step('step 1: a family registers an account on a phone (390×844)', async (t) => {
    familyPage = await t.newPage(PHONE, { mobile: true });
    const page = familyPage;
    await page.goto('/');
    await t.check(page, 'home');
    await page.getByTestId('nav-register').click();
    await page.waitForURL(/\/register/);
    await t.check(page, 'register');
    await fill(page, 'register-username', account.username);
    await fill(page, 'register-displayName', family[0]!.name);
    await fill(page, 'register-phone', account.phone);
    await fill(page, 'register-password', account.password);
    await fill(page, 'register-password2', account.password);
    await page.getByTestId('register-submit').click();
    await page.waitForURL(/\/my$/);
    await page.getByTestId('new-application').waitFor();
    await t.check(page, 'my-empty');
  }),

  step('step 1: the family fills in its members with valid 身份证号 and saves a draft', async (t) => {
    const page = familyPage;
    await page.getByTestId('new-application').click();
    await page.waitForURL(/\/my\/new/);
    await pick(page, 'districtCode', LIXIA.name);
    await fill(page, 'phone', account.phone);
    await fillMember(page, 0, family[0]!);
    for (let i = 1; i < family.length; i++) {
      await page.getByTestId('add-member').click();
      await fillMember(page, i, family[i]!);
    }
    await t.check(page, 'wizard-members');
    await page.getByTestId('save-draft').click();
    await page.waitForURL(/\/my\/[^/]+\/edit/);
    applicationUrl = new URL(page.url()).pathname.replace(/\/edit$/, '');
  }),

  step('step 1: the family comes back to the draft and submits it', async (t) => {
    const page = familyPage;
    await page.goto('/my');
    await page.getByTestId('continue-application').first().waitFor();
    await t.check(page, 'my-draft');
    await page.getByTestId('continue-application').first().click();
    await page.waitForURL(/\/edit/);
    await page.getByTestId('member-4-name').first().waitFor();
    assert.equal(await (await inputOf(page, 'member-4-name')).inputValue(), family[4]!.name, 'the draft keeps the fifth member');
    await next(page);
    await choose(page, 'employment-retired', '否');
    await fill(page, 'employment-socialInsuranceMonths', 36);
    await fill(page, 'employment-employer', '济南某科技有限公司');
    await t.check(page, 'wizard-employment');
    await next(page);
    await choose(page, 'incomeStatus', '未认定');
    await fill(page, 'housing-ownedUnits', 0);
    await fill(page, 'housing-ownedArea', 0);
    await t.check(page, 'wizard-income-housing');
    await next(page);
    for (const k of ['formerPolicyHousing', 'publicRental', 'rentalSubsidy', 'talentPurchaseSubsidy']) {
      await choose(page, `declarations-${k}`, '否');
    }
    await t.check(page, 'wizard-declarations');
    await next(page);
    await page.getByTestId('preview-verdict').waitFor();
    await t.check(page, 'wizard-review');
    await page.getByTestId('submit-application').click();
    await page.waitForURL(new RegExp(`${applicationUrl}$`));
    await page.getByTestId('application-status').getByText('待审核').waitFor();
    regCode = (await page.getByTestId('reg-code').innerText()).trim();
    assert.match(regCode, /\w{4,}/, 'a registration code is shown');
    await t.check(page, 'status-submitted');
  }),

  step('step 2: district staff (1366×900) see the checks and the verdict with its trace', async (t) => {
    staffPage = await t.newPage(DESKTOP);
    const page = staffPage;
    await page.goto('/login');
    await t.check(page, 'staff-login');
    await fill(page, 'login-username', STAFF.username);
    await fill(page, 'login-password', STAFF.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/staff/);
    await page.getByTestId(`queue-open-${regCode}`).waitFor();
    await t.check(page, 'staff-queue');
    await page.getByTestId(`queue-open-${regCode}`).click();
    await page.waitForURL(/\/staff\/applications\//);
    await page.getByTestId('verdict').waitFor();
    const verdict = await page.getByTestId('verdict').innerText();
    assert.match(await page.getByTestId('verdict-eligible').innerText(), /符合入库条件/);
    assert.ok(!/不符合入库条件/.test(await page.getByTestId('verdict-eligible').innerText()));
    assert.match(verdict, /城市工薪收入家庭/);
    assert.match(verdict, /生育二孩以上/);
    assert.match(verdict, /有60周岁以上老人/);
    const trace = await page.getByTestId('verdict-trace').innerText();
    assert.match(trace, /第五条/);
    assert.match(trace, /第六条/);
    const checks = await page.getByTestId('data-checks').innerText();
    for (const dept of ['不动产登记', '民政', '社会保险', '住房公积金']) assert.match(checks, new RegExp(dept));
    await t.check(page, 'staff-detail');
  }),

  step('step 2: staff approve the application', async (t) => {
    const page = staffPage;
    await page.getByTestId('approve').click();
    await fill(page, 'action-note', '材料齐全，核查一致，准予入库。');
    await t.check(page, 'staff-approve-dialog');
    await page.getByTestId('action-confirm').click();
    await page.getByTestId('staff-application-status').getByText('已入库').waitFor();
    await t.check(page, 'staff-approved');
  }),

  step('step 3: the family sees it is admitted, its priority flags and why', async (t) => {
    const page = familyPage;
    await page.goto(applicationUrl);
    await page.getByTestId('application-status').getByText('已入库').waitFor();
    const flags = await page.getByTestId('priority-flags').innerText();
    assert.match(flags, /生育二孩以上/);
    assert.match(flags, /有60周岁以上老人/);
    assert.match(await page.getByTestId('verdict-reasons').innerText(), /第五条/);
    // 第八条 as the server decided it on its own date: active, deadline two years on
    assert.match(await page.getByTestId('waitlist-status').innerText(), /轮候中/);
    confirmDeadline = (await page.getByTestId('confirm-deadline').innerText()).trim();
    assert.match(confirmDeadline, /^\d{4}-\d{2}-\d{2}$/);
    await t.check(page, 'status-admitted');
  }),

  step('第八条: staff see the family in the 轮候库 with the status and deadline the server computed', async (t) => {
    const page = staffPage;
    await page.goto('/staff/waitlist');
    const row = page.getByTestId('waitlist-table').first().locator('tr', { hasText: regCode });
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /轮候中/);
    assert.ok(text.includes(confirmDeadline), `the row shows the deadline ${confirmDeadline}`);
    await t.check(page, 'staff-waitlist');
  }),

  step('step 3: the family downloads the numbered 准予入库通知书 as a PDF', async (t) => {
    const { response, download, body } = await downloadVia(familyPage, 'download-notice', '/notice.pdf');
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'] ?? '', /^application\/pdf/);
    assert.equal(body.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(download.suggestedFilename(), `准予入库通知书-${regCode}.pdf`, 'named by the Content-Disposition filename*');
    assert.match(response.headers()['content-disposition'] ?? '', /^attachment; filename="notice\.pdf"; filename\*=UTF-8''/);
    const file = join(t.artifacts, 'waitlist-notice.pdf');
    writeFileSync(file, body);
    if (hasPdftotext()) {
      const text = extractText(body);
      assert.ok(text.includes('准予入库通知书'), 'title');
      assert.ok(text.includes(regCode), 'registration code');
      assert.ok(text.includes(family[0]!.name), 'applicant name');
      assert.ok(!text.includes(family[0]!.id), 'the notice does not print the full ID number');
    }
  }),

  step('step 4: the public results list the registration code with masked name and ID only', async (t) => {
    const page = await t.newPage(DESKTOP);
    await page.goto('/results');
    await page.getByTestId('results-table').first().waitFor();
    const input = await inputOf(page, 'results-search');
    await input.fill(regCode);
    await input.press('Enter');
    await page.getByTestId('results-table').first().getByText(regCode).waitFor();
    // The search finds this family's row alone.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="results-table"] tbody tr.ant-table-row').length === 1,
      undefined,
      { timeout: 10_000 },
    ).catch(() => undefined);
    const rows = page.getByTestId('results-table').first().locator('tbody tr.ant-table-row');
    assert.equal(await rows.count(), 1, 'searching a registration code lists that family only');
    const html = await page.content();
    for (const m of family) {
      assert.ok(!html.includes(m.id), `the full ID of ${m.relation} is not in the page`);
      assert.ok(!html.includes(m.id.slice(0, 6)), 'no more than the first 2 digits of an ID');
    }
    assert.ok(!html.includes(family[0]!.name), 'the full name is not in the page');
    const row = await page.getByTestId('results-table').first().innerText();
    assert.match(row, new RegExp(`${family[0]!.id.slice(0, 2)}\\*+${family[0]!.id.slice(-2)}`));
    await t.check(page, 'public-results');
    const api = await (await fetch(`${t.baseUrl}/api/public/results?regCode=${encodeURIComponent(regCode)}`)).text();
    for (const m of family) assert.ok(!api.includes(m.id), 'the public API does not carry full IDs');
  }),

  step('step 4: staff export the qualification results as xlsx', async (t) => {
    const page = staffPage;
    await page.goto('/staff/queue');
    await page.getByTestId('export-xlsx').waitFor();
    const { response, body } = await downloadVia(page, 'export-xlsx', '/results.xlsx');
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'] ?? '', /spreadsheetml|officedocument|octet-stream/);
    assert.equal(body.subarray(0, 2).toString('latin1'), 'PK', 'an xlsx is a zip');
    writeFileSync(join(t.artifacts, 'waitlist-results.xlsx'), body);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    assert.ok(cells.includes(regCode), 'the admitted family is in the export');
    for (const m of family) assert.ok(!cells.some((c) => c.includes(m.id)), 'no full ID in the export');
    await t.check(page, 'staff-queue-after-export');
  }),
];
