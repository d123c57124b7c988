/**
 * The family's side of the sale (docs/CONTRACT.md, "HTTP API of the sale", applicant): open
 * projects, registrations with 认购金 (第十一条), the selection turn (选房), the rolling sale
 * (第十六条) and contracts (第十三、十四条). Mutations refresh every ['my', …] query.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get, newIdempotencyKey, post, unwrapList } from './client';
import { type GridBuilding, type GridUnit, type SaleProject, normalizeGrid, normalizeProject, pick } from './sale-public';

type Obj = Record<string, unknown>;
const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
const num = (v: unknown) => (v === undefined || v === null || v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));
const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);

/** A unit a family holds, with the building's name when the server gives it. */
export interface HeldUnit extends Partial<GridUnit> {
  buildingName?: string;
}

/** The family's selection (选房结果): locked until signed or released. */
export interface MySelection {
  id: string;
  status: 'locked' | 'signed' | 'released' | string;
  kind?: 'round' | 'rolling' | string;
  unitId?: string;
  unit?: HeldUnit;
  projectId?: string;
  lockedAt?: string;
}

/** A contract (第十三、十四条). */
export interface MyContract {
  id: string;
  contractNo?: string;
  selectionId?: string;
  status: 'generated' | 'signed' | 'lapsed' | 'rescinded' | string;
  priceFen?: number;
  loanType?: 'provident_fund' | 'commercial' | 'none' | string;
  downPaymentFen?: number;
  loanFen?: number;
  depositCreditedFen?: number;
  /** 第三十条: on a resale, the maintenance fund the buyer pays in (0 on a first sale). */
  maintenanceFundDueFen?: number;
  deadlineOn?: string;
  generatedAt?: string;
  signedAt?: string;
  projectName?: string;
  unit?: HeldUnit;
  minimumFen?: number;
  pdfUrl?: string;
}

/** The family's turn in a selection batch. */
export interface Turn {
  batchNo?: number;
  closesAt?: string;
  opensAt?: string;
  open: boolean;
  outcome?: string;
}

/** A registration for a project (认购登记), with its 认购金 and what followed. */
export interface MyRegistration {
  id: string;
  regNo?: string;
  project: { id?: string; code?: string; name?: string; status?: string };
  status: 'pending_payment' | 'registered' | 'signed' | 'closed' | 'withdrawn' | 'refunded' | string;
  depositFen?: number;
  heldFen?: number;
  /** Refunds booked and not yet confirmed by the bank. */
  refundPendingFen?: number;
  refundedFen?: number;
  /** 认购金 credited against the price at signing (第十一条). */
  creditedFen?: number;
  rank?: number;
  pool?: string;
  drawId?: string;
  turn?: Turn;
  selection?: MySelection;
  contract?: MyContract;
  registeredAt?: string;
  paidAt?: string;
  closedReason?: string;
  /** End of the plan's registration window; the list is frozen only after it (withdrawal ends there). */
  windowClosesAt?: string;
}

/** An open project with the family's registration for it, if any. */
export interface MySaleProject extends SaleProject {
  registration?: MyRegistration;
}

/** The family's open selection turn with the grid to pick from. */
export interface MyTurn {
  projectId?: string;
  projectCode?: string;
  projectName?: string;
  registrationId?: string;
  batchNo?: number;
  closesAt?: string;
  rank?: number;
  /** True while the family can still pick (its call is waiting and the window has not closed). */
  open: boolean;
  /** waiting | selected | refused | no_show */
  outcome?: string;
  /** The family's live selection, if it already holds a unit (anywhere). */
  selection?: MySelection;
  grid: GridBuilding[];
}

function normalizeHeldUnit(raw: unknown): HeldUnit | undefined {
  const o = obj(raw);
  if (!o) return undefined;
  const b = obj(o.building);
  // A held unit (selection, contract) is not a grid unit: only what the answer names is kept.
  return {
    id: str(o.id), floor: num(o.floor), number: str(o.number), area: str(o.area), layout: str(o.layout), orientation: str(o.orientation),
    priceFen: num(pick(o, 'priceFen', 'price_fen')) ?? null,
    buildingName: str(pick(b, 'name') ?? pick(o, 'buildingName', 'building_name') ?? (typeof o.building === 'string' ? o.building : undefined)),
  };
}

