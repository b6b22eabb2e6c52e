export interface RunningDatabase {
  url: string;
  embedded: boolean;
  fresh: boolean;
  port?: number;
  dataDir?: string;
  stop(): Promise<void>;
}
export interface EmbeddedServer {
  url: string;
  port: number;
  dataDir: string;
  fresh: boolean;
  /** true when a server was already running on dataDir: stop() then leaves it running */
  attached?: boolean;
  stop(): Promise<void>;
}
export function freePort(preferred?: number): Promise<number>;
export function startEmbedded(options?: {
  dataDir?: string;
  port?: number;
  persistent?: boolean;
  /** false: fsync off — only for throwaway test servers */
  durable?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedServer>;
export function withDatabase(url: string, database: string): string;
export function withAdminClient<T>(serverUrl: string, fn: (client: import('pg').Client) => Promise<T>): Promise<T>;
export function createDatabase(
  serverUrl: string,
  name: string,
  options?: { template?: string; dropExisting?: boolean },
): Promise<string>;
export function dropDatabase(serverUrl: string, name: string): Promise<void>;
export function ensureDatabase(options?: {
  url?: string;
  database?: string;
  dataDir?: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<RunningDatabase>;
