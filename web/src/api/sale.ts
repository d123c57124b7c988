/**
 * Typed calls of the sale API (docs/CONTRACT.md, "HTTP API of the sale") used by the implementer
 * and staff pages. Money is integer fen (fields ending in `Fen`); areas and coefficients are
 * decimal strings. Optional fields are those the contract leaves open.
 */

/** Unit status: draft (no approved price) → available → reserved → sold; available → converted (第十六条). */
export type UnitStatus = 'draft' | 'available' | 'reserved' | 'sold' | 'converted';

/** One unit of GET /api/projects/:id/grid (and of the public and family grids). */
export interface GridUnit {
  id: string;
  floor: number;
  number: string;
  area: string;
  layout: string;
  orientation: string;
  coefficient?: string | null;
  priceFen?: number | null;
  status: UnitStatus | string;
}

/** One building of the grid: its units, any order. */
export interface GridBuilding {
  id: string;
  name: string;
  floors: number;
  units: GridUnit[];
}
