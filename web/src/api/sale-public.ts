/**
 * Public data of the sale (no sign-in): published projects, a project's sale notice, unit grid
 * and draws, and the simulated bank's payment page (docs/CONTRACT.md, "HTTP API of the sale").
 * The server's presenters are written at the same time as these pages; the normalizers accept
 * camelCase or snake_case and a few wrappings, so a rename does not blank a page.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { get, newIdempotencyKey, post, unwrapList } from './client';

type Obj = Record<string, unknown>;

/** First defined value among the keys. */
export function pick(o: Obj | null | undefined, ...keys: string[]): unknown {
  if (!o) return undefined;
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) return o[k];
  return undefined;
}
const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
const num = (v: unknown) => (v === undefined || v === null || v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));
const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);

/** Unit status: draft (no approved price) → available → reserved → sold; available → converted (第十六条); bought_back until resold (第三十条). */
export type UnitStatus = 'draft' | 'available' | 'reserved' | 'sold' | 'converted' | 'bought_back';

/**
 * One unit of the grid, the one shape of GET /api/projects/:id/grid, the public project page and
 * the family's turn (src/commands/projects/grid.ts). Area and coefficient are decimal strings.
 */
export interface GridUnit {
  id: string;
  floor: number;
  number: string;
  area: string;
  layout: string;
  orientation: string;
  coefficient: string | null;
  /** Integer fen; null until a price is approved. */
  priceFen: number | null;
  status: UnitStatus | string;
  /** 第三十条: a bought-back unit offered again, priced by its approved resale offer (≥ buyback price + renovation), not by 第十二条. */
  resale: boolean;
}
/** One building with its units (floor by floor, room numbers in natural order). */
export interface GridBuilding {
  id: string;
  name: string;
  floors: number;
  completedOn: string | null;
  units: GridUnit[];
}

/** A pool of the sale plan: a share or a quota of the units, for priority families or all (第六条). */
export interface PlanPool {
  label: string;
  share?: string;
  quota?: number | 'all';
  eligibility: 'priority' | 'all' | string;
}

/** The published sale plan (配售方案) with its notice number. */
export interface PublicPlan {
  id?: string;
  round: number;
  noticeNo?: string;
  opensAt?: string;
  closesAt?: string;
  drawOn?: string;
  depositFen?: number;
  pools: PlanPool[];
  batchSize?: number;
  windowMinutes?: number;
  contractDeadlineDays?: number;
  documents?: string;
  publishedAt?: string;
}

/** A draw as the public sees it: committed before, revealed after (QLOT-1). */
export interface PublicDraw {
  id: string;
  round: number;
  attempt: number;
  status: 'frozen' | 'drawn' | 'void' | string;
  listDigest?: string;
  commitment?: string;
  entrantCount?: number;
  beacon?: string;
  seed?: string;
  /** The secret committed to before the draw, revealed by it (QLOT-1 §3). */
  serverSecret?: string;
  voidReason?: string;
  frozenAt?: string;
  drawnAt?: string;
  voidedAt?: string;
  pools?: { label: string; quota: number | 'all' }[];
}

/** A project in a list (public or the family's open projects). */
export interface SaleProject {
  id?: string;
  code: string;
  name: string;
  district?: string;
  districtCode?: string;
  level?: string;
  saleMode?: string;
  status?: string;
  address?: string;
  opensAt?: string;
  closesAt?: string;
  drawOn?: string;
  depositFen?: number;
  unitsOffered?: number;
  unitsSold?: number;
  unitsAvailable?: number;
  noticeNo?: string;
  deliveryOn?: string;
  propertyService?: string;
}

/** A project's public page: the project, its published plan, grid and draws. */
export interface PublicProjectDetail {
  project: SaleProject;
  plan: PublicPlan | null;
  grid: GridBuilding[];
  draws: PublicDraw[];
}

/** The grid as the server sends it (a list of buildings, see GridBuilding); anything else is no grid. */
export function normalizeGrid(raw: unknown): GridBuilding[] {
  return Array.isArray(raw) ? (raw as GridBuilding[]) : [];
}

