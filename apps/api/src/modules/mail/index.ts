// The public API of the mail module — outgoing mail: the module and MailService.
// Other modules import only these files (directly or through this index); everything else in the folder is
// internal. eslint-rules/walls.js enforces it: add a line here only for what another module must reach.
export * from './mail.module.js';
export * from './mail.service.js';
