// The public API of the outcomes module — outcomes (问责, 建章立制, 追缴资金): the module and the entities.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './accountability-action.entity.js';
export * from './fund-recovery.entity.js';
export * from './outcomes.module.js';
export * from './rule-document.entity.js';
export * from './problem-evaluation.entity.js';
