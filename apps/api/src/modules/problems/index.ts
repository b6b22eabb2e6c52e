// The public API of the problems module — problems: the module, the read service and the entity.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './problem.entity.js';
export * from './problems-write.repository.js';
export * from './problems.module.js';
export * from './problems.service.js';
