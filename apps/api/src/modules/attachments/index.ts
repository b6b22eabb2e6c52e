// The public API of the attachments module — evidence files (佐证材料): the module, its service and entity, and the upload helpers documents reuse.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './attachment.entity.js';
export * from './attachments.module.js';
export * from './attachments.service.js';
export * from './evidence-type.js';
export * from './file-name.js';
export * from './upload-errors.interceptor.js';
export { EvidenceStorage } from './evidence-storage.js';
export { createEvidenceStorage } from './storage-factory.js';
