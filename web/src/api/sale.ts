/**
 * Typed calls of the sale API (docs/CONTRACT.md, "HTTP API of the sale") used by the implementer
 * and staff pages. Money is integer fen (fields ending in `Fen`); areas and coefficients are
 * decimal strings. Optional fields are those the contract leaves open.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get, newIdempotencyKey, post, unwrapList } from './client';
import { type GridBuilding, normalizeGrid } from './sale-public';

export type { GridBuilding, GridUnit, UnitStatus } from './sale-public';

/** Units counted by status. */
export type UnitCounts = Record<'draft' | 'available' | 'reserved' | 'sold' | 'converted' | 'total', number>;

/** A project as listed (GET /api/projects). */
export interface Project {
  id: string;
  code: string;
  name: string;
  level: 'city' | 'district' | string;
  districtCode: string;
  districtName?: string;
  saleMode: 'presale' | 'completed' | string;
  address: string;
  status: 'draft' | 'selling' | 'rolling' | 'ended' | string;
  deliveryOn?: string | null;
  propertyService?: string | null;
  saleEndedOn?: string | null;
  createdAt?: string;
  counts?: UnitCounts;
}

/** A price approval (第十二条), without its schedule. */
export interface PriceApproval {
  id: string;
  status: 'submitted' | 'district_approved' | 'approved' | 'rejected' | string;
  basePricePerM2Fen: number;
  floatRange: string;
  scheduleSha256?: string;
  submittedAt?: string;
  districtApprovedAt?: string | null;
  cityApprovedAt?: string | null;
  rejectedReason?: string | null;
  approvalNo?: string | null;
}

/** A pool of a sale plan: a share (decimal string) or a quota of the units, for priority families or all (第六条). */
export interface PlanPool { label: string; share?: string; quota?: number | 'all'; eligibility: 'priority' | 'all' | string }

/** A sale plan (配售方案) of one round. */
export interface SalePlan {
  id: string;
  round: number;
  registrationOpensAt: string;
  registrationClosesAt: string;
  drawOn: string;
  depositFen: number;
  pools: PlanPool[];
  batchSize: number;
  windowMinutes: number;
  contractDeadlineDays: number;
  documents?: string | null;
  status: 'draft' | 'submitted' | 'approved' | 'published' | 'rejected' | string;
  submittedAt?: string | null;
  approvedAt?: string | null;
  rejectedReason?: string | null;
  noticeNo?: string | null;
  publishedAt?: string | null;
}

/** A draw as listed in the project detail. */
export interface DrawSummary {
  id: string;
  round: number;
  attempt: number;
  status: 'frozen' | 'drawn' | 'void' | string;
  entrantCount: number;
  frozenAt?: string;
  drawnAt?: string | null;
  voidReason?: string | null;
}

/** The staff view of a draw (GET /api/draws/:id). */
export interface DrawView extends DrawSummary {
  projectId: string;
  projectCode?: string;
  noticeNo?: string | null;
  pools?: { label: string; quota: number | 'all' }[];
  listDigest: string;
  commitment: string;
  beacon?: string | null;
  seed?: string | null;
  serverSecret?: string | null;
  rankCount?: number;
}

/** A building with its unit counts. */
export interface BuildingSummary { id: string; name: string; floors: number; completedOn?: string | null; counts?: UnitCounts }

/** GET /api/projects/:id. */
export interface ProjectDetail {
  project: Project;
  buildings: BuildingSummary[];
  counts: UnitCounts;
  priceApprovals: PriceApproval[];
  plans: SalePlan[];
  draws: DrawSummary[];
}

/** One called family on the selection board (names masked as on public lists, 第七条). */
export interface BoardCall {
  registrationId: string;
  regNo: string;
  rank: number;
  maskedName?: string | null;
  outcome: 'waiting' | 'selected' | 'refused' | 'no_show' | string;
  at?: string | null;
  note?: string | null;
  pool?: string | null;
  /** The unit the family chose (an object, or "1号楼 1203" in older answers). */
  unit?: string | { id?: string; buildingName?: string; number?: string } | null;
  unitLabel?: string | null;
  selectionStatus?: string | null;
}

/** A selection batch (选房批次) with its calls. */
export interface BoardBatch {
  id: string;
  batchNo: number;
  fromRank: number;
  toRank: number;
  opensAt: string;
  closesAt: string;
  status: 'open' | 'closed' | string;
  closedAt?: string | null;
  calls: BoardCall[];
}

/** "1号楼 1203" from a board row's unit, whichever way the API sent it. */
export function unitText(row: { unit?: string | { id?: string; buildingName?: string; number?: string } | null; unitLabel?: string | null }): string | null {
  if (row.unitLabel) return row.unitLabel;
  if (!row.unit) return null;
  return typeof row.unit === 'string' ? row.unit : `${row.unit.buildingName ?? ''} ${row.unit.number ?? ''}`.trim();
}

