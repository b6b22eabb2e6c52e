// npm run db:migrate: apply pending migrations. --check: exit 1 when the entities differ from the migrated schema.
import 'reflect-metadata';
import { openCliContext } from './context.js';

const context = await openCliContext();
let code = 0;
try {
  console.log('Migrations applied.');
  if (process.argv.includes('--check')) {
    const sql = await context.dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length > 0) {
      code = 1;
      console.error('The entities differ from the migrations. Generate a migration (docs/migrations.md):');
      for (const query of sql.upQueries) console.error(`  ${query.query}`);
    } else {
      console.log('Schema matches the entities: no migration to generate.');
    }
  }
} finally {
  await context.close();
}
process.exit(code);
