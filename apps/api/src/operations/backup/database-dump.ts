import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { BackupError, writeHashed, type SequenceEntry, type TableEntry } from './manifest.js';

// The database part of a backup: every table of the schema `public` (the migrations' bookkeeping table aside — the
// manifest names the last migration instead) as PostgreSQL's own COPY text format, which round-trips every type
// exactly, and the sequences' positions. pg-boss's schema holds only queued work and is left out.

const SCHEMA = 'public';
const SKIPPED = new Set(['migrations']);

interface Table {
  name: string;
  columns: string[];
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The tables with their stored (not generated) columns, parents before children (foreign keys). */
export async function listTables(client: pg.Client): Promise<Table[]> {
  const { rows: columns } = await client.query<{ table: string; column: string }>(
    `SELECT c.relname AS "table", a.attname AS "column"
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = $1 AND c.relkind = 'r' AND NOT c.relispartition
      ORDER BY c.relname, a.attnum`,
    [SCHEMA],
  );
  const tables = new Map<string, string[]>();
  for (const { table, column } of columns) {
    if (SKIPPED.has(table)) continue;
    tables.set(table, [...(tables.get(table) ?? []), column]);
  }
  const { rows: links } = await client.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid
       JOIN pg_class parent ON parent.oid = k.confrelid
      WHERE k.contype = 'f' AND k.connamespace = $1::regnamespace AND k.conrelid <> k.confrelid`,
    [SCHEMA],
  );
  const parents = new Map<string, Set<string>>([...tables.keys()].map((name) => [name, new Set<string>()]));
  for (const { child, parent } of links) parents.get(child)?.add(parent);
  // depth-first, alphabetical: the same schema always gives the same order
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') return; // a cycle: the load disables the checks instead (see loadTables)
    state.set(name, 'visiting');
    for (const parent of [...(parents.get(name) ?? [])].sort()) if (tables.has(parent)) visit(parent);
    state.set(name, 'done');
    ordered.push(name);
  };
  for (const name of [...tables.keys()].sort()) visit(name);
  return ordered.map((name) => ({ name, columns: tables.get(name)! }));
}

/**
 * Writes every table into `dir` (one file per table) inside the caller's transaction, which must be a REPEATABLE
 * READ snapshot so that all tables are of one moment.
 */
export async function dumpTables(client: pg.Client, dir: string): Promise<TableEntry[]> {
  const entries: TableEntry[] = [];
  const tables = await listTables(client);
  for (const [index, table] of tables.entries()) {
    const file = path.posix.join('db', `${String(index + 1).padStart(3, '0')}-${table.name}.copy`);
    const columns = table.columns.map(ident).join(', ');
    const source = client.query(copyTo(`COPY (SELECT ${columns} FROM ${ident(table.name)}) TO STDOUT`));
    const written = await writeHashed(source, path.join(dir, file));
    // COPY's text format escapes newlines inside values: one line per row
    entries.push({ ...table, file, rows: written.lines, bytes: written.bytes, sha256: written.sha256 });
  }
  return entries;
}

export async function dumpSequences(client: pg.Client): Promise<SequenceEntry[]> {
  const { rows } = await client.query<{ name: string; lastValue: string | null; isCalled: boolean }>(
    `SELECT sequencename AS name, last_value::text AS "lastValue", last_value IS NOT NULL AS "isCalled"
       FROM pg_sequences WHERE schemaname = $1 ORDER BY sequencename`,
    [SCHEMA],
  );
  return rows;
}

/** True when some table of ours holds a row. */
export async function holdsData(client: pg.Client): Promise<boolean> {
  const tables = await listTables(client);
  for (const table of tables) {
    const { rowCount } = await client.query(`SELECT 1 FROM ${ident(table.name)} LIMIT 1`);
    if (rowCount) return true;
  }
  return false;
}

/**
 * Loads the dumped tables into an empty schema at the same migration, in one transaction: parents first, with the
 * tables' own triggers off (the audit trail's guards and derived columns must not rewrite restored rows). A
 * superuser loads with session_replication_role = replica; a table owner disables the user triggers of each table.
 */
export async function loadTables(
  client: pg.Client,
  dir: string,
  tables: TableEntry[],
  sequences: SequenceEntry[],
): Promise<void> {
  const present = await listTables(client);
  const byName = new Map(present.map((table) => [table.name, table]));
  for (const table of tables) {
    const target = byName.get(table.name);
    if (!target) throw new BackupError(`数据库中没有表 ${table.name}：备份与迁移版本不一致。`);
    const missing = table.columns.filter((column) => !target.columns.includes(column));
    if (missing.length > 0)
      throw new BackupError(`表 ${table.name} 缺少列 ${missing.join('、')}：备份与迁移版本不一致。`);
  }
  const {
    rows: [{ superuser }],
  } = await client.query<{ superuser: boolean }>(
    'SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
  );
  await client.query('BEGIN');
  try {
    if (superuser) await client.query('SET LOCAL session_replication_role = replica');
    else for (const table of tables) await client.query(`ALTER TABLE ${ident(table.name)} DISABLE TRIGGER USER`);
    for (const table of tables) {
      const columns = table.columns.map(ident).join(', ');
      const sink = client.query(copyFrom(`COPY ${ident(table.name)} (${columns}) FROM STDIN`));
      await pipeline(fs.createReadStream(path.join(dir, table.file)), sink);
    }
    for (const sequence of sequences) {
      if (sequence.lastValue === null) continue;
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [
        `${SCHEMA}.${ident(sequence.name)}`,
        sequence.lastValue,
        sequence.isCalled,
      ]);
    }
    if (!superuser)
      for (const table of tables) await client.query(`ALTER TABLE ${ident(table.name)} ENABLE TRIGGER USER`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Per table, an order-independent checksum of its rows (md5 of the sorted text forms): the restore drill compares them. */
export async function tableChecksums(client: pg.Client): Promise<Record<string, { rows: number; md5: string }>> {
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const table of await listTables(client)) {
    const columns = table.columns.map(ident).join(', ');
    const {
      rows: [row],
    } = await client.query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(line, E'\\n' ORDER BY line), '')) AS md5
         FROM (SELECT (ROW(${columns}))::text AS line FROM ${ident(table.name)}) t`,
    );
    result[table.name] = row;
  }
  return result;
}
