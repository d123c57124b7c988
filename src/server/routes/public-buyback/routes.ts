/**
 * The published buyback method (济政发〔2025〕3号 第二十七条: 具体回购价格测算方式由市住房城乡建设部门会同市财政、
 * 审计等部门确定并公布), no sign-in:
 * GET  /api/public/buyback-method       formula, every parameter in force with value, reference and note, a worked example
 * POST /api/public/buyback-calculator   {originalPriceFen, paidOn, builtOn, valuationOn, cpiAtPurchase?, cpiAtValuation?} → rule result
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calculateBuyback, publishedMethod } from '../../../commands/exits/index.js';
import type { AppDeps } from '../../deps.js';
import { guard } from '../../pipeline.js';

const tags = ['public'];
const Result = z.object({ value: z.object({ price: z.number(), components: z.record(z.string(), z.unknown()) }), trace: z.array(z.unknown()), citations: z.array(z.unknown()) });
const Bilingual = z.object({ zh: z.string(), en: z.string() });
const Method = z.object({
  asOf: z.string(), formula: Bilingual.extend({ text: z.string() }), publication: Bilingual,
  parameters: z.array(z.object({
    name: z.string(), symbol: z.string(), description: Bilingual.nullable(), unit: z.string().nullable(),
    value: z.unknown(), version: z.string(), reference: z.string(), note: z.string().nullable(),
  })),
  example: z.object({ input: z.record(z.string(), z.unknown()), result: Result, explanation: Bilingual }),
});
const day = z.string().describe('YYYY-MM-DD');
const CalculatorBody = z.object({
  originalPriceFen: z.number().int().positive().describe('原购房价款 P0 in fen'),
  paidOn: day.describe('the day the price was paid'), builtOn: day.describe('the building\'s completion'), valuationOn: day.describe('the valuation day'),
  cpiAtPurchase: z.string().optional().describe('price index at purchase (used only while K is on)'),
  cpiAtValuation: z.string().optional().describe('price index at valuation (used only while K is on)'),
});

/** Registers the public buyback routes. */
export function publicBuybackRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/public/buyback-method', {
    preValidation: guard('public.buyback.read'),
    schema: { tags, response: { 200: Method }, summary: '回购价格测算方式 The buyback method in force (第二十七条): formula, parameters with references, a worked example' },
  }, async () => publishedMethod(deps.clock.today()));

  r.post('/api/public/buyback-calculator', {
    preValidation: guard('public.buyback.read'),
    schema: { tags, body: CalculatorBody, response: { 200: Result }, summary: '回购价格试算 Rule housing.buyback-price for the given inputs; 400 naming the field' },
  }, async (req) => calculateBuyback(req.body));
}
