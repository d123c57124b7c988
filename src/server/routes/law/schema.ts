/** Schemas of /api/law: the gazette, verbatim, by document and article. */
import { z } from 'zod';

export const Clause = z.object({ label: z.string(), text: z.string() });
export const Article = z.object({
  id: z.string(), no: z.number().int(), label: z.string(), chapter: z.string().nullable(), text: z.string(),
  clauses: z.array(Clause),
});
export const LawDocument = z.object({
  docId: z.string(), number: z.string(), title: z.string(), issuedOn: z.string(),
  split: z.enum(['articles', 'sections', 'whole']), preamble: z.string(), articles: z.array(Article),
});
export const ArticleEnvelope = z.object({
  docId: z.string(), number: z.string(), title: z.string(), article: Article,
  prev: z.number().int().nullable(), next: z.number().int().nullable(),
});
export const ArticleParams = z.object({
  docId: z.string().regex(/^[a-z0-9-]{1,64}$/),
  articleNo: z.string().regex(/^(\d{1,3}|[a-z0-9-]{1,16})$/).describe('article number (8 = 第八条) or article id ("a8")'),
});
