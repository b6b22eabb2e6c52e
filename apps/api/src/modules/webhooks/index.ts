// The public API of the webhooks module — outbound webhooks: the module, WebhooksService.publish() and the entity.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './webhook.entity.js';
export * from './webhooks.module.js';
export * from './webhooks.service.js';
