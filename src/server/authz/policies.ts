/**
 * Authorization as data: which role may do which action, and over what scope.
 * Pure: no database, no request objects. The server checks here before calling a command;
 * commands check the resource again inside their transaction (defence in depth).
 *
 * Roles (济政发〔2025〕3号 第三条): the family applies; the district (区县住建) acts only on its own
 * district's applicants; the city housing bureau acts city-wide; the auditor reads, never writes.
 */

/** Roles of docs/CONTRACT.md `Actor`. "public" is an anonymous visitor. */
export type Role = 'applicant' | 'implementer' | 'district_staff' | 'city_staff' | 'auditor' | 'public';

/** The signed-in (or anonymous) party. Mirrors `Actor` of src/commands. */
export type Actor = { accountId: string; role: Role; districtCode?: string };

/**
 * public: anyone, signed in or not · self: any signed-in account, about itself ·
 * own: the applicant's own applications · district: the staff member's district · city: all districts.
 */
export type Scope = 'public' | 'self' | 'own' | 'district' | 'city';

export const ACTIONS = [
  'law.read', 'rules.read', 'rules.eval', 'districts.read', 'public.results.read',
  'auth.me', 'auth.logout',
  'my.applications.read', 'my.applications.create', 'my.applications.update', 'my.applications.submit',
  'my.applications.change', 'my.applications.withdraw', 'my.applications.confirm', 'my.notice.read',
  'my.notifications.read',
  'staff.queue.read', 'staff.application.read', 'staff.application.approve', 'staff.application.return',
  'staff.application.reject', 'staff.application.cancel', 'staff.results.export', 'staff.person.lookup',
  'staff.audit.read', 'staff.audit.verify',
  // Sale of a project (第十至十七条). Commands check the project's level and stage again.
  'public.sale.read',
  'my.registrations.read', 'my.registrations.write', 'my.payments.write', 'my.selection.write',
  'my.contracts.read', 'my.contracts.write',
  'projects.read', 'projects.write', 'prices.submit', 'prices.approve', 'plans.write', 'plans.approve',
  'draws.manage', 'selection.manage', 'sale.manage', 'units.convert',
  'deposits.read', 'funds.read', 'funds.write',
  // Closed-loop management after the sale (第十八至三十一条).
  'public.buyback.read', 'my.home.read', 'my.exits.write', 'my.transfers.write',
  'postsale.read', 'postsale.write', 'delivery.write', 'exits.decide', 'buyback.manage', 'fraud.decide',
] as const;
export type Action = (typeof ACTIONS)[number];

const ALL_ROLES: Role[] = ['public', 'applicant', 'implementer', 'district_staff', 'city_staff', 'auditor'];
const SIGNED_IN: Role[] = ['applicant', 'implementer', 'district_staff', 'city_staff', 'auditor'];
const STAFF_READS: Action[] = ['staff.queue.read', 'staff.application.read', 'staff.results.export', 'staff.person.lookup'];
const STAFF_WRITES: Action[] = [
  'staff.application.approve', 'staff.application.return', 'staff.application.reject', 'staff.application.cancel',
];
const MY: Action[] = ACTIONS.filter((a) => a.startsWith('my.'));
const SALE_READS: Action[] = ['projects.read', 'deposits.read', 'funds.read'];
const SALE_IMPLEMENTER: Action[] = ['projects.write', 'prices.submit', 'plans.write', 'selection.manage', 'sale.manage', 'funds.write'];
const SALE_STAFF: Action[] = ['prices.approve', 'plans.approve', 'draws.manage', 'selection.manage', 'sale.manage', 'units.convert'];

const POSTSALE_STAFF: Action[] = ['postsale.read', 'postsale.write', 'delivery.write', 'exits.decide', 'buyback.manage', 'fraud.decide'];

type Grant = { role: Role; action: Action; scope: Scope };
const grants = (roles: Role[], actions: Action[], scope: Scope): Grant[] =>
  roles.flatMap((role) => actions.map((action) => ({ role, action, scope })));

