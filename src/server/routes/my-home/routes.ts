/**
 * GET /api/my/home: the units my family holds now (济政发〔2025〕3号 第十八、十九、二十二、二十四条) with the
 * title, holding since, the earliest exit date, the exit preview as of today, exits and open obligations.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { myHome } from '../../../commands/exits/index.js';
import type { AppDeps } from '../../deps.js';
import { commandContext, guard } from '../../pipeline.js';
import { presentExit } from '../exits/presenter.js';
import { Eligibility, Exit } from '../exits/schema.js';

const HomeUnit = z.object({
  unit: z.object({ id: z.string(), building: z.string(), floor: z.number(), number: z.string(), area: z.string(), layout: z.string() }),
  project: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  title: z.object({ id: z.string(), certificateNo: z.string(), issuedOn: z.string(), origin: z.string(), nature: z.string(), landNature: z.string() }),
  holdingSince: z.string(),
  earliestExitOn: z.string().describe('第二十四条: the title\'s date + 2 years'),
  eligibility: z.object({ buyback: Eligibility, internal_transfer: Eligibility }).describe('rule housing.exit-eligibility as of today, per route'),
  maintenanceFund: z.object({ accountNo: z.string(), bank: z.string(), balanceFen: z.number() }).nullable(),
  exits: z.array(Exit),
});
const MyHome = z.object({
  today: z.string().describe('the server\'s today: every countdown counts from it'),
  units: z.array(HomeUnit),
  obligations: z.array(z.object({ id: z.string(), status: z.string(), changeOn: z.string(), deadlineOn: z.string(), daysLeft: z.number(), overdue: z.boolean(), unitsHeld: z.number() })),
});

/** Registers GET /api/my/home. */
export function myHomeRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/my/home', {
    preValidation: guard('my.home.read'),
    schema: { tags: ['my'], security: [{ session: [] }], response: { 200: MyHome }, summary: '我的住房 My unit(s): title, holding since, earliest exit date, exit eligibility, exits, 第二十二条 obligations' },
  }, async (req) => {
    const home = await myHome(commandContext(deps, req));
    return { ...home, units: home.units.map((u) => ({ ...u, exits: u.exits.map(presentExit) })) };
  });
}
