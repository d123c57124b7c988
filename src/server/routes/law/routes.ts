/** /api/law: anyone may read the gazette article by article (no sign-in). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getArticle, getDocument, listDocuments } from '../../../law/index.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { guard } from '../../pipeline.js';
import { ArticleEnvelope, ArticleParams, LawDocument } from './schema.js';

/** Registers the law routes. */
export function lawRoutes(app: FastifyInstance, _deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/law', {
    preValidation: guard('law.read'),
    schema: { tags: ['law'], summary: '公报文件及条文 Documents of the gazette with their articles', response: { 200: z.array(LawDocument) } },
  }, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return listDocuments();
  });

  r.get('/api/law/:docId/:articleNo', {
    preValidation: guard('law.read'),
    schema: { tags: ['law'], summary: '单条条文 One article', params: ArticleParams, response: { 200: ArticleEnvelope } },
  }, async (req, reply) => {
    const { docId, articleNo } = req.params;
    const doc = getDocument(docId);
    const key = /^\d+$/.test(articleNo) ? Number(articleNo) : articleNo;
    const article = doc ? getArticle(docId, key) : undefined;
    if (!doc || !article) throw notFound('条文', 'article');
    const i = doc.articles.indexOf(article);
    reply.header('cache-control', 'public, max-age=300');
    return {
      docId: doc.docId, number: doc.number, title: doc.title, article,
      prev: doc.articles[i - 1]?.no ?? null, next: doc.articles[i + 1]?.no ?? null,
    };
  });
}
