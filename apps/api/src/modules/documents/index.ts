// The public API of the documents module — documents in and out: the module and the document generator (DocumentsService) publications reuse.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './chinese.js';
export * from './export-jobs/export-job.entity.js';
export * from './documents.module.js';
export * from './word/documents.service.js';
