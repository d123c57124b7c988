/**
 * One whole buyback (济政发〔2025〕3号 第二十四至二十九条) through the real commands, as a clerk and the
 * family do it: the family applies (第二十四条); staff run the 第二十五条 data checks and record both
 * inspections, accept (第二十六条, valued under 第二十七条), draw up and sign the contract (第二十八条),
 * book the first payment, record the five vacating items, register the transfer to the government,
 * book the balance and complete (第二十九条: the fund refunded). Each step's time is returned.
 */
import { performance } from 'node:perf_hooks';
import type { CommandContext } from '../../src/commands/context.js';
import { acceptExit, applyToExit, recordInspection, refreshDataChecks } from '../../src/commands/exits/index.js';
import {
  completeBuyback, generateBuybackContract, recordBuybackPayment, recordVacatingItem, registerBuybackTransfer, signBuybackContract,
} from '../../src/commands/buybacks/index.js';

const VACATING = ['utilities', 'heating', 'gas', 'property_fees', 'hukou_moved'] as const;
/** A loan the buyback price clears in the first payment's lender share and the balance (every other unit has none). */
const LOAN_FEN = 50_000_000;

/** The unit, the family that applies and the clerk who does the rest; `i` numbers references and certificates. */
export interface FlowParty { i: number; unitId: string; family: CommandContext; clerk: CommandContext }

/** Runs the flow; returns the exit, its contract and the milliseconds of each step (vacating summed). */
export async function buybackFlow(p: FlowParty): Promise<{ exitId: string; contractId: string; steps: Record<string, number> }> {
  const steps: Record<string, number> = {};
  const today = p.clerk.clock.today();
  const timed = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const r = await f();
    steps[name] = (steps[name] ?? 0) + performance.now() - t;
    return r;
  };
  const { id: exitId } = await timed('apply', () => applyToExit(p.family, { unitId: p.unitId, route: 'buyback' }));
  await timed('dataChecks', () => refreshDataChecks(p.clerk, { exitId }));
  for (const item of ['use_unchanged', 'structure_unaltered'] as const) {
    await timed('inspections', () => recordInspection(p.clerk, { exitId, item, ok: true, inspector: '李工', inspectedOn: today, reportNo: `核查-${item}-${p.i}` }));
  }
  await timed('accept', () => acceptExit(p.clerk, { exitId }));
  const loan = p.i % 2 === 0 ? LOAN_FEN : 0;
  const c = await timed('contract', () => generateBuybackContract(p.clerk, {
    exitId, outstandingLoanFen: loan, ...(loan ? { lender: '济南住房公积金中心' } : {}), vacateByOn: '2028-08-31',
  }));
  await timed('sign', () => signBuybackContract(p.clerk, { id: c.id }));
  await timed('firstPayment', () => recordBuybackPayment(p.clerk, { contractId: c.id, stage: 'first', paidOn: today, reference: `HG-${p.i}-1` }));
  for (const item of VACATING) {
    await timed('vacating', () => recordVacatingItem(p.clerk, { exitId, item, doneOn: today, evidence: { ref: `${item}-${p.i}`, note: '已结清' } }));
  }
  await timed('transfer', () => registerBuybackTransfer(p.clerk, { exitId, certificateNo: `鲁(2028)济南市不动产权第${3_000_000 + p.i}号`, issuedOn: today }));
  await timed('balance', () => recordBuybackPayment(p.clerk, { contractId: c.id, stage: 'balance', paidOn: today, reference: `HG-${p.i}-2` }));
  await timed('complete', () => completeBuyback(p.clerk, { exitId }));
  return { exitId, contractId: c.id, steps };
}
