import type { DataSource, EntityManager } from 'typeorm';

/** A unit and all its live descendants (the unit first); empty when there is no unit. */
export async function unitSubtree(db: DataSource | EntityManager, unitId: string | null): Promise<string[]> {
  if (!unitId) return [];
  const rows = (await db.query(
    `WITH RECURSIVE tree AS (
       SELECT id, 0 AS depth FROM unit WHERE id = $1
       UNION ALL SELECT u.id, tree.depth + 1 FROM unit u JOIN tree ON u.parent_id = tree.id
       WHERE u.deleted_at IS NULL AND tree.depth < 20)
     SELECT id FROM tree ORDER BY depth`,
    [unitId],
  )) as Array<{ id: string }>;
  return rows.map((row) => row.id);
}
