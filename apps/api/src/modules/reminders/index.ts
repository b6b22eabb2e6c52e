// The public API of the reminders module — the reminder policy of an inspection: the module, its service and entity.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './reminder-policy.entity.js';
export * from './reminder-sent.entity.js';
export * from './reminder-sweep.service.js';
export * from './reminders.module.js';
export * from './reminders.service.js';
