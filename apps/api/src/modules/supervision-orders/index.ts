// The public API of the supervision-orders module — 督办单: the module, the service and the entities.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './supervision-order.entity.js';
export * from './supervision-orders.module.js';
export * from './supervision-orders.service.js';
