/**
 * What the server is built from. Everything stateful is injected, so tests build the app on a
 * fresh database with a fixed clock and the simulated department checks.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { DbHandle } from '../db/client.js';
import type { FieldCrypto } from '../crypto/index.js';
import type { DataCheckProvider } from '../datachecks/types.js';
import type { PaymentGateway } from '../payments/gateway.js';

/** The injected clock: "today" is an Asia/Shanghai calendar date. */
export type Clock = { today(): string; now(): Date };

/** Options of `buildApp`. */
export type AppDeps = {
  db: DbHandle;
  clock: Clock;
  /** Department data-check provider (src/datachecks); passed through to commands. */
  dataChecks: DataCheckProvider;
  crypto: FieldCrypto;
  /** The 认购金 payment gateway (第十一条); default: a simulated bank with a random key (src/payments). */
  gateway?: PaymentGateway;
  /** Fastify logger options or instance; default: no logging (tests). */
  logger?: boolean | FastifyBaseLogger | Record<string, unknown>;
  /** Folder of the built web app; default <repo>/web/dist. */
  webDist?: string;
  /** Login attempts allowed per IP and username in `loginWindowMs`; default 10 per 15 minutes. */
  loginMax?: number;
  loginWindowMs?: number;
  /** Largest request body in bytes; default 256 KiB. */
  bodyLimit?: number;
  /** Only with QC_TEST_CLOCK=1 (browser tests): moves `clock` forward through POST /api/testing/clock. */
  clockControl?: { advance(ms: number): void; offsetMs(): number };
};
