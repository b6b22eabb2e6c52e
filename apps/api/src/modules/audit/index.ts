// The public API of the audit module — the audit trail: AuditService.record() for every change, the module and the entity.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './audit-event.entity.js';
export * from './audit.module.js';
export * from './audit.service.js';
export * from './audit-chain.service.js';
