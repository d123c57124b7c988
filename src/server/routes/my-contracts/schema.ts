/**
 * Schemas of the contract routes (第十三、十四条). Money is integer fen (fields end in `Fen`);
 * the amount checks beyond the shape (the 第十三条 minimum) are the command's, naming the same field.
 */
import { z } from 'zod';
import { CONTRACT_STATUSES, LOAN_TYPES } from '../../../db/schema.js';

export const IdParams = z.object({ id: z.uuid().describe('selection or contract id') });

export const GenerateBody = z.object({
  loanType: z.enum(LOAN_TYPES).describe('provident_fund: 住房公积金贷款 (第十三条: ≥ 15% down) · commercial: 个人商业性住房贷款 · none: 一次性付款'),
  downPaymentFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe('首付款 in fen, including the 认购金 credited at signing'),
});

/** A contract as its family (and, with `buyer`, the project's staff) sees it. */
export const Contract = z.object({
  id: z.string(), contractNo: z.string(), status: z.enum(CONTRACT_STATUSES), selectionId: z.string(),
  project: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  unit: z.object({ id: z.string(), building: z.string(), floor: z.number(), number: z.string(), area: z.string(), layout: z.string(), orientation: z.string() }),
  priceFen: z.number(), loanType: z.enum(LOAN_TYPES), downPaymentFen: z.number(), loanFen: z.number(),
  depositCreditedFen: z.number().describe('认购金 credited against the price at signing (第十一条)'),
  maintenanceFundDueFen: z.number().describe('第三十条: on a resale, the maintenance fund the buyer pays in (the amount refunded at buyback); 0 on a first sale'),
  minimumDownPaymentFen: z.number().describe('the rule housing.down-payment\'s minimum for this loan type (第十三条)'),
  deadlineOn: z.string().describe('last day to sign, inclusive'), generatedAt: z.string(), signedAt: z.string().nullable(),
  pdfSha256: z.string().nullable().describe('SHA-256 of the signed PDF; a fresh download of a signed contract has the same'),
  pdfUrl: z.string().describe('download path of the PDF'),
  buyer: z.object({ regCode: z.string(), maskedName: z.string().nullable() }).optional(),
});

export const ContractList = z.object({ items: z.array(Contract) });