/** GET /api/projects/:id/selection. */
export interface SelectionBoard {
  project?: { id: string; status: string };
  draw?: { id: string; round: number; attempt: number; status: string; entrantCount: number } | null;
  units?: Record<string, number>;
  unitsLeft?: number;
  ranks?: { total: number; calledThrough: number };
  batches: BoardBatch[];
  rolling?: { id: string; maskedName?: string | null; unit: string | { buildingName?: string; number?: string }; unitLabel?: string; status: string; lockedAt: string }[];
}

/** One registration's line in the reconciliation (fen). */
export interface ReconRow {
  registrationId: string;
  regNo?: string;
  status?: string;
  paid: number;
  credited: number;
  refunded: number;
  held: number;
  /** What the registration's status says should be held (its 认购金 while registered, else 0). */
  expectedHeld?: number;
  /** Refunds booked, not yet confirmed by the bank. */
  refundPending?: number;
  ok?: boolean;
}

/** GET /api/projects/:id/reconciliation: paid = credited + refunded + held. */
export interface Reconciliation {
  paid: number;
  credited: number;
  refunded: number;
  held: number;
  heldByRegistrations: number;
  refundsInFlight?: { count: number; amountFen: number };
  balanced: boolean;
  rows: ReconRow[];
}

/** A line of the 第十七条 fund ledger. */
export interface FundEntry {
  id: number | string;
  source: string;
  direction: 'in' | 'out' | string;
  amountFen: number;
  occurredOn: string;
  memo: string;
  reference: string;
  recordedAt?: string;
}

/** GET /api/projects/:id/funds. */
export interface Funds {
  entries: FundEntry[];
  totals: { in?: number; out?: number; balance?: number; bySource: Record<string, number | { in?: number; out?: number; balance?: number }> };
}

/** A contract as staff and the implementer list it (the buyer masked). */
export interface StaffContract {
  id: string;
  contractNo: string;
  status: 'generated' | 'signed' | 'lapsed' | 'rescinded' | string;
  unit: { id: string; building: string; floor: number; number: string; area: string; layout: string; orientation: string };
  priceFen: number;
  loanType: string;
  downPaymentFen: number;
  loanFen: number;
  depositCreditedFen: number;
  minimumDownPaymentFen?: number;
  deadlineOn: string;
  generatedAt: string;
  signedAt?: string | null;
  buyer?: { regCode: string; maskedName?: string | null };
  /** The contract PDF (第十四条 示范文本) as staff fetch it. */
  pdfUrl?: string;
}
// ---- calls ----

const unwrap = <T>(v: unknown, key: string): T => {
  if (v && typeof v === 'object' && key in (v as object) && !Array.isArray(v)) {
    const inner = (v as Record<string, unknown>)[key];
    if (inner && typeof inner === 'object') return inner as T;
  }
  return v as T;
};
const idem = () => ({ 'Idempotency-Key': newIdempotencyKey() });

/** Projects in the reader's scope (implementer: own; district staff: district; city staff, auditor: all). */
export function useProjects() {
  return useQuery({ queryKey: ['sale', 'projects'], queryFn: async () => unwrapList<Project>(await get('/api/projects'), 'projects') });
}

/** One project in detail; wrapped or flat answers both read as {project, buildings, …}. */
export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: ['sale', 'project', id],
    enabled: Boolean(id),
    queryFn: async (): Promise<ProjectDetail> => {
      const r = await get<Record<string, unknown>>(`/api/projects/${id}`);
      const project = (r.project ?? r) as Project;
      return {
        project,
        buildings: unwrapList<BuildingSummary>(r.buildings),
        counts: (r.counts ?? project.counts) as UnitCounts,
        priceApprovals: unwrapList<PriceApproval>(r.priceApprovals),
        plans: unwrapList<SalePlan>(r.plans),
        draws: unwrapList<DrawSummary>(r.draws),
      };
    },
  });
}

/** The unit grid of a project (every status, prices included). */
export function useGrid(id: string | undefined) {
  return useQuery({ queryKey: ['sale', 'grid', id], enabled: Boolean(id), queryFn: async (): Promise<GridBuilding[]> => normalizeGrid(await get(`/api/projects/${id}/grid`)) });
}

/** One sale plan in full (pools, batches, documents); the project detail lists plans in short. */
export function useSalePlan(id: string | undefined) {
  return useQuery({ queryKey: ['sale', 'plan', id], enabled: Boolean(id), queryFn: async () => unwrap<SalePlan>(await get(`/api/sale-plans/${id}`), 'plan') });
}

/** Staff view of a draw. */
export function useDraw(id: string | undefined) {
  return useQuery({ queryKey: ['sale', 'draw', id], enabled: Boolean(id), queryFn: async () => unwrap<DrawView>(await get(`/api/draws/${id}`), 'draw') });
}

/** The selection board; refreshed every 15 s while the page is open (families pick in the meantime). */
export function useSelectionBoard(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['sale', 'selection', id],
    enabled: Boolean(id) && enabled,
    refetchInterval: 15_000,
    queryFn: async () => {
      const r = await get<Record<string, unknown>>(`/api/projects/${id}/selection`);
      const b = unwrap<SelectionBoard>(r, 'board');
      return { ...b, batches: unwrapList<BoardBatch>(b.batches).map((x) => ({ ...x, calls: unwrapList<BoardCall>(x.calls) })) } as SelectionBoard;
    },
  });
}

