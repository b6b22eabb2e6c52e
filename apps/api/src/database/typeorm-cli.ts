// Data source for the TypeORM CLI (migration:generate / migration:show). Reads DATABASE_URL.
import { createDataSource } from './data-source.js';

if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required (run through `npx devdb -- …`)');
export default createDataSource({ url: process.env.DATABASE_URL });
