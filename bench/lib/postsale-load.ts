/**
 * Bulk load for the post-sale benchmark (济政发〔2025〕3号 第十八、十九、二十二、二十四至二十六条): titled
 * units, open exits and multi-unit obligations written by set-based SQL (generate_series), shaped
 * row for row like `ownedWorld` (src/commands/closed-loop/testing.ts) and the pilot import
 * (src/demo/closed-loop-import.ts), not taken through 10,000 sale flows:
 *
 * - `projects` projects (ended, each in its own building(s) of up to 1,000 units, 20 per floor),
 *   spread over five districts; the last one is city-level (第二十二条 scope: district staff do not
 *   see it). Unit g belongs to project g mod P, so every district holds the same share.
 * - per unit: an applicant account, a `purchased` application of the project's district, a signed
 *   selection, a signed and delivered purchase contract (72万元, 85 % provident-fund loan, the
 *   template's down-payment check), a current `first_sale` family title (issued over 400 days up to
 *   2026-03-20), a maintenance-fund account with one deposit (1,080,000 fen, as ownedWorld).
 * - `exits` open exits, evenly over the projects (every U/E-th unit of each): a third `submitted`,
 *   a third `accepted` and a third `contracted`; accepted ones due six months after acceptance
 *   days spread over 180 days (some overdue on the bench day). Eligibility and valuation are the
 *   JSON of a real exit (the template), so the board moves the same bytes per row.
 * - `obligations` open 第二十二条 obligations on the units in turn, each with its inheritance event:
 *   the heir is the family of the next unit (an account to remind); deadlines 1–30 days after the
 *   bench day, so a reminder is due on every one; `overdue` more whose deadline passed 1–5 days ago.
 *   The heir's second title is not written: the job reads only the obligation, the heir's account,
 *   the event's project and the audit log.
 */
import type { DbHandle } from '../../src/db/client.js';

/** Sizes and the JSON copied from a real exit. */
export interface PostsaleLoad {
  units: number; projects: number; exits: number; obligations: number; overdue: number;
  /** The day the bench runs (exits' due dates and obligations' deadlines are placed around it). */
  today: string;
  implementerId: string; staffId: string;
  template: { eligibility: unknown; valuation: unknown; priceFen: number; downPaymentCheck: unknown };
}

const DISTRICTS = ['370102', '370103', '370104', '370105', '370112'];

