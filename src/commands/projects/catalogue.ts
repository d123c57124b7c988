/**
 * Shared pieces of the catalogue commands: when the catalogue may still change, and how a
 * unit is named in messages.
 */
import type { Project } from '../sale/access.js';
import { DomainError } from '../errors.js';

/**
 * Interpretation (第十条 "具备条件的保障性住房项目房源应全部公开配售"): the catalogue of a
 * project is closed when its first sale plan is published (project status leaves `draft`).
 * Publishing requires every unit to carry an approved price, so every unit of the project is
 * in the public offer and none can be slipped in afterwards without a price or a notice. A
 * later phase of a presale project is registered as a project of its own.
 */
export function assertCatalogueOpen(project: Project): void {
  if (project.status !== 'draft') {
    throw new DomainError('CATALOGUE_CLOSED', 409,
      '项目已发布配售通告，房源目录已锁定，不能再增加楼栋或房源（第十条：房源全部公开配售）。',
      'The sale notice is published; buildings and units can no longer be added (第十条: every unit is offered publicly).',
      undefined, { status: project.status });
  }
}

/** "1号楼 1203" — how staff and implementers name a unit. */
export const unitLabel = (building: string, number: string) => `${building} ${number}`;
