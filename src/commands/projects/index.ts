/** Catalogue use cases (docs/CONTRACT.md "Cross-module functions"): projects, buildings, units. */
export { createProject } from './create.js';
export { addBuilding, type Building } from './buildings.js';
export { addUnit, type Unit } from './units.js';
export { importUnits, type ImportOutput } from './import.js';
export { getProject, listProjects, type ProjectDetail, type ProjectSummary, type UnitCounts } from './get.js';
export { unitGrid, projectGrid, type GridBuilding, type GridUnit } from './grid.js';
export { assertCatalogueOpen, unitLabel } from './catalogue.js';
export { ProjectInput, BuildingInput, UnitInput, UnitFields, PROJECT_CODE } from './schema.js';