/** Normalizes a selection. */
export function normalizeSelection(raw: unknown): MySelection | undefined {
  const w = obj(raw);
  if (!w) return undefined;
  const o = { ...w, ...(obj(w.selection) ?? {}) } as Obj;
  return {
    id: String(o.id),
    status: String(o.status ?? 'locked'),
    kind: str(o.kind),
    unitId: str(pick(o, 'unitId', 'unit_id') ?? pick(obj(o.unit), 'id')),
    // The registration list gives the unit flat (building, number, priceFen); the turn nests it.
    unit: normalizeHeldUnit(o.unit) ?? (o.number !== undefined
      ? { id: str(pick(o, 'unitId', 'unit_id')), number: String(o.number), priceFen: num(pick(o, 'priceFen', 'price_fen')) ?? null, buildingName: str(pick(o, 'building', 'buildingName')) }
      : undefined),
    projectId: str(pick(o, 'projectId', 'project_id')),
    lockedAt: str(pick(o, 'lockedAt', 'locked_at')),
  };
}

/** Normalizes a contract. */
export function normalizeContract(raw: unknown): MyContract | undefined {
  const w = obj(raw);
  if (!w) return undefined;
  const o = { ...w, ...(obj(w.contract) ?? {}) } as Obj;
  const check = obj(pick(o, 'downPaymentCheck', 'down_payment_check'));
  const checkValue = obj(check?.value) ?? check;
  const project = obj(o.project);
  return {
    id: String(o.id),
    contractNo: str(pick(o, 'contractNo', 'contract_no')),
    selectionId: str(pick(o, 'selectionId', 'selection_id')),
    status: String(o.status ?? 'generated'),
    priceFen: num(pick(o, 'priceFen', 'price_fen')),
    loanType: str(pick(o, 'loanType', 'loan_type')),
    downPaymentFen: num(pick(o, 'downPaymentFen', 'down_payment_fen')),
    loanFen: num(pick(o, 'loanFen', 'loan_fen')),
    depositCreditedFen: num(pick(o, 'depositCreditedFen', 'deposit_credited_fen')),
    maintenanceFundDueFen: num(pick(o, 'maintenanceFundDueFen', 'maintenance_fund_due_fen')),
    deadlineOn: str(pick(o, 'deadlineOn', 'deadline_on')),
    generatedAt: str(pick(o, 'generatedAt', 'generated_at')),
    signedAt: str(pick(o, 'signedAt', 'signed_at')),
    projectName: str(pick(project, 'name') ?? pick(o, 'projectName')),
    unit: normalizeHeldUnit(o.unit),
    minimumFen: num(pick(o, 'minimumDownPaymentFen', 'minimumFen') ?? pick(checkValue, 'minimum')),
    pdfUrl: str(pick(o, 'pdfUrl', 'pdf_url')),
  };
}

