/** Every resource's routes, in registration order. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.js';
import { auditRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { buybackRoutes } from './buybacks/routes.js';
import { contractRoutes } from './contracts/routes.js';
import { districtRoutes } from './districts/routes.js';
import { drawRoutes } from './draws/routes.js';
import { exitRoutes } from './exits/routes.js';
import { healthRoutes } from './health/routes.js';
import { lawRoutes } from './law/routes.js';
import { myApplicationRoutes } from './my-applications/routes.js';
import { myContractRoutes } from './my-contracts/routes.js';
import { myExitRoutes } from './my-exits/routes.js';
import { myHomeRoutes } from './my-home/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { priceApprovalRoutes } from './price-approvals/routes.js';
import { projectRoutes } from './projects/routes.js';
import { publicRoutes } from './public/routes.js';
import { publicSaleRoutes } from './public-sale/routes.js';
import { publicBuybackRoutes } from './public-buyback/routes.js';
import { ruleRoutes } from './rules/routes.js';
import { salePlanRoutes } from './sale-plans/routes.js';
import { selectionRoutes } from './selection/routes.js';
import { mySelectionRoutes } from './my-selection/routes.js';
import { myRegistrationRoutes } from './my-registrations/routes.js';
import { paymentRoutes } from './payments/routes.js';
import { reconciliationRoutes } from './reconciliation/routes.js';
import { staffApplicationRoutes } from './staff-applications/routes.js';
import { unitEventRoutes } from './unit-events/routes.js';
import { caseRoutes } from './cases/routes.js';
import { obligationRoutes } from './obligations/routes.js';
import { fraudRoutes } from './fraud/routes.js';
import { testingClockRoutes } from './testing-clock/routes.js';
import { titleRoutes } from './titles/routes.js';
import { postSaleUnitRoutes } from './post-sale-units/routes.js';
import { publicSchemaRoutes } from './public-schemas/routes.js';
import { resaleRoutes } from './resale/routes.js';
import { transferRoutes } from './transfers/routes.js';
import { myTransferRoutes } from './my-transfers/routes.js';

/** A resource's route registration. */
export type RouteModule = (app: FastifyInstance, deps: AppDeps) => Promise<void> | void;

export const ROUTES: RouteModule[] = [
  healthRoutes, authRoutes, lawRoutes, ruleRoutes, districtRoutes, publicRoutes,
  myApplicationRoutes, notificationRoutes, staffApplicationRoutes, auditRoutes,
  publicSaleRoutes, drawRoutes, myContractRoutes, contractRoutes,
  projectRoutes, priceApprovalRoutes, salePlanRoutes,
  selectionRoutes, mySelectionRoutes,
  myRegistrationRoutes, paymentRoutes, reconciliationRoutes,
  buybackRoutes,
  exitRoutes, myHomeRoutes, myExitRoutes, publicBuybackRoutes,
  titleRoutes, postSaleUnitRoutes, publicSchemaRoutes,
  resaleRoutes, transferRoutes, myTransferRoutes,
  unitEventRoutes, caseRoutes, obligationRoutes, fraudRoutes,
  testingClockRoutes,
];
