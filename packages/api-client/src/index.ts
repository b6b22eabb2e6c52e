// The typed client of the Zhenggai API. schema.d.ts is generated from openapi.json (npm run api:generate); never edit it.
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths } from './schema.js';
export type Schemas = components['schemas'];
export type ApiClient = Client<paths>;

export function createApiClient(options: ClientOptions = {}): ApiClient {
  return createClient<paths>({ credentials: 'same-origin', ...options });
}
