import { InitSchema1795719149508 } from './1795719149508-InitSchema.js';

// Every migration, in order. Add new ones at the end; never edit one that has landed.
export const migrations: Function[] = [InitSchema1795719149508];
