// The public API of the auth module — sign-in, sessions and account security: the module, the services other modules call, the account entities and password rules.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './account-gate.js';
export * from './account-security.service.js';
export * from './auth.module.js';
export * from './login-lockout.entity.js';
export * from './mfa-challenge.entity.js';
export * from './mfa-recovery-code.entity.js';
export * from './password-history.entity.js';
export * from './passwords.js';
export * from './sessions.service.js';
export * from './user-account.entity.js';
export * from './user-session.entity.js';
