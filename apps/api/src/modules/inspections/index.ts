// The public API of the inspections module — inspections and categories: the module, the read service, the entities
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './category.entity.js';
export * from './inspection.entity.js';
export * from './inspections-write.repository.js';
export * from './inspections.module.js';
export * from './inspections.service.js';