/** The whole table. Anything not listed is refused. */
export const POLICY: ReadonlyArray<Grant> = [
  ...grants(ALL_ROLES, ['law.read', 'rules.read', 'rules.eval', 'districts.read', 'public.results.read'], 'public'),
  ...grants(SIGNED_IN, ['auth.me', 'auth.logout'], 'self'),
  ...grants(['applicant'], MY, 'own'),
  ...grants(['district_staff'], [...STAFF_READS, ...STAFF_WRITES], 'district'),
  ...grants(['city_staff'], [...STAFF_READS, ...STAFF_WRITES, 'staff.audit.read', 'staff.audit.verify'], 'city'),
  // The auditor may read everything staff read, and the audit log, but changes nothing.
  ...grants(['auditor'], [...STAFF_READS, 'staff.audit.read', 'staff.audit.verify'], 'city'),
  // Sale. The implementer (项目实施主体) runs its own projects; the district approves district-level
  // prices and plans and the city approves city-level ones and confirms district prices (第十二条);
  // staff draw the lottery before the public and decide conversions (第十六条); the auditor reads.
  ...grants(ALL_ROLES, ['public.sale.read'], 'public'),
  ...grants(['implementer'], [...SALE_IMPLEMENTER, ...SALE_READS], 'own'),
  ...grants(['district_staff'], [...SALE_STAFF, ...SALE_READS], 'district'),
  ...grants(['city_staff'], [...SALE_STAFF, ...SALE_READS], 'city'),
  ...grants(['auditor'], SALE_READS, 'city'),
  // After the sale. The implementer records delivery (交房) of its own projects; staff of the
  // project's district (or the city) register titles, record events, decide exits and buybacks
  // (第二十四、二十六条: 市、区县住房城乡建设部门) and fraud (第三十一条); the auditor reads.
  ...grants(ALL_ROLES, ['public.buyback.read'], 'public'),
  ...grants(['implementer'], ['delivery.write', 'postsale.read'], 'own'),
  ...grants(['district_staff'], POSTSALE_STAFF, 'district'),
  ...grants(['city_staff'], POSTSALE_STAFF, 'city'),
  ...grants(['auditor'], ['postsale.read'], 'city'),
];

const INDEX = new Map<string, Scope>(POLICY.map((g) => [`${g.role}|${g.action}`, g.scope]));

/** The scope a role holds for an action, or undefined when the role may not do it at all. */
export function scopeOf(role: Role, action: Action): Scope | undefined {
  return INDEX.get(`${role}|${action}`);
}

/** What the target of an action looks like to the policy. */
export type Target = { ownerAccountId?: string; districtCode?: string };

export type Decision =
  | { ok: true; scope: Scope }
  | { ok: false; status: 401 | 403 | 404; reason: 'unauthenticated' | 'role' | 'district' | 'not_owner' };

/**
 * Decides whether `actor` (null when not signed in) may do `action`, on `target` when given.
 * Another family's application answers 404, not 403, so that its existence does not leak;
 * staff of another district get 403, because staff know the application exists from the lists.
 */
export function authorize(actor: Actor | null, action: Action, target?: Target): Decision {
  const role: Role = actor?.role ?? 'public';
  const scope = scopeOf(role, action);
  if (!scope) {
    return actor && actor.role !== 'public'
      ? { ok: false, status: 403, reason: 'role' }
      : { ok: false, status: 401, reason: 'unauthenticated' };
  }
  if (!target) return { ok: true, scope };
  if (scope === 'own' && target.ownerAccountId !== actor?.accountId) {
    return { ok: false, status: 404, reason: 'not_owner' };
  }
  if (scope === 'district' && (!actor?.districtCode || target.districtCode !== actor.districtCode)) {
    return { ok: false, status: 403, reason: 'district' };
  }
  return { ok: true, scope };
}

/**
 * For list queries with an optional `district` filter: which district the query must be
 * limited to (undefined = every district), or a refusal when district staff ask for another.
 */
export function districtFilter(actor: Actor, action: Action, requested?: string):
  { ok: true; district?: string } | { ok: false; status: 401 | 403 } {
  const d = authorize(actor, action);
  if (!d.ok) return { ok: false, status: d.status === 401 ? 401 : 403 };
  if (d.scope === 'district') {
    if (!actor.districtCode) return { ok: false, status: 403 };
    if (requested && requested !== actor.districtCode) return { ok: false, status: 403 };
    return { ok: true, district: actor.districtCode };
  }
  return { ok: true, district: requested || undefined };
}
