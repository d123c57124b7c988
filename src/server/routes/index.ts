/** Every resource's routes, in registration order. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.js';
import { healthRoutes } from './health/routes.js';

/** A resource's route registration. */
export type RouteModule = (app: FastifyInstance, deps: AppDeps) => Promise<void> | void;

export const ROUTES: RouteModule[] = [healthRoutes];