/** Normalizes a sale plan. */
export function normalizePlan(raw: unknown): PublicPlan | null {
  const o = obj(raw);
  if (!o) return null;
  const win = obj(o.window);
  return {
    id: str(o.id),
    round: num(o.round) ?? 1,
    noticeNo: str(pick(o, 'noticeNo', 'notice_no')),
    opensAt: str(pick(win, 'opensAt', 'from') ?? pick(o, 'registrationOpensAt', 'registration_opens_at', 'opensAt')),
    closesAt: str(pick(win, 'closesAt', 'to') ?? pick(o, 'registrationClosesAt', 'registration_closes_at', 'closesAt')),
    drawOn: str(pick(o, 'drawOn', 'draw_on')),
    depositFen: num(pick(o, 'depositFen', 'deposit_fen')),
    pools: unwrapList<PlanPool>(o.pools ?? []),
    batchSize: num(pick(o, 'batchSize', 'batch_size')),
    windowMinutes: num(pick(o, 'windowMinutes', 'window_minutes')),
    contractDeadlineDays: num(pick(o, 'contractDeadlineDays', 'contract_deadline_days')),
    documents: str(o.documents),
    publishedAt: str(pick(o, 'publishedAt', 'published_at')),
  };
}

/** Normalizes a public draw. */
export function normalizeDraw(raw: unknown): PublicDraw {
  const o = (obj(raw) ?? {}) as Obj;
  return {
    id: String(o.id),
    round: num(o.round) ?? 1,
    attempt: num(o.attempt) ?? 1,
    status: String(o.status ?? 'frozen'),
    listDigest: str(pick(o, 'listDigest', 'list_digest')),
    commitment: str(o.commitment),
    entrantCount: num(pick(o, 'entrantCount', 'entrant_count')),
    beacon: str(o.beacon),
    seed: str(o.seed),
    serverSecret: str(pick(o, 'serverSecret', 'server_secret')),
    voidReason: str(pick(o, 'voidReason', 'void_reason')),
    frozenAt: str(pick(o, 'frozenAt', 'frozen_at')),
    drawnAt: str(pick(o, 'drawnAt', 'drawn_at')),
    voidedAt: str(pick(o, 'voidedAt', 'voided_at')),
    pools: Array.isArray(o.pools) ? (o.pools as PublicDraw['pools']) : undefined,
  };
}

/** Normalizes a project of a list; plan fields may sit on the project or in `plan`. */
export function normalizeProject(raw: unknown): SaleProject {
  const w = (obj(raw) ?? {}) as Obj;
  const o = { ...w, ...(obj(w.project) ?? {}) } as Obj;
  const plan = normalizePlan(pick(o, 'plan', 'currentPlan'));
  const win = obj(o.window);
  const units = obj(o.units) ?? obj(o.unitCounts);
  const district = obj(o.district);
  return {
    id: str(o.id),
    code: String(o.code ?? ''),
    name: String(o.name ?? ''),
    district: str(pick(district, 'name') ?? pick(o, 'districtName', 'district_name') ?? (typeof o.district === 'string' ? o.district : undefined)),
    districtCode: str(pick(district, 'code') ?? pick(o, 'districtCode', 'district_code')),
    level: str(o.level),
    saleMode: str(pick(o, 'saleMode', 'sale_mode')),
    status: str(o.status),
    address: str(o.address),
    opensAt: str(pick(win, 'opensAt', 'registrationOpensAt', 'from') ?? pick(o, 'registrationOpensAt', 'opensAt') ?? plan?.opensAt),
    closesAt: str(pick(win, 'closesAt', 'registrationClosesAt', 'to') ?? pick(o, 'registrationClosesAt', 'closesAt') ?? plan?.closesAt),
    drawOn: str(pick(win, 'drawOn') ?? pick(o, 'drawOn', 'draw_on') ?? plan?.drawOn),
    depositFen: num(pick(o, 'depositFen', 'deposit_fen') ?? plan?.depositFen),
    unitsOffered: num(pick(units, 'offered', 'total') ?? pick(o, 'unitsOffered', 'units_offered', 'offered')),
    unitsSold: num(pick(units, 'sold') ?? pick(o, 'unitsSold', 'units_sold', 'sold')),
    unitsAvailable: num(pick(units, 'available') ?? pick(o, 'unitsAvailable', 'units_available', 'available')),
    noticeNo: str(pick(o, 'noticeNo', 'notice_no') ?? plan?.noticeNo),
    deliveryOn: str(pick(o, 'deliveryOn', 'delivery_on')),
    propertyService: str(pick(o, 'propertyService', 'property_service')),
  };
}

