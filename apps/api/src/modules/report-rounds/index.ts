// The public API of the report-rounds module — 报送轮次: the module, the service and the entities.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './report-round.entity.js';
export * from './report-rounds.module.js';
export * from './report-rounds.service.js';
