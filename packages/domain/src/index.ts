export * from './status.js';
export * from './deadline.js';
export * from './roles.js';
export * from './workflow.js';
export * from './password.js';
export * from './inspection.js';
export * from './audit.js';
export * from './notifications.js';
