/**
 * The HTTP server: Fastify 5 with zod validation, OpenAPI, session auth, the API routes of
 * docs/CONTRACT.md and the web app. `buildApp` does not listen; tests use `app.inject`.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { installAuth } from './plugins/auth.js';
import { apiNotFound, installErrorHandlers } from './plugins/error-handler.js';
import { DEFAULT_WEB_DIST, installStatic } from './plugins/static.js';
import { ROUTES } from './routes/index.js';

export type { AppDeps, Clock } from './deps.js';

/** Builds the Fastify instance (ready, not listening). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: (deps.logger ?? false) as never,
    bodyLimit: deps.bodyLimit ?? 256 * 1024,
    // Behind a reverse proxy set TRUST_PROXY so rate limits see the client, not the proxy.
    trustProxy: process.env.TRUST_PROXY === '1' || process.env.TRUST_PROXY === 'true',
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  // JSON bodies: the default parser with prototype-poisoning refused, and an empty body read as
  // "no body" so that bodiless POSTs (submit, confirm) work from any client that sets the type.
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (body === '' || (typeof body === 'string' && body.trim() === '')) return done(null, undefined);
    return json(req, body as string, done);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '泉城安居 API',
        description: '济政发〔2025〕3号 配售型保障性住房 轮候库. Errors: {code, message, message_zh, details:{field}}.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'qc_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  installAuth(app, deps);

  for (const routes of ROUTES) {
    await app.register(async (scope) => routes(scope, deps));
  }
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await installStatic(app, deps.webDist ?? DEFAULT_WEB_DIST, apiNotFound);
  await app.ready();
  return app;
}
