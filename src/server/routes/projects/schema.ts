/**
 * Schemas of /api/projects. Request bodies are the commands' own schemas
 * (src/commands/projects/schema.ts), so the route names the same field as the command.
 */
import { z } from 'zod';
import { BuildingInput, ProjectInput, UnitFields } from '../../../commands/projects/index.js';

export const IdParams = z.object({ id: z.uuid().describe('project id') });
export const ProjectBody = ProjectInput;
export const BuildingBody = BuildingInput;
export const UnitBody = UnitFields.extend({ buildingId: z.uuid() });

const iso = z.string().nullable();
/** Units counted by status. */
export const UnitCounts = z.object({ draft: z.number(), available: z.number(), reserved: z.number(), sold: z.number(), converted: z.number(), total: z.number() });

export const Project = z.object({
  id: z.string(), code: z.string(), name: z.string(), level: z.string(), districtCode: z.string(), districtName: z.string(),
  saleMode: z.string(), address: z.string(), status: z.string(), implementerAccountId: z.string(),
  deliveryOn: iso, propertyService: iso, saleEndedOn: iso, createdAt: z.string(), updatedAt: z.string(), version: z.number(),
});
export const ProjectListItem = Project.extend({ counts: UnitCounts });
export const ProjectList = z.object({ items: z.array(ProjectListItem) });

export const Building = z.object({ id: z.string(), projectId: z.string(), name: z.string(), floors: z.number(), completedOn: iso });
export const Unit = z.object({
  id: z.string(), projectId: z.string(), buildingId: z.string(), floor: z.number(), number: z.string(), area: z.string(), layout: z.string(),
  orientation: z.string(), coefficient: iso, priceFen: z.number().nullable(), priceApprovalId: iso, status: z.string(), offeredOn: iso,
});

export const ProjectDetail = z.object({
  project: Project,
  buildings: z.array(Building.extend({ counts: UnitCounts })),
  counts: UnitCounts,
  priceApprovals: z.array(z.object({
    id: z.string(), status: z.string(), basePricePerM2Fen: z.number(), floatRange: z.string(), scheduleSha256: z.string(), submittedAt: z.string(),
    districtApprovedAt: iso, cityApprovedAt: iso, rejectedReason: iso, approvalNo: iso,
  })),
  plans: z.array(z.object({
    id: z.string(), round: z.number(), status: z.string(), registrationOpensAt: z.string(), registrationClosesAt: z.string(), drawOn: z.string(),
    depositFen: z.number(), noticeNo: iso, publishedAt: iso, rejectedReason: iso,
  })),
  draws: z.array(z.object({ id: z.string(), round: z.number(), attempt: z.number(), status: z.string(), entrantCount: z.number(), frozenAt: z.string(), drawnAt: iso, voidReason: iso })),
});

/** One unit of a grid; the public page and the family's turn carry the same (src/commands/projects/grid.ts). */
export const GridUnit = z.object({
  id: z.string(), floor: z.number(), number: z.string(), area: z.string(), layout: z.string(), orientation: z.string(),
  coefficient: iso, priceFen: z.number().nullable(), status: z.string(),
  resale: z.boolean().describe('第三十条: a bought-back unit offered again, priced by its approved resale offer (not below buyback price + renovation), not by 第十二条'),
});
/** One building of a grid with its units. */
export const GridBuilding = z.object({ id: z.string(), name: z.string(), floors: z.number(), completedOn: iso, units: z.array(GridUnit) });
export const Grid = z.array(GridBuilding);
export const Imported = z.object({ created: z.number(), buildingsCreated: z.array(z.string()) });
