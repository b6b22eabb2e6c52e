// The public API of the lookbacks module — 回头看: the module, the service and the entities.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './lookback.entity.js';
export * from './lookbacks.module.js';
export * from './lookbacks.service.js';