const n0 = (v: unknown) => (v === undefined || v === null || v === '' ? 0 : Number(v));
const first = (o: Record<string, unknown>, ...keys: string[]) => keys.map((k) => o[k]).find((v) => v !== undefined && v !== null);

/** Reads a reconciliation answer; amounts may be named `paid` or `paidFen`. */
export function normalizeRecon(r: Record<string, unknown>): Reconciliation {
  const amt = (o: Record<string, unknown>, k: string) => n0(first(o, k, `${k}Fen`));
  return {
    paid: amt(r, 'paid'), credited: amt(r, 'credited'), refunded: amt(r, 'refunded'), held: amt(r, 'held'),
    heldByRegistrations: amt(r, 'heldByRegistrations'),
    refundsInFlight: r.refundsInFlight as Reconciliation['refundsInFlight'],
    balanced: Boolean(r.balanced),
    rows: unwrapList<Record<string, unknown>>(r.rows).map((x) => ({
      registrationId: String(first(x, 'registrationId', 'id') ?? ''),
      regNo: first(x, 'regNo', 'entrantId') as string | undefined,
      status: first(x, 'status') as string | undefined,
      paid: amt(x, 'paid'), credited: amt(x, 'credited'), refunded: amt(x, 'refunded'), held: amt(x, 'held'),
      expectedHeld: x.expectedHeld === undefined ? undefined : amt(x, 'expectedHeld'),
      refundPending: x.refundPending === undefined ? undefined : amt(x, 'refundPending'),
      ok: x.ok === undefined ? undefined : Boolean(x.ok),
    })),
  };
}

/** 认购金 reconciliation of a project. */
export function useReconciliation(id: string | undefined, enabled = true) {
  return useQuery({ queryKey: ['sale', 'recon', id], enabled: Boolean(id) && enabled, queryFn: async () => normalizeRecon(await get(`/api/projects/${id}/reconciliation`)) });
}

/** Totals by source as {in, out, net} in fen, whether the API sends numbers (net) or {in, out}. */
export function fundTotals(f: Funds): { source: string; in: number; out: number; net: number }[] {
  return Object.entries(f.totals?.bySource ?? {}).map(([source, v]) => {
    if (typeof v === 'number' || typeof v === 'string') return { source, in: Math.max(Number(v), 0), out: Math.max(-Number(v), 0), net: Number(v) };
    const i = n0(first(v as Record<string, unknown>, 'in', 'inFen'));
    const o = n0(first(v as Record<string, unknown>, 'out', 'outFen'));
    const net = first(v as Record<string, unknown>, 'balance', 'net', 'netFen');
    return { source, in: i, out: o, net: net !== undefined ? n0(net) : i - o };
  });
}

/** 第十七条 fund ledger of a project. */
export function useFunds(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['sale', 'funds', id],
    enabled: Boolean(id) && enabled,
    queryFn: async (): Promise<Funds> => {
      const r = await get<Record<string, unknown>>(`/api/projects/${id}/funds`);
      return { entries: unwrapList<FundEntry>(r.entries ?? r), totals: (r.totals as Funds['totals']) ?? { bySource: {} } };
    },
  });
}

/** Contracts of a project. */
export function useProjectContracts(id: string | undefined, enabled = true) {
  return useQuery({ queryKey: ['sale', 'contracts', id], enabled: Boolean(id) && enabled, queryFn: async () => unwrapList<StaffContract>(await get(`/api/projects/${id}/contracts`), 'contracts') });
}

/**
 * A POST of the sale console. Every call carries a fresh Idempotency-Key; on success every sale
 * query is refetched (a decision on one tab changes counts and statuses on the others).
 */
export function useSalePost<R = unknown>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ path, body }: { path: string; body?: unknown }) => post<R>(path, body ?? {}, idem()),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['sale'] }),
  });
}

/** MIME type of an xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A row error of an import: sheet row number (1 = header), field and message. */
export interface ImportRowError { row: number; field?: string; message_zh?: string; message?: string }

/** Uploads an xlsx of units (raw body); all or nothing. A 400 carries details.errors with the rows. */
export function useImportUnits(projectId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (file: Blob): Promise<{ created: number }> => {
      let res: Response;
      try {
        res = await fetch(`/api/projects/${projectId}/units/import`, {
          method: 'POST', credentials: 'include', body: file, headers: { 'Content-Type': XLSX_TYPE, Accept: 'application/json', ...idem() },
        });
      } catch {
        throw new ApiError(0, { code: 'NETWORK', message: 'Network error', message_zh: '网络连接失败，请检查网络后重试' });
      }
      const json = await res.json().catch(() => ({}));
      if (!res.ok) throw new ApiError(res.status, json);
      return json as { created: number };
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['sale'] }),
  });
}

/** The row errors an import answer carries (empty when none). */
export function importErrors(e: unknown): ImportRowError[] {
  if (!(e instanceof ApiError)) return [];
  const errs = e.details.errors;
  return Array.isArray(errs) ? (errs as ImportRowError[]) : [];
}
