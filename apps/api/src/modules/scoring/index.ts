// The public API of the scoring module — unit scoring (考核): the module, its service and entity.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './scoring-policy.entity.js';
export * from './scoring.module.js';
export * from './scoring.service.js';
