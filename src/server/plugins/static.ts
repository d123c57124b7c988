/**
 * The web app (web/dist, built by `npm run build:web`) at /, with SPA fallback: any GET that
 * is not under /api/ and is not a file answers index.html, so client-side routes reload.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Default location of the built web app. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>泉城安居</title></head>
<body><main><h1>泉城安居</h1><p>网页界面尚未构建。请先运行 <code>npm run build:web</code>，然后重新启动。</p>
<p lang="en">The web UI has not been built yet: run <code>npm run build:web</code> and restart.</p>
<p>接口文档: <a href="/api/openapi.json">/api/openapi.json</a></p></main></body></html>`;

/** Registers static serving (or the "not built" page) and the SPA / API not-found split. */
export async function installStatic(
  app: FastifyInstance,
  webDist: string,
  apiNotFound: (req: FastifyRequest, reply: FastifyReply) => unknown,
): Promise<void> {
  const built = existsSync(join(webDist, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (path.startsWith('/api/') || path === '/api' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return apiNotFound(req, reply);
    }
    if (/\.[A-Za-z0-9]{1,8}$/.test(path) && !path.endsWith('.html')) return apiNotFound(req, reply);
    if (!built) return reply.code(200).type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
  });
}
