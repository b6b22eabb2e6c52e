export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __ZG_PG__?: { stop(): Promise<void> } }).__ZG_PG__;
  if (server) await server.stop();
}
