/**
 * GET /api/staff/results.xlsx: the qualification results (第七条) as staff export them.
 * Masked names and ID numbers only, like the public list; streamed from a keyset cursor so
 * the list can be of any length. The export itself is recorded in the audit log.
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { streamPublicResults } from '../../../commands/applications/index.js';
import { appendAudit } from '../../../audit/index.js';
import { writeQualificationResults, type QualificationResultRow } from '../../../documents/results-xlsx.js';
import type { AppDeps } from '../../deps.js';
import { attachment } from '../../content-disposition.js';
import { guard, listDistrict } from '../../pipeline.js';
import { ExportQuery } from './schema.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Registers the export route. */
export function exportResults(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/staff/results.xlsx', {
    preValidation: guard('staff.results.export'),
    schema: { tags: ['staff'], security: [{ session: [] }], summary: '资格审核结果导出 Qualification results as xlsx (第七条)', querystring: ExportQuery },
  }, async (req, reply) => {
    const district = listDistrict(req, 'staff.results.export', req.query.district);
    await deps.db.db.transaction((tx) => appendAudit(tx, {
      actor: req.actor, action: 'results.export', targetType: 'results', targetId: district ?? 'all',
      at: deps.clock.now(), detail: { district: district ?? null, requestId: req.id },
    }));
    async function* rows(): AsyncGenerator<QualificationResultRow> {
      for await (const r of streamPublicResults(deps.db.db, { district })) {
        yield {
          regCode: r.regCode, maskedName: r.maskedName ?? '', maskedId: r.maskedId ?? '', districtName: r.district,
          category: r.category ?? '', priority: r.priority, status: 'admitted', admittedOn: r.admittedOn ?? '',
        };
      }
    }
    const out = new PassThrough();
    writeQualificationResults(rows(), out).catch((err) => {
      req.log.error({ err }, 'results export failed');
      out.destroy(err as Error);
    });
    const file = `资格审核结果-${deps.clock.today()}${district ? `-${district}` : ''}.xlsx`;
    return reply
      .type(XLSX)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', attachment('results.xlsx', file))
      .send(out);
  });
}