/** Normalizes a registration of GET /api/my/registrations. */
export function normalizeRegistration(raw: unknown): MyRegistration {
  const w = (obj(raw) ?? {}) as Obj;
  const o = { ...w, ...(obj(w.registration) ?? {}) } as Obj;
  const p = obj(o.project);
  const turn = obj(o.turn);
  const held = pick(o, 'heldFen', 'held_fen', 'held');
  return {
    id: String(o.id),
    regNo: str(pick(o, 'regNo', 'reg_no')),
    project: {
      id: str(pick(p, 'id') ?? pick(o, 'projectId', 'project_id')),
      code: str(pick(p, 'code') ?? pick(o, 'projectCode', 'project_code')),
      name: str(pick(p, 'name') ?? pick(o, 'projectName', 'project_name') ?? (typeof o.project === 'string' ? o.project : undefined)),
      status: str(pick(p, 'status')),
    },
    status: String(o.status ?? 'pending_payment'),
    depositFen: num(pick(o, 'depositFen', 'deposit_fen')),
    heldFen: typeof held === 'boolean' ? (held ? num(pick(o, 'depositFen', 'deposit_fen')) : 0) : num(held),
    refundPendingFen: num(pick(o, 'refundPendingFen', 'refund_pending_fen')),
    refundedFen: num(pick(o, 'refundedFen', 'refunded_fen')),
    creditedFen: num(pick(o, 'creditedFen', 'credited_fen')),
    rank: num(o.rank),
    pool: str(o.pool),
    drawId: str(pick(o, 'drawId', 'draw_id')),
    turn: turn
      ? {
          batchNo: num(pick(turn, 'batchNo', 'batch_no')),
          closesAt: str(pick(turn, 'closesAt', 'closes_at')),
          opensAt: str(pick(turn, 'opensAt', 'opens_at')),
          open: Boolean(turn.open),
          outcome: str(turn.outcome),
        }
      : undefined,
    selection: normalizeSelection(o.selection),
    contract: normalizeContract(o.contract),
    registeredAt: str(pick(o, 'registeredAt', 'registered_at')),
    paidAt: str(pick(o, 'paidAt', 'paid_at')),
    closedReason: str(pick(o, 'closedReason', 'closed_reason')),
    windowClosesAt: str(pick(obj(o.plan), 'registrationClosesAt', 'registration_closes_at', 'closesAt')),
  };
}

/** Projects whose registration window is open, with the family's registration if any. */
export function useMySaleProjects() {
  return useQuery({
    queryKey: ['my', 'sale', 'projects'],
    queryFn: async () =>
      unwrapList<Obj>(await get('/api/my/sale/projects'), 'projects').map((raw): MySaleProject => {
        const reg = pick(raw, 'registration', 'myRegistration', 'my_registration');
        return { ...normalizeProject(raw), registration: reg ? normalizeRegistration(reg) : undefined };
      }),
  });
}

/** The family's registrations (all projects). */
export function useMyRegistrations() {
  return useQuery({
    queryKey: ['my', 'registrations'],
    queryFn: async () => unwrapList<unknown>(await get('/api/my/registrations'), 'registrations').map(normalizeRegistration),
  });
}

/** The family's open selection turn, or null when it has none (404 or an empty answer). */
export function useMyTurn(opts: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: ['my', 'selection'],
    refetchInterval: opts.refetchInterval,
    queryFn: async (): Promise<MyTurn | null> => {
      let raw: unknown;
      try {
        raw = await get('/api/my/selection');
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.code === 'NO_TURN' || e.code === 'NOT_YOUR_TURN')) return null;
        throw e;
      }
      const w = obj(raw);
      const o = obj(w?.turn) ?? w;
      if (!o) return null;
      const batch = obj(o.batch);
      const project = obj(o.project);
      return {
        projectId: str(pick(o, 'projectId', 'project_id') ?? pick(project, 'id')),
        projectCode: str(pick(project, 'code') ?? pick(o, 'projectCode')),
        projectName: str(pick(project, 'name') ?? pick(o, 'projectName')),
        registrationId: str(pick(o, 'registrationId', 'registration_id') ?? pick(batch, 'registrationId')),
        batchNo: num(pick(batch, 'batchNo', 'batch_no') ?? pick(o, 'batchNo')),
        closesAt: str(pick(o, 'closesAt', 'closes_at') ?? pick(batch, 'closesAt', 'closes_at')),
        rank: num(o.rank),
        open: o.open === undefined ? str(o.outcome) === undefined || o.outcome === 'waiting' : Boolean(o.open),
        outcome: str(o.outcome),
        selection: normalizeSelection(o.selection),
        grid: normalizeGrid(o.grid),
      };
    },
  });
}

/** The unit the family holds now (a round or a rolling sale), or null: survives a reload before the contract. */
export function useMyLiveSelection() {
  return useQuery({
    queryKey: ['my', 'selections', 'current'],
    queryFn: async (): Promise<MySelection | null> => normalizeSelection(await get('/api/my/selections/current')) ?? null,
  });
}

/** The family's contracts. */
export function useMyContracts() {
  return useQuery({
    queryKey: ['my', 'contracts'],
    queryFn: async () => unwrapList<unknown>(await get('/api/my/contracts'), 'contracts').map((c) => normalizeContract(c)!),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: ['my'] }), qc.invalidateQueries({ queryKey: ['public'] })]);
}

