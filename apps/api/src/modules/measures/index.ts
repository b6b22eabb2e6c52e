// The public API of the measures module — measures: the module, the read service, the entities, and the one write path (MeasureWritesRepository) importers and seeders write through.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './deadline-extension.entity.js';
export * from './dto/measure.dto.js';
export * from './measure-checkpoint.entity.js';
export * from './measure-event.entity.js';
export * from './measure-ledger.js';
export * from './measure-unit.entity.js';
export * from './measure-writes.repository.js';
export * from './measure.entity.js';
export * from './measures.module.js';
export * from './measures.service.js';
export * from './progress-update.entity.js';
