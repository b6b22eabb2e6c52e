// The public API of the units module — units and persons: the module, the entities, the unit tree and the { id, name } reference.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './dto/ref.dto.js';
export * from './person.entity.js';
export * from './unit-tree.js';
export * from './unit.entity.js';
export * from './units.module.js';