/**
 * Registers for a project (认购登记). The key is kept per project for the life of the page, so
 * a retry after a lost answer returns the same registration instead of a second one.
 */
const registerKeys = new Map<string, string>();
export function useRegisterForProject() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async (projectId: string) => {
      if (!registerKeys.has(projectId)) registerKeys.set(projectId, newIdempotencyKey());
      return normalizeRegistration(await post('/api/my/registrations', { projectId }, { 'Idempotency-Key': registerKeys.get(projectId)! }));
    },
    onSuccess: done,
  });
}

/** Starts paying the 认购金: an order at the gateway and the page to pay on. */
export function useStartPayment() {
  return useMutation({
    mutationFn: async (registrationId: string) => {
      const r = await post<Obj>(`/api/my/registrations/${registrationId}/pay`, {}, { 'Idempotency-Key': newIdempotencyKey() });
      return { orderNo: String(pick(r, 'orderNo', 'order_no') ?? ''), payUrl: String(pick(r, 'payUrl', 'pay_url') ?? '') };
    },
  });
}

/** Withdraws a registration before the list is frozen; the held 认购金 is refunded. */
export function useWithdrawRegistration() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async (registrationId: string) =>
      normalizeRegistration(await post(`/api/my/registrations/${registrationId}/withdraw`, {}, { 'Idempotency-Key': newIdempotencyKey() })),
    onSuccess: done,
  });
}

/** Picks a unit in the open turn (409 UNIT_TAKEN / ALREADY_HOLDS_UNIT / NOT_YOUR_TURN). */
export function useSelectUnit() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async ({ unitId, rolling }: { unitId: string; rolling?: boolean }) =>
      normalizeSelection(await post(rolling ? '/api/my/rolling-selections' : '/api/my/selections', { unitId }, { 'Idempotency-Key': newIdempotencyKey() }))!,
    onSuccess: done,
  });
}

/** Gives up this turn (放弃本次选房). */
export function useRefuseTurn() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async (registrationId: string) => post<unknown>('/api/my/selections/refuse', { registrationId }, { 'Idempotency-Key': newIdempotencyKey() }),
    onSuccess: done,
  });
}

/** Generates (or regenerates before signing) the contract for a locked selection. */
export function useGenerateContract() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async ({ selectionId, loanType, downPaymentFen }: { selectionId: string; loanType: string; downPaymentFen: number }) =>
      normalizeContract(await post(`/api/my/selections/${selectionId}/contract`, { loanType, downPaymentFen }, { 'Idempotency-Key': newIdempotencyKey() }))!,
    onSuccess: done,
  });
}

/** Signs a generated contract (签约). */
export function useSignContract() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async (contractId: string) =>
      normalizeContract(await post(`/api/my/contracts/${contractId}/sign`, {}, { 'Idempotency-Key': newIdempotencyKey() }))!,
    onSuccess: done,
  });
}

/** The verdict of rule housing.down-payment (第十三条). */
export interface DownPaymentVerdict {
  ok: boolean;
  minimum: number;
  ratio: string;
}

/**
 * Evaluates the public rule housing.down-payment live as the family types, so the page shows
 * the same minimum the server will enforce when the contract is generated (第十三条).
 */
export function useDownPaymentRule(input: { price?: number; downPayment?: number | null; loanType: string }) {
  const ready = input.price !== undefined && input.price > 0;
  return useQuery({
    queryKey: ['rule', 'housing.down-payment', input.price, input.downPayment ?? 0, input.loanType],
    enabled: ready,
    placeholderData: (prev) => prev,
    queryFn: async () => {
      const r = await post<Obj>('/api/rules/housing.down-payment/eval', {
        input: { price: input.price, downPayment: Math.min(input.downPayment ?? 0, input.price ?? 0), loanType: input.loanType },
      });
      const v = (obj(r.value) ?? {}) as Obj;
      return { ok: Boolean(v.ok), minimum: num(v.minimum) ?? 0, ratio: String(v.ratio ?? '') } as DownPaymentVerdict;
    },
  });
}
