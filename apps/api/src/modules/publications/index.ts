// The public API of the publications module — public notices (通报): the module, the entities and the text rules.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './dto/text-rules.js';
export * from './publication-feedback.entity.js';
export * from './publication.entity.js';
export * from './publications.module.js';
