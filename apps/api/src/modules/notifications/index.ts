// The public API of the notifications module — notifications: the module, NotificationsService.notify() and the entities.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './notification-delivery.entity.js';
export * from './notification-preference.entity.js';
export * from './notification.entity.js';
export * from './notifications.module.js';
export * from './notifications.service.js';
