// The public API of the jobs module — background jobs: the module and JobsService (define, send, sendMany).
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './jobs.module.js';
export * from './jobs.service.js';