/** Loads everything; returns the seconds each part took. */
export async function loadPostsale(h: DbHandle, o: PostsaleLoad): Promise<Record<string, number>> {
  const seconds: Record<string, number> = {};
  const step = async (name: string, f: () => Promise<unknown>) => { const t = performance.now(); await f(); seconds[name] = Math.round(performance.now() - t) / 1000; };
  const P = o.projects;
  const U = o.units;
  const perProject = Math.ceil(U / P);
  await step('projects', async () => {
    await h.sql(`insert into projects (id, code, name, level, district_code, sale_mode, address, implementer_account_id, status, delivery_on, updated_at)
      select md5('ps-prj' || p)::uuid, 'BP-' || lpad(p::text, 2, '0'), '泉城安居·压测苑' || p, case when p = $1::int - 1 then 'city' else 'district' end,
        ($2::text[])[p % 5 + 1], 'completed', '济南市压测路 ' || p || ' 号', $3, 'ended', '2026-03-01', now()
      from generate_series(0, $1::int - 1) p`, [P, DISTRICTS, o.implementerId]);
    await h.sql(`insert into buildings (id, project_id, name, floors, completed_on)
      select md5('ps-bld' || p || '-' || b)::uuid, md5('ps-prj' || p)::uuid, (b + 1) || '号楼', 50, '2025-12-01'
      from generate_series(0, $1::int - 1) p, generate_series(0, ($2::int - 1) / 1000) b`, [P, perProject]);
    await h.sql(`insert into price_approvals (project_id, base_price_per_m2_fen, float_range, status, schedule, schedule_sha256, submitted_by, submitted_at, approval_no)
      select md5('ps-prj' || p)::uuid, 800000, '0.050000', 'approved', '[]'::jsonb, 'bulk', $2, now(), '价批-BP-' || p from generate_series(0, $1::int - 1) p`, [P, o.implementerId]);
  });
  await step('units', () => h.sql(`insert into units (id, project_id, building_id, floor, number, area, layout, orientation, coefficient, price_fen, price_approval_id, status, offered_on)
    select md5('ps-unit' || g)::uuid, md5('ps-prj' || (g % $2))::uuid, md5('ps-bld' || (g % $2) || '-' || ((g / $2) / 1000))::uuid,
      ((g / $2) % 1000) / 20 + 1, ((((g / $2) % 1000) / 20 + 1) * 100 + (g / $2) % 20 + 1)::text, '90.00', '两室一厅', '南北', '1.000000', 72000000,
      (select a.id from price_approvals a where a.project_id = md5('ps-prj' || (g % $2))::uuid), 'sold', '2025-12-01'
    from generate_series(0, $1::int - 1) g`, [U, P]));
  await step('families', async () => {
    await h.sql(`insert into accounts (id, username, role, password_hash, display_name)
      select md5('ps-acc' || g)::uuid, 'ps_' || g, 'applicant', 'x', '业主' || g from generate_series(0, $1::int - 1) g`, [U]);
    await h.sql(`insert into applications (id, reg_code, account_id, district_code, status, category, priority, masked_applicant_name, masked_applicant_id, admitted_on, purchased_on)
      select md5('ps-app' || g)::uuid, 'JN2025P' || lpad(g::text, 7, '0'), md5('ps-acc' || g)::uuid, ($2::text[])[(g % $3) % 5 + 1], 'purchased', 'wage_family', '[]'::jsonb,
        '王*', '3701**********' || lpad((g % 10000)::text, 4, '0'), '2025-06-01', '2025-12-20'
      from generate_series(0, $1::int - 1) g`, [U, DISTRICTS, P]);
  });
  await step('contracts', async () => {
    await h.sql(`insert into selections (id, project_id, unit_id, application_id, kind, status, locked_at, signed_at)
      select md5('ps-sel' || g)::uuid, md5('ps-prj' || (g % $2))::uuid, md5('ps-unit' || g)::uuid, md5('ps-app' || g)::uuid, 'round', 'signed',
        '2025-12-10T02:00:00Z', '2025-12-20T02:00:00Z' from generate_series(0, $1::int - 1) g`, [U, P]);
    await h.sql(`insert into contracts (id, contract_no, selection_id, project_id, unit_id, application_id, price_fen, loan_type, down_payment_fen, loan_fen,
        deposit_credited_fen, down_payment_check, status, deadline_on, generated_at, signed_at, pdf_sha256, delivered_on, delivered_by)
      select md5('ps-con' || g)::uuid, '压测合〔2025〕' || g || '号', md5('ps-sel' || g)::uuid, md5('ps-prj' || (g % $2))::uuid, md5('ps-unit' || g)::uuid,
        md5('ps-app' || g)::uuid, 72000000, 'provident_fund', 10800000, 61200000, 2000000, $3::jsonb, 'signed', '2025-12-27',
        '2025-12-15T02:00:00Z', '2025-12-20T02:00:00Z', md5('ps-pdf' || g) || md5('ps-pdf2' || g), '2026-03-15', $4
      from generate_series(0, $1::int - 1) g`, [U, P, JSON.stringify(o.template.downPaymentCheck), o.implementerId]);
  });
  await step('titles', async () => {
    await h.sql(`insert into titles (id, unit_id, certificate_no, holder_kind, holder_application_id, holder_masked_name, holder_masked_id, origin, contract_id, issued_on, recorded_by, recorded_at)
      select md5('ps-tit' || g)::uuid, md5('ps-unit' || g)::uuid, '鲁(2026)济南市不动产权第' || lpad((5000000 + g)::text, 7, '0') || '号', 'family', md5('ps-app' || g)::uuid,
        '王*', '3701**********' || lpad((g % 10000)::text, 4, '0'), 'first_sale', md5('ps-con' || g)::uuid, date '2026-03-20' - (g % 400), $2, now()
      from generate_series(0, $1::int - 1) g`, [U, o.staffId]);
    await h.sql(`insert into maintenance_fund_accounts (id, unit_id, account_no, bank, opened_on, recorded_by, recorded_at)
      select md5('ps-mfa' || g)::uuid, md5('ps-unit' || g)::uuid, 'WXPS' || lpad(g::text, 8, '0'), '济南农商银行', '2026-03-15', $2, now()
      from generate_series(0, $1::int - 1) g`, [U, o.staffId]);
    await h.sql(`insert into maintenance_fund_entries (account_id, kind, amount_fen, occurred_on, reference, title_id, memo, recorded_by, recorded_at)
      select md5('ps-mfa' || g)::uuid, 'deposit', 1080000, '2026-03-15', '压测合〔2025〕' || g || '号', md5('ps-tit' || g)::uuid, '首次缴存维修资金（压测）', $2, now()
      from generate_series(0, $1::int - 1) g`, [U, o.staffId]);
  });
  const every = Math.max(1, Math.floor(U / Math.max(1, o.exits)));
  await step('exits', () => h.sql(`insert into exit_applications (exit_no, unit_id, project_id, title_id, application_id, route, origin, status, eligibility,
      submitted_on, submitted_by, accepted_on, due_on, decided_by, valuation, valued_on, price_fen)
    select '济保退〔2028〕' || lpad((900000 + g)::text, 6, '0') || '号', md5('ps-unit' || g)::uuid, md5('ps-prj' || (g % $2))::uuid, md5('ps-tit' || g)::uuid,
      md5('ps-app' || g)::uuid, 'buyback', 'family', (array['submitted', 'accepted', 'contracted'])[k % 3 + 1], $4::jsonb,
      acc - 10, md5('ps-acc' || g)::uuid,
      case when k % 3 = 0 then null else acc end, case when k % 3 = 0 then null else (acc + interval '6 months')::date end,
      case when k % 3 = 0 then null else $6::uuid end, case when k % 3 = 0 then null else $5::jsonb end,
      case when k % 3 = 0 then null else acc end, case when k % 3 = 0 then null else $7::bigint end
    from (select g, (g / $2) / $3 as k, $8::date - 200 + ((g / $2) / $3) % 180 as acc
          from generate_series(0, $1::int - 1) g where (g / $2) % $3 = 0) x
    limit $9`, [U, P, every, JSON.stringify(o.template.eligibility), JSON.stringify(o.template.valuation), o.staffId, o.template.priceFen, o.today, o.exits]));
  const nOb = o.obligations + o.overdue;
  await step('obligations', async () => {
    // Obligation n: deadline today + 1 … 30 for the first `obligations`, today − 1 … 5 for the `overdue` ones after them.
    const deadline = `($2::date + case when n < $3 then 1 + n % 30 else -1 - n % 5 end)`;
    await h.sql(`insert into unit_events (id, unit_id, title_id, kind, occurred_on, evidence, note, recorded_by, recorded_at)
      select md5('ps-evt' || n)::uuid, md5('ps-unit' || (n % $5))::uuid, md5('ps-tit' || (n % $5))::uuid, 'inheritance', ${deadline} - 60,
        jsonb_build_array(jsonb_build_object('kind', 'document', 'ref', '(2028)鲁济南证字第' || n || '号')), null, $4, now()
      from generate_series(0, $1::int - 1) n`, [nOb, o.today, o.obligations, o.staffId, U]);
    await h.sql(`insert into multi_unit_obligations (holder_application_id, holder_masked_name, event_id, change_on, deadline_on, units_held, status)
      select md5('ps-app' || ((n + 1) % $4))::uuid, '王*', md5('ps-evt' || n)::uuid, ${deadline} - 60, ${deadline}, 2, 'open'
      from generate_series(0, $1::int - 1) n`, [nOb, o.today, o.obligations, U]);
  });
  await step('analyze', () => h.sql('analyze'));
  return seconds;
}
