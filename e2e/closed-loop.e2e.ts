/**
 * Issue 4 in a browser, closed-loop management after the sale (济政发〔2025〕3号 第二十一至三十条),
 * on the demo's pilot project 泉城安居·槐荫苑 (JN-2024-001, city level, src/demo/closed-loop.ts):
 * the public buyback method and calculator (第二十七条); family13 on a phone sees its title past the
 * two-year mark and applies for 政府回购 (第二十四条); `city` reads the 回购看板 (第二十六条), runs the
 * 第二十五条 checks, accepts (due in six months) and reads the valuation (第二十七条); generates and
 * signs the buyback contract (第二十八条); books the first payment to the lender, the vacating items,
 * the transfer to the government and the balance, completes, and the reconciliation balances with
 * the maintenance fund refunded (第二十九条); renovates and approves the resale at the floor
 * (第三十条); family11 buys the resold unit on a phone in the rolling sale (第十六条), its contract
 * naming the maintenance fund due, and `city` delivers it, registers the buyer's title (origin
 * resale, 第十八条) and collects the deposit, equal to the refund at buyback (第三十条); exports the
 * unit archive, valid against the published schema (第二十一条); and reads family15's 第二十二条
 * deadline.
 *
 * The file never moves the server's clock: `sale`, `smoke` and `waitlist` run after it on the same
 * server. Every date typed is the server's today.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Page } from 'playwright-core';
import { rmbCapital } from '../src/documents/contract-money.js';
import { extractText, hasPdftotext } from '../src/documents/pdf-inspect.js';
import { param } from '../src/params/load.js';
import { buybackPayments } from '../src/rules/housing/buyback-payments.js';
import { buybackPrice } from '../src/rules/housing/buyback-price.js';
import { evaluateDownPayment } from '../src/rules/housing/down-payment.js';
import { multiUnitDeadline } from '../src/rules/housing/multi-unit-deadline.js';
import { resaleFloor } from '../src/rules/housing/resale-floor.js';
import { DESKTOP, type E2E, PHONE, step } from './harness.js';
import { newPage as sessionPage, serverNow, signIn } from './session.js';
import { choose, downloadVia, fill } from './ui.js';

const PILOT = 'JN-2024-001';
const PILOT_NAME = '泉城安居·槐荫苑';

// What later steps need from earlier ones.
let today = '';
let city: Page;
let exitId = '';
let exitNo = '';
let unitId = '';
let priceFen = 0;
let refundedFen = 0;
let offerId = '';
let building = '';
let resalePriceFen = 0;
let resaleContractNo = '';

/** Money as the pages print it, written here on its own: ¥1,234,567.89. */
function yuan(fen: number): string {
  const y = Math.floor(fen / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `¥${y}.${String(fen % 100).padStart(2, '0')}`;
}

/** "YYYY-MM-DD" + n months, the day kept or, past the month's end, its last day. */
function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${ty}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The server's own clock (it moves with POST /api/testing/clock; this file never moves it). */
/** A page on the server's clock (session.ts); remembers the server's Shanghai day as `today`. */
async function newPage(t: E2E, size: typeof PHONE | typeof DESKTOP): Promise<Page> {
  today = new Date((await serverNow(t)).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return sessionPage(t, size);
}

/** A GET through the page's session; asserts 200 and returns the JSON. */
async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  assert.equal(res.status(), 200, `GET ${path}: ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * A FormDialog of the closed-loop console: open it, fill its fields (`<prefix>-<field>`, the prefix
 * being the button's test id unless the dialog names its fields otherwise), confirm,
 * and wait until it closes. As in sale.e2e.ts, a confirm click that the dialog did not take is
 * repeated once; the server replays or refuses a second submission, never acts twice.
 */
async function act(page: Page, testId: string, fields: Record<string, string> = {}, prefix = testId): Promise<void> {
  const button = page.getByTestId(testId).first();
  await button.scrollIntoViewIfNeeded();
  await button.click();
  for (const [k, v] of Object.entries(fields)) await fill(page, `${prefix}-${k}`, v);
  const ok = page.getByTestId(`${testId}-confirm`);
  await ok.click();
  try {
    await ok.waitFor({ state: 'hidden', timeout: 6_000 });
  } catch {
    await ok.click();
    await ok.waitFor({ state: 'hidden' });
  }
}

type ExitRow = { id: string; exitNo: string; unitId: string; unitLabel: string; status: string; daysLeft: number | null; overdue: boolean; project: { code: string } };
type Components = { P0: number; paidOn: string; builtOn: string; valuationOn: string };
type ExitDetail = ExitRow & {
  acceptedOn: string | null; dueOn: string | null; priceFen: number | null;
  checks: { item: string; ok: boolean | null; source: string | null; evidence: Record<string, unknown> | null }[];
  valuation: { valuedOn: string; priceFen: number; lines: { name: string; label: string }[]; components: Components } | null;
  contract: { id: string; contractNo: string; status: string; priceFen: number; outstandingLoanFen: number; lender: string | null;
    schedule: { first: number; balance: number; firstToLender: number; firstToFamily: number; balanceToLender: number; balanceToFamily: number } } | null;
  payments: { stage: string; payee: string; amountFen: number }[];
  vacating: { item: string }[];
};

/** The pilot exit whose unit is `number` (1号楼), from the board as `city` reads it. */
async function pilotExit(page: Page, number: string): Promise<ExitRow> {
  const { items } = await api<{ items: ExitRow[] }>(page, '/api/exits');
  const e = items.find((x) => x.project.code === PILOT && x.unitLabel.includes(number));
  assert.ok(e, `an exit of ${PILOT} ${number} on the board`);
  return e;
}

/**
 * t.check after the pointer leaves the content and the toasts are gone: a row under the pointer
 * animates its links' colour, and axe would measure a colour halfway through the transition.
 */
async function check(t: E2E, page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  // Likewise a toast of the last action fading out (seen on PostgreSQL): axe runs once it is gone.
  await page.waitForFunction(() => !document.querySelector('.ant-message-notice'), null, { timeout: 8_000 }).catch(() => undefined);
  await t.check(page, name);
}

type Offer = {
  id: string; unitId: string; status: string; floorFen: number | null; priceFen: number | null; buybackPriceFen: number;
  maintenanceFundDueFen: number; unitStatus: string; contractId: string | null; contractNo: string | null; unit: { building: string; number: string };
};
/** The resale offer of the bought-back unit, as `city` reads it. */
const resaleOffer = async (page: Page) => (await api<{ items: Offer[] }>(page, '/api/resale-offers')).items.find((o) => o.unitId === unitId)!;

const detail = (page: Page) => api<ExitDetail>(page, `/api/exits/${exitId}`);
const paid = (d: ExitDetail, stage: string, payee: string) => d.payments.filter((p) => p.stage === stage && p.payee === payee).reduce((s, p) => s + p.amountFen, 0);

export default [
  step('第二十七条: the public /buyback page explains the method; its calculator agrees with POST /api/public/buyback-calculator', async (t) => {
    const page = await newPage(t, PHONE);
    await page.goto('/buyback');
    await page.getByTestId('buyback-formula').waitFor();
    assert.match(await page.getByTestId('buyback-formula').innerText(), /回购价格 =/);
    assert.ok((await page.getByTestId('buyback-params').locator('[data-testid^="buyback-param-"]').count()) > 0, 'the parameters are listed');
    await page.getByTestId('buyback-example-price').waitFor();
    await check(t, page, 'public-buyback-method');

    const input = { originalPriceFen: 78_884_000, paidOn: '2024-01-12', builtOn: '2023-12-20', valuationOn: today };
    await fill(page, 'calc-originalPrice', '788840');
    await fill(page, 'calc-paidOn', input.paidOn);
    await fill(page, 'calc-builtOn', input.builtOn);
    await fill(page, 'calc-valuationOn', input.valuationOn);
    await page.getByTestId('calc-submit').click();
    const shown = page.getByTestId('calc-result-price');
    await shown.waitFor();
    const res = await fetch(`${t.baseUrl}/api/public/buyback-calculator`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input),
    });
    assert.equal(res.status, 200);
    const fromApi = ((await res.json()) as { value: { price: number } }).value.price;
    assert.equal((await shown.innerText()).trim(), yuan(fromApi), 'the page shows the server’s price');
    assert.equal((await page.getByTestId('calc-result-words').innerText()).trim(), rmbCapital(fromApi));
    await check(t, page, 'public-buyback-calculator');
    await page.context().close();
  }),

  step('第二十四条: family13 (390×844) opens 我的住房, sees its title past two years and applies for 政府回购', async (t) => {
    const page = await newPage(t, PHONE);
    await signIn(page, 'family13');
    await page.getByTestId('my-home').click();
    await page.waitForURL(/\/my\/home$/);
    const card = page.getByTestId('home-unit').filter({ hasText: '1号楼101' });
    await card.waitFor();
    assert.ok((await card.getByTestId('title-certificate').innerText()).trim().length > 0, 'the title certificate number');
    assert.match(await card.innerText(), /2024-06-18/, 'the title date');
    const mark = card.getByTestId('holding-mark');
    assert.equal(await mark.getAttribute('data-reached'), 'true');
    assert.match(await mark.innerText(), /已满2年/);
    assert.equal(await card.getByTestId('exit-eligibility').getAttribute('data-eligible'), 'true');
    await check(t, page, 'family13-my-home');

    await card.getByTestId('apply-exit').click();
    await page.getByTestId('exit-route-buyback').waitFor();
    await page.getByTestId('exit-route-buyback').click();
    await check(t, page, 'family13-apply-dialog');
    await page.getByTestId('exit-confirm').click();
    const progress = card.getByTestId('exit-progress');
    await progress.waitFor();
    assert.equal(await progress.getByTestId('exit-status').getAttribute('data-status'), 'submitted');
    const home = await api<{ units: { unit: { id: string; number: string }; exits: { id: string; exitNo: string; status: string; route: string }[] }[] }>(page, '/api/my/home');
    const u = home.units.find((x) => x.unit.number === '101')!;
    const ex = u.exits.find((x) => x.status === 'submitted')!;
    assert.equal(ex.route, 'buyback');
    [exitId, exitNo, unitId] = [ex.id, ex.exitNo, u.unit.id];
    assert.ok((await progress.innerText()).includes(exitNo), 'the application number is shown');
    await check(t, page, 'family13-exit-submitted');
    await page.context().close();
  }),

  step('第二十六条: city (1366×900) opens 回购看板: family16’s buyback is overdue in red, family14’s contracted; opens family13’s', async (t) => {
    city = await newPage(t, DESKTOP);
    await signIn(city, 'city');
    await city.locator('nav[aria-label="工作台导航"] a[href="/staff/postsale/exits"]').click();
    await city.waitForURL(/\/staff\/postsale\/exits$/);
    const table = city.getByTestId('exits-table');
    await table.getByTestId(`exit-open-${exitNo}`).waitFor();

    const overdue = await pilotExit(city, '301');
    assert.ok(overdue.overdue && overdue.daysLeft! < 0, 'family16’s exit is past its due date');
    const tag = city.getByTestId(`exit-days-${overdue.exitNo}`);
    assert.equal((await tag.innerText()).trim(), `逾期 ${-overdue.daysLeft!} 天`);
    assert.match((await tag.getAttribute('class')) ?? '', /red/, 'overdue is red');
    // Overdue first (第二十六条 board order).
    assert.equal(await table.locator('tbody tr.ant-table-row').first().getByTestId(`exit-open-${overdue.exitNo}`).count(), 1);
    assert.ok(Number((await city.getByTestId('exits-overdue-count').innerText()).replace(/\D+/g, '')) >= 1);

    const contracted = await pilotExit(city, '202');
    assert.equal(contracted.status, 'contracted');
    const row = table.locator('tbody tr.ant-table-row').filter({ has: city.getByTestId(`exit-open-${contracted.exitNo}`) });
    assert.match(await row.innerText(), /已签回购合同/);
    await check(t, city, 'city-exit-board');

    await table.getByTestId(`exit-open-${exitNo}`).click();
    await city.waitForURL(new RegExp(`/staff/postsale/exits/${exitId}$`));
    await city.getByTestId('exit-checks').waitFor();
    assert.match(await city.getByTestId('exit-status').innerText(), /已提交/);
    await check(t, city, 'city-exit-submitted');
  }),

  step('第二十五条: the data checks (three items ok with evidence), two inspections, acceptance: due in six months; 第二十七条 valuation', async (t) => {
    await act(city, 'exit-checks-refresh');
    for (const item of ['no_extra_loans_or_mortgages', 'no_lease', 'no_legal_dispute']) {
      const mark = city.getByTestId(`exit-check-${item}`);
      await city.locator(`[data-testid="exit-check-${item}"][data-ok="true"]`).waitFor();
      const row = city.getByTestId('exit-checks').locator('tbody tr').filter({ has: mark });
      assert.match(await row.innerText(), /数据核查/, `${item}: its source`);
    }
    const afterRefresh = await detail(city);
    for (const c of afterRefresh.checks.filter((x) => x.source === 'data_check')) {
      assert.ok(c.ok && c.evidence && Object.keys(c.evidence).length > 0, `${c.item} ok with evidence`);
    }
    assert.equal(afterRefresh.checks.filter((x) => x.source === 'data_check' && x.ok).length, 3);
    await check(t, city, 'city-checks-refreshed');

    for (const [i, item] of ['use_unchanged', 'structure_unaltered'].entries()) {
      await act(city, `exit-inspection-${item}`, { inspector: '槐荫区住建局 李明', inspectedOn: today, reportNo: `HY-XC-${today.replaceAll('-', '')}-0${i + 1}` });
      await city.locator(`[data-testid="exit-check-${item}"][data-ok="true"]`).waitFor();
    }
    assert.ok(await city.getByTestId('exit-accept').isEnabled(), 'all five items ok: accept is open');
    await check(t, city, 'city-checks-complete');

    await act(city, 'exit-accept');
    await city.getByTestId('exit-status').getByText('已受理').waitFor();
    await city.getByTestId('exit-valuation').waitFor();
    const d = await detail(city);
    assert.equal(d.status, 'accepted');
    assert.equal(d.acceptedOn, today);
    const months = param<number>('housing.closed-loop.buyback_due_months', today);
    assert.equal(months.value, 6, '第二十六条: 原则上半年内完成');
    assert.equal(d.dueOn, addMonths(today, months.value));
    assert.ok((await city.locator('.ant-descriptions').first().innerText()).includes(d.dueOn!), 'the due date on the page');

    // The price is rule housing.buyback-price on the valuation's own inputs.
    const v = d.valuation!;
    const c = v.components;
    const rule = buybackPrice({ originalPrice: c.P0, paidOn: c.paidOn, builtOn: c.builtOn }, v.valuedOn);
    assert.equal(v.valuedOn, today);
    assert.equal(v.priceFen, rule.value.price);
    assert.equal(d.priceFen, rule.value.price);
    priceFen = rule.value.price;
    const table = city.getByTestId('exit-valuation');
    assert.equal((await table.getByTestId('exit-valuation-price').innerText()).trim(), yuan(priceFen));
    const text = await table.innerText();
    for (const line of v.lines) assert.ok(text.includes(line.label.replace('（分）', '')), `the valuation shows ${line.name}`);
    assert.ok(text.includes(yuan(c.P0)), 'P0 in yuan');
    await check(t, city, 'city-exit-accepted');
  }),

  step('第二十八条: the buyback contract (loan over 10 % of the price, lender, vacate-by date), its PDF, signing', async (t) => {
    const d0 = await detail(city);
    // A loan of 40 % of the price, to the yuan: the first payment (第二十九条) then goes wholly to the lender.
    const loanFen = Math.round((priceFen * 0.4) / 100) * 100;
    const sched = buybackPayments({ price: priceFen, outstandingLoan: loanFen }, today).value;
    assert.ok(loanFen > sched.first, 'the outstanding loan is larger than the first payment');
    const lender = '济南住房公积金中心';
    await act(city, 'buyback-generate', { outstandingLoan: String(loanFen / 100), lender, vacateByOn: d0.dueOn! });
    const card = city.getByTestId('buyback-contract');
    await card.getByTestId('buyback-contract-no').waitFor();
    const contractNo = (await card.getByTestId('buyback-contract-no').innerText()).trim();
    const summary = await card.innerText();
    assert.ok(summary.includes(yuan(priceFen)), 'the price');
    assert.ok(summary.includes(`${yuan(loanFen)}（${lender}）`), 'the loan and the lender');
    assert.ok(summary.includes(d0.dueOn!), 'the vacate-by date');
    await check(t, city, 'city-buyback-generated');

    const { response, body } = await downloadVia(city, 'buyback-pdf', '/contract.pdf');
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'] ?? '', /^application\/pdf/);
    assert.equal(body.subarray(0, 5).toString('latin1'), '%PDF-');
    writeFileSync(join(t.artifacts, 'closed-loop-buyback-contract.pdf'), body);
    if (hasPdftotext()) {
      const pdf = extractText(body);
      assert.ok(pdf.includes(yuan(priceFen)) || pdf.includes(rmbCapital(priceFen)), 'the price in figures or capitals');
      assert.ok(pdf.includes(contractNo), 'the contract number');
      assert.ok(pdf.includes(lender), 'the lender');
    }
    await act(city, 'buyback-sign');
    await card.getByText('已签订').waitFor();
    const d = await detail(city);
    assert.equal(d.status, 'contracted');
    assert.equal(d.contract!.status, 'signed');
    assert.deepEqual(
      [d.contract!.schedule.first, d.contract!.schedule.firstToLender, d.contract!.schedule.firstToFamily, d.contract!.schedule.balanceToLender, d.contract!.schedule.balanceToFamily],
      [sched.first, sched.firstToLender, sched.firstToFamily, sched.balanceToLender, sched.balanceToFamily],
    );
    await check(t, city, 'city-buyback-signed');
  }),

  step('第二十九条: first payment to the lender, five vacating items, transfer to the government, balance lender first, completion; balanced and the fund refunded', async (t) => {
    const c = (await detail(city)).contract!;
    await act(city, 'buyback-pay-first', { paidOn: today, reference: `HG-${today.replaceAll('-', '')}-001` });
    await city.getByTestId('buyback-stage-first').getByText('已支付').waitFor();
    let d = await detail(city);
    assert.equal(paid(d, 'first', 'lender'), c.schedule.first, 'the first payment goes wholly to the lender');
    assert.equal(paid(d, 'first', 'family'), 0);

    const vacating = city.getByTestId('buyback-vacating');
    await vacating.waitFor();
    const buttons = vacating.locator('button[data-testid^="vacating-"]');
    const items = await buttons.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
    assert.equal(items.length, 5, 'five vacating items');
    for (const [i, testId] of items.entries()) {
      await act(city, testId, { doneOn: today, ref: `TT-${today.replaceAll('-', '')}-0${i + 1}` });
    }
    await vacating.getByText('已全部完成').waitFor();
    await check(t, city, 'city-vacated');

    const certificateNo = `鲁（${today.slice(0, 4)}）济南市不动产权第9${today.replaceAll('-', '').slice(2)}号`;
    await act(city, 'buyback-transfer-register', { certificateNo, issuedOn: today });
    await city.getByTestId('buyback-transfer').getByText(certificateNo).waitFor();

    await act(city, 'buyback-pay-balance', { paidOn: today, reference: `HG-${today.replaceAll('-', '')}-002` });
    await city.getByTestId('buyback-stage-balance').getByText('已支付').waitFor();
    d = await detail(city);
    assert.equal(paid(d, 'balance', 'lender'), c.outstandingLoanFen - c.schedule.first, 'the rest of the loan first');
    assert.equal(paid(d, 'balance', 'family'), priceFen - c.outstandingLoanFen, 'then the family');
    await check(t, city, 'city-paid');

    await act(city, 'buyback-complete');
    await city.getByTestId('exit-status').getByText('已完成').waitFor();
    const recon = city.getByTestId('buyback-recon');
    await recon.locator('[data-testid="buyback-recon-balanced"][data-ok="true"]').waitFor();
    await recon.locator('[data-testid="buyback-recon-fund_refunded"][data-ok="true"]').waitFor();
    const r = await api<{ balanced: boolean; settled: boolean; fund: { depositsFen: number; refundsFen: number; balanceFen: number } | null }>(city, `/api/exits/${exitId}/reconciliation`);
    assert.ok(r.balanced && r.settled);
    assert.ok(r.fund && r.fund.depositsFen > 0 && r.fund.refundsFen === r.fund.depositsFen && r.fund.balanceFen === 0, 'the maintenance fund was refunded');
    refundedFen = r.fund.refundsFen;
    await check(t, city, 'city-buyback-completed');
  }),

  step('第三十条: 回购房源再配售: renovation recorded; below the floor refused naming it; at the floor approved, the unit on sale again', async (t) => {
    await city.locator('nav[aria-label="工作台导航"] a[href="/staff/postsale/resale"]').click();
    await city.waitForURL(/\/staff\/postsale\/resale$/);
    await city.getByTestId(`resale-renovation-${unitId}`).waitFor();
    await check(t, city, 'city-resale-list');
    const costFen = 1_860_000;
    await act(city, `resale-renovation-${unitId}`, { cost: String(costFen / 100), completedOn: today, evidenceRef: `HY-ZX-${today.replaceAll('-', '')}` }, 'resale-renovation');
    const approve = city.getByTestId(`resale-approve-${unitId}`);
    await city.waitForFunction((id) => !(document.querySelector(`[data-testid="resale-approve-${id}"]`) as HTMLButtonElement | null)?.disabled, unitId);
    const offers = () => resaleOffer(city);
    const o = await offers();
    assert.equal(o.buybackPriceFen, priceFen);
    // Rule housing.resale-floor; the offer stores its floor when approved.
    const floor = resaleFloor({ buybackPrice: priceFen, renovationCost: costFen }, today).value.minimum;
    assert.equal(floor, priceFen + costFen, 'the floor covers the buyback price and the renovation cost');

    // Below the floor: the dialog refuses on the field, naming the floor; the server refuses the same figure.
    await approve.click();
    assert.equal((await city.getByTestId('resale-approve-floor').innerText()).trim(), yuan(floor));
    await fill(city, 'resale-approve-price', ((floor - 100) / 100).toFixed(2));
    await city.getByTestId(`resale-approve-${unitId}-confirm`).click();
    const item = city.locator('.ant-form-item').filter({ has: city.getByTestId('resale-approve-price') });
    await item.getByText(yuan(floor), { exact: false }).waitFor();
    await check(t, city, 'city-resale-below-floor');
    const res = await city.request.post(`/api/resale-offers/${o.id}/approve`, {
      data: { priceFen: floor - 100 }, headers: { 'Idempotency-Key': `e2e-closed-loop-below-${o.id}` },
    });
    assert.equal(res.status(), 400);
    const err = (await res.json()) as { message_zh: string; details?: { field?: string } };
    assert.ok(err.message_zh.includes(yuan(floor)) || err.message_zh.includes((floor / 100).toFixed(2)), `the floor in the message: ${err.message_zh}`);

    await fill(city, 'resale-approve-price', (floor / 100).toFixed(2));
    const ok = city.getByTestId(`resale-approve-${unitId}-confirm`);
    await ok.click();
    await ok.waitFor({ state: 'hidden' });
    const approved = await offers();
    assert.equal(approved.status, 'approved');
    assert.equal(approved.floorFen, floor);
    assert.equal(approved.maintenanceFundDueFen, refundedFen, '第三十条: the buyer pays in what was refunded at buyback');
    assert.equal(approved.unitStatus, 'available', 'the unit is back in the rolling sale');
    [offerId, resalePriceFen, building] = [approved.id, floor, approved.unit.building];
    const row = city.getByTestId('resale-table').locator('tbody tr.ant-table-row').filter({ hasText: '101' });
    await row.getByText('已批准再配售').waitFor();
    assert.ok((await row.innerText()).includes(yuan(floor)));
    await check(t, city, 'city-resale-approved');
  }),

  step('第三十条、第十六条: family11 (390×844) takes the resold 101 in the rolling sale of 槐荫苑, generates the contract (its PDF names the maintenance fund due, the refund at buyback) and signs', async (t) => {
    const page = await newPage(t, PHONE);
    await signIn(page, 'family11');
    await page.goto('/my/sale');
    await page.getByTestId('one-home-rule').waitFor();
    // 第十六条: the pilot is back in the rolling sale; the family picks 101 on the grid.
    await page.goto('/my/sale/rolling');
    await page.getByTestId('rolling-JN-2024-001').click();
    await page.waitForURL(/\/my\/sale\/rolling\?project=JN-2024-001/);
    await page.getByTestId(`unit-${building}-101`).click();
    const sheet = page.getByTestId('unit-sheet');
    await sheet.getByTestId('unit-sheet-price').waitFor();
    assert.equal((await sheet.getByTestId('unit-sheet-price').innerText()).trim(), yuan(resalePriceFen), 'the grid offers 101 at the resale price');
    await check(t, page, 'family11-rolling-grid');
    await sheet.getByTestId('select-confirm').click();
    await page.getByTestId('select-confirm-ok').click();
    await page.waitForURL(/\/my\/sale\/(contract\/|rolling)/);
    await page.goto('/my/sale');
    const held = page.getByTestId('rolling-held');
    await held.waitFor();
    assert.match(await held.innerText(), new RegExp(`${building}\\s*101`), 'the held unit on 我的认购');
    await check(t, page, 'family11-rolling-held');
    await held.getByTestId('go-contract').click();
    await page.waitForURL(/\/my\/sale\/contract\//);
    await page.getByTestId('contract-price').getByText(yuan(resalePriceFen)).waitFor();
    assert.equal((await page.getByTestId('contract-price').innerText()).trim(), yuan(resalePriceFen));

    // 第十三条 through rule housing.down-payment; the family pays the minimum rounded up to ¥10,000.
    await choose(page, 'loan-type', '商业贷款');
    const min = evaluateDownPayment({ price: resalePriceFen, downPayment: resalePriceFen, loanType: 'commercial' }, today).value.minimum;
    await page.getByTestId('down-payment-minimum').getByText(yuan(min), { exact: false }).waitFor();
    const downFen = Math.ceil(min / 1_000_000) * 1_000_000;
    assert.ok(downFen >= min && downFen < resalePriceFen);
    await fill(page, 'down-payment', String(downFen / 100));
    await page.getByTestId('loan-amount').getByText(yuan(resalePriceFen - downFen), { exact: false }).waitFor();
    await page.getByTestId('generate-contract').click();
    const card = page.getByTestId('contract-generated');
    const summary = card.getByTestId('contract-summary');
    await summary.getByText(yuan(downFen)).waitFor();
    resaleContractNo = (await card.getByTestId('contract-no-generated').innerText()).trim();
    assert.ok((await summary.getByTestId('contract-maintenance-fund').innerText()).includes(yuan(refundedFen)), '第三十条: the fund due on the page');
    await check(t, page, 'family11-contract-generated');

    const { response, body } = await downloadVia(page, 'contract-pdf', '/contract.pdf');
    assert.equal(response.status(), 200);
    assert.equal(body.subarray(0, 5).toString('latin1'), '%PDF-');
    writeFileSync(join(t.artifacts, 'closed-loop-resale-contract.pdf'), body);
    if (hasPdftotext()) {
      // Lines wrap anywhere in a long paragraph: compare without white space.
      const pdf = extractText(body).replace(/\s+/g, '');
      assert.ok(pdf.includes(resaleContractNo), 'the contract number');
      assert.ok(pdf.includes(rmbCapital(resalePriceFen)) || pdf.includes(yuan(resalePriceFen)), 'the resale price');
      assert.ok(pdf.includes('回购时退还的维修资金'), '第三十条 clause on the maintenance fund');
      assert.ok(pdf.includes(yuan(refundedFen)) && pdf.includes(rmbCapital(refundedFen)), `the fund due, ${yuan(refundedFen)}, in figures and capitals`);
    }
    await page.getByTestId('sign-contract').click();
    await page.getByTestId('sign-explain').waitFor();
    await check(t, page, 'family11-sign-dialog');
    await page.getByTestId('sign-contract-ok').click();
    await page.getByTestId('contract-signed').waitFor();
    assert.equal((await page.getByTestId('contract-no').innerText()).trim(), resaleContractNo);
    await check(t, page, 'family11-contract-signed');

    // 第十一条: signing closes the family's other registrations (高新苑's, with its 认购金 refunded).
    const { items: list } = await api<{ items: { status: string; project: { code: string } }[] }>(page, '/api/my/registrations');
    assert.ok(list.length > 0 && list.every((r) => !['registered', 'pending_payment'].includes(r.status)), `other registrations closed: ${JSON.stringify(list.map((r) => [r.project.code, r.status]))}`);
    const o = await resaleOffer(city);
    assert.deepEqual([o.status, o.contractNo, o.unitStatus, o.maintenanceFundDueFen], ['sold', resaleContractNo, 'sold', refundedFen]);
    await page.context().close();
  }),

  step('第三十条、第十八条: city records delivery and the buyer’s title (origin resale) on the unit page, collects the deposit on 再配售; the fund holds the refund at buyback again', async (t) => {
    await city.goto(`/staff/postsale/units/${unitId}`);
    await city.getByText(resaleContractNo).first().waitFor();
    await check(t, city, 'city-resold-unit');
    await act(city, 'contract-delivery', { deliveredOn: today });
    await city.getByTestId('contract-delivery').waitFor({ state: 'detached' });
    const certificateNo = `鲁（${today.slice(0, 4)}）济南市不动产权第8${today.replaceAll('-', '').slice(2)}号`;
    await act(city, 'title-register', { certificateNo, issuedOn: today });
    await city.getByTestId('unit-title-no').getByText(certificateNo).waitFor();
    await check(t, city, 'city-resold-unit-titled');

    await city.locator('nav[aria-label="工作台导航"] a[href="/staff/postsale/resale"]').click();
    await city.waitForURL(/\/staff\/postsale\/resale$/);
    const row = city.getByTestId('resale-table').locator('tbody tr.ant-table-row').filter({ has: city.getByTestId(`resale-contract-${unitId}`) });
    await row.getByText('已售出').waitFor();
    assert.equal((await row.getByTestId(`resale-contract-${unitId}`).innerText()).trim(), resaleContractNo);
    assert.equal((await row.getByTestId(`resale-fund-due-${unitId}`).innerText()).trim(), yuan(refundedFen));
    await check(t, city, 'city-resale-sold');

    await city.getByTestId(`resale-fund-${unitId}`).click();
    assert.equal((await city.getByTestId('resale-fund-amount').innerText()).trim(), yuan(refundedFen), 'the dialog names the amount due');
    await fill(city, 'resale-fund-paidOn', today);
    await fill(city, 'resale-fund-reference', `WX-${today.replaceAll('-', '')}-101`);
    await check(t, city, 'city-resale-fund-dialog');
    const ok = city.getByTestId(`resale-fund-${unitId}-confirm`);
    await ok.click();
    await ok.waitFor({ state: 'hidden' });

    type Rec = {
      contract: { contractNo: string; deliveredOn: string | null; maintenanceFundDueFen: number } | null;
      title: { certificateNo: string; origin: string; issuedOn: string; holderKind: string } | null;
      titleHistory: { origin: string; supersededOn: string | null }[];
      fund: { depositsFen: number; refundsFen: number; balanceFen: number; entries: { kind: string; amountFen: number }[] } | null;
    };
    const rec = await api<Rec>(city, `/api/units/${unitId}/record`);
    assert.equal(rec.contract?.contractNo, resaleContractNo);
    assert.equal(rec.contract?.deliveredOn, today);
    assert.deepEqual([rec.title?.certificateNo, rec.title?.origin, rec.title?.holderKind, rec.title?.issuedOn], [certificateNo, 'resale', 'family', today]);
    assert.ok(rec.titleHistory.some((h) => h.origin === 'buyback' && h.supersededOn === today), 'the government’s title is superseded');
    assert.equal(rec.fund?.balanceFen, refundedFen, '第三十条: the fund holds again what was refunded at buyback');

    await city.goto(`/staff/postsale/units/${unitId}`);
    await city.getByTestId('unit-fund-balance').getByText(yuan(refundedFen)).waitFor();
    await check(t, city, 'city-resold-unit-fund');
  }),

  step('第二十一条: the unit’s archive JSON validates against the published schema and holds the buyback', async (t) => {
    await city.goto(`/staff/postsale/units/${unitId}`);
    await city.getByTestId('unit-archive-export').waitFor();
    await check(t, city, 'city-unit-record');
    const { response, body } = await downloadVia(city, 'unit-archive-export', '/archive.json');
    assert.equal(response.status(), 200);
    writeFileSync(join(t.artifacts, 'closed-loop-unit-archive.json'), body);
    const doc = JSON.parse(body.toString('utf8')) as { exits: { exitNo: string; route: string; status: string; priceFen: number | null }[] };
    const schemaRes = await fetch(`${t.baseUrl}/api/public/schemas/unit-archive-v1.json`);
    assert.equal(schemaRes.status, 200);
    const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => Ajv2020;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile((await schemaRes.json()) as object);
    assert.ok(validate(doc), `valid unit-archive: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
    const bought = doc.exits.find((e) => e.exitNo === exitNo);
    assert.ok(bought, 'the archive lists the exit');
    assert.deepEqual([bought.route, bought.status, bought.priceFen], ['buyback', 'completed', priceFen]);
  }),

  step('第二十二条: city sees family15’s obligation on 多套房退出期限 with its deadline and days left', async (t) => {
    await city.locator('nav[aria-label="工作台导航"] a[href="/staff/postsale/obligations"]').click();
    await city.waitForURL(/\/staff\/postsale\/obligations$/);
    type Obligation = { id: string; status: string; unitsHeld: number; units: { label: string }[]; changeOn: string; deadlineOn: string; daysLeft: number };
    const { items } = await api<{ items: Obligation[] }>(city, '/api/multi-unit-obligations');
    const o = items.find((x) => x.status === 'open' && x.units.some((u) => u.label.includes(PILOT_NAME) || u.label.includes('102')) && x.unitsHeld > 1);
    assert.ok(o, 'family15’s open obligation');
    assert.equal(o.deadlineOn, multiUnitDeadline({ changeOn: o.changeOn }, today).value.deadline, '60 days from the change (rule housing.multi-unit-deadline)');
    const row = city.getByTestId('obligations-table').locator('tbody tr.ant-table-row').filter({ hasText: o.deadlineOn });
    await row.waitFor();
    const text = await row.innerText();
    assert.ok(text.includes(o.changeOn), 'the day of the change');
    assert.ok(text.includes(o.daysLeft < 0 ? `逾期 ${-o.daysLeft} 天` : `剩 ${o.daysLeft} 天`), `days left: ${text}`);
    await check(t, city, 'city-obligations');
  }),
];
