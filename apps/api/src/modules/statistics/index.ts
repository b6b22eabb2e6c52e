// The public API of the statistics module — statistics and the scale seeder: the module and seedScale.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './scale-seed.js';
export * from './statistics.module.js';