/** Normalizes GET /api/public/projects/:code. */
export function normalizeProjectDetail(raw: unknown): PublicProjectDetail {
  const o = (obj(raw) ?? {}) as Obj;
  const plan = normalizePlan(pick(o, 'plan', 'currentPlan') ?? pick(obj(o.project), 'plan'));
  const project = normalizeProject(o);
  return {
    project: {
      ...project,
      depositFen: project.depositFen ?? plan?.depositFen,
      opensAt: project.opensAt ?? plan?.opensAt,
      closesAt: project.closesAt ?? plan?.closesAt,
      noticeNo: project.noticeNo ?? plan?.noticeNo,
    },
    plan,
    grid: normalizeGrid(o.grid),
    draws: unwrapList<unknown>(o.draws ?? []).map(normalizeDraw),
  };
}

/** Published projects (配售项目). */
export function usePublicProjects() {
  return useQuery({
    queryKey: ['public', 'projects'],
    queryFn: async () => unwrapList<unknown>(await get('/api/public/projects'), 'projects').map(normalizeProject),
  });
}

/** One published project by its code. */
export function usePublicProject(code: string | undefined) {
  return useQuery({
    queryKey: ['public', 'projects', code],
    enabled: Boolean(code),
    queryFn: async () => normalizeProjectDetail(await get(`/api/public/projects/${encodeURIComponent(code ?? '')}`)),
  });
}

/** What the simulated bank shows on its payment page. */
export interface SimBankOrder {
  orderNo: string;
  amountFen: number;
  status: 'open' | 'pending' | 'paid' | 'expired' | string;
  bank?: string;
  subject?: string;
  payee?: string;
  projectName?: string;
  regNo?: string;
  createdAt?: string;
  paidAt?: string;
  returnUrl?: string;
}

/** Normalizes the simulated bank's order. */
export function normalizeSimBankOrder(raw: unknown): SimBankOrder {
  const w = (obj(raw) ?? {}) as Obj;
  const o = { ...w, ...(obj(w.order) ?? {}) } as Obj;
  const project = obj(o.project);
  const reg = obj(o.registration);
  return {
    orderNo: String(pick(o, 'orderNo', 'order_no') ?? ''),
    amountFen: num(pick(o, 'amountFen', 'amount_fen')) ?? 0,
    status: String(o.status ?? 'pending'),
    bank: str(o.bank),
    subject: str(pick(o, 'subject', 'description')),
    payee: str(pick(o, 'payee', 'merchant', 'merchantName')),
    projectName: str(pick(project, 'name') ?? pick(o, 'projectName', 'project_name') ?? (typeof o.project === 'string' ? o.project : undefined)),
    regNo: str(pick(reg, 'regNo') ?? pick(o, 'regNo', 'reg_no')),
    createdAt: str(pick(o, 'createdAt', 'created_at')),
    paidAt: str(pick(o, 'paidAt', 'paid_at')),
    returnUrl: str(pick(o, 'returnUrl', 'return_url')),
  };
}

/** The simulated bank's order (its own public page, like a real bank's checkout). */
export function useSimBankOrder(orderNo: string | undefined) {
  return useQuery({
    queryKey: ['sim-bank', orderNo],
    enabled: Boolean(orderNo),
    queryFn: async () => normalizeSimBankOrder(await get(`/api/sim-bank/orders/${encodeURIComponent(orderNo ?? '')}`)),
  });
}

/** "确认支付": the bank takes the money and sends its signed callback to the platform. */
export function useSimBankPay() {
  return useMutation({
    mutationFn: async (orderNo: string) =>
      post<unknown>(`/api/sim-bank/orders/${encodeURIComponent(orderNo)}/pay`, {}, { 'Idempotency-Key': newIdempotencyKey() }),
  });
}
