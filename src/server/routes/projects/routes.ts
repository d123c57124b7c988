/**
 * /api/projects: the catalogue (济政发〔2025〕3号 第十条). The implementer creates and fills its
 * projects; staff of the district or the city and the auditor read them. Every command checks
 * the project again inside its transaction (implementer: own, district staff: own district).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  addBuilding, addUnit, createProject, getProject, importUnits, listProjects, projectGrid,
} from '../../../commands/projects/index.js';
import { unitsTemplate } from '../../../documents/units-xlsx.js';
import { attachment } from '../../content-disposition.js';
import type { AppDeps } from '../../deps.js';
import { HttpError } from '../../errors.js';
import { idempotent } from '../../idempotency.js';
import { commandContext, guard } from '../../pipeline.js';
import { presentDetail, presentListItem, presentProject } from './presenter.js';
import { Building, BuildingBody, Grid, IdParams, Imported, ProjectBody, ProjectDetail, ProjectList, Project, Unit, UnitBody } from './schema.js';

const tags = ['projects'];
const security = [{ session: [] }];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A sheet of a few thousand units is well under this. */
const IMPORT_LIMIT = 5 * 1024 * 1024;

/** Registers the catalogue routes. */
export function projectRoutes(app: FastifyInstance, deps: AppDeps): void {
  // The import takes the workbook as the raw body; this parser lives in this plugin's scope only.
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/projects', {
    preValidation: guard('projects.read'),
    schema: { tags, security, summary: '项目列表 Projects in scope (implementer: own; district staff: own district; city, auditor: all)', response: { 200: ProjectList } },
  }, async (req) => ({ items: (await listProjects(commandContext(deps, req))).map(presentListItem) }));

  r.post('/api/projects', {
    preValidation: guard('projects.write'),
    schema: { tags, security, summary: '新建项目 Create a project (implementer; 第十条); Idempotency-Key honoured', body: ProjectBody, response: { 201: Project } },
  }, async (req, reply) => idempotent(deps, req, reply, async () => ({
    status: 201, body: presentProject(await createProject(commandContext(deps, req), req.body)),
  })));

  r.get('/api/projects/:id', {
    preValidation: guard('projects.read'),
    schema: { tags, security, summary: '项目详情 Buildings with unit counts, price approvals, plans, draws', params: IdParams, response: { 200: ProjectDetail } },
  }, async (req) => presentDetail(await getProject(commandContext(deps, req), { projectId: req.params.id })));

  r.post('/api/projects/:id/buildings', {
    preValidation: guard('projects.write'),
    schema: { tags, security, summary: '新增楼栋 Add a building (before the sale notice)', params: IdParams, body: BuildingBody, response: { 201: Building } },
  }, async (req, reply) => {
    reply.code(201);
    return addBuilding(commandContext(deps, req), { ...req.body, projectId: req.params.id });
  });

  r.post('/api/projects/:id/units', {
    preValidation: guard('projects.write'),
    schema: { tags, security, summary: '新增房源 Add a unit (before the sale notice)', params: IdParams, body: UnitBody, response: { 201: Unit } },
  }, async (req, reply) => {
    reply.code(201);
    return addUnit(commandContext(deps, req), { ...req.body, projectId: req.params.id });
  });

  r.get('/api/projects/:id/units/template.xlsx', {
    preValidation: guard('projects.read'),
    schema: { tags, security, summary: '房源导入模板 Import template (楼栋, 楼层, 房号, 建筑面积, 户型, 朝向)', params: IdParams },
  }, async (_req, reply) => reply.code(200).type(XLSX)
    .header('content-disposition', attachment('units-template.xlsx', '房源导入模板.xlsx'))
    .send(await unitsTemplate()));

  r.post('/api/projects/:id/units/import', {
    preValidation: guard('projects.write'),
    bodyLimit: IMPORT_LIMIT,
    schema: {
      tags, security, params: IdParams, response: { 200: Imported },
      summary: '导入房源 Import units from the xlsx (raw body); all or nothing: 400 details.errors [{row, field, message_zh, message}]',
    },
  }, async (req, reply) => {
    if (!Buffer.isBuffer(req.body)) {
      throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `请以 ${XLSX} 上传房源导入表。`, `Upload the sheet as ${XLSX}.`, { field: 'file' });
    }
    const bytes = req.body;
    return idempotent(deps, req, reply, async () => ({ status: 200, body: await importUnits(commandContext(deps, req), { projectId: req.params.id, bytes }) }));
  });

  r.get('/api/projects/:id/grid', {
    preValidation: guard('projects.read'),
    schema: { tags, security, summary: '房源表 Buildings and units with statuses and prices', params: IdParams, response: { 200: Grid } },
  }, async (req) => projectGrid(commandContext(deps, req), { projectId: req.params.id }));
}
