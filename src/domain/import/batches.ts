import type { Tx } from "./snapshot.ts";

/** Told how many rows will be written, then after each batch. */
export interface ProgressSink {
  start(total: number): void;
  advance(rows: number): void;
  stop(): void;
}

/** A column of a batch: its name in the table and the SQL type its JSON value is read as. */
export type Column = readonly [name: string, type: string];

/** Rows per statement: large enough to be set-based, small enough to show progress. */
const BATCH = 2000;

const STAMPS: Column[] = [
  ["createdAt", "timestamp(3)"],
  ["updatedAt", "timestamp(3)"],
];

/**
 * INSERT … SELECT and UPDATE … FROM over `jsonb_to_recordset`: one parameter per statement
 * whatever the number of rows, on PGlite and PostgreSQL alike. Table and column names are
 * constants of the importer, never input.
 */
export class Batches {
  constructor(
    private readonly tx: Tx,
    private readonly now: string,
    private readonly progress: ProgressSink,
  ) {}

  async insert<R>(table: string, columns: Column[], rows: Record<string, unknown>[], returning: string): Promise<R[]> {
    const all = [...columns, ...STAMPS];
    const names = all.map(([name]) => `"${name}"`).join(", ");
    const sql = `INSERT INTO "${table}" (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS v(${definitions(all)}) RETURNING ${returning}`;
    const inserted: R[] = [];
    for (const chunk of chunks(rows.map((r) => ({ ...r, createdAt: this.now, updatedAt: this.now })))) {
      inserted.push(...(await this.tx.$queryRawUnsafe<R[]>(sql, JSON.stringify(chunk))));
      this.progress.advance(chunk.length);
    }
    return inserted;
  }

  /** `rows` carry the `id` of the row to change; `updatedAt` moves only for these. */
  async update(table: string, columns: Column[], rows: Record<string, unknown>[]): Promise<void> {
    const all: Column[] = [["id", "int"], ...columns, ["updatedAt", "timestamp(3)"]];
    const assignments = all
      .slice(1)
      .map(([name]) => `"${name}" = v."${name}"`)
      .join(", ");
    const sql = `UPDATE "${table}" AS t SET ${assignments} FROM jsonb_to_recordset($1::jsonb) AS v(${definitions(all)}) WHERE t."id" = v."id"`;
    for (const chunk of chunks(rows.map((r) => ({ ...r, updatedAt: this.now })))) {
      await this.tx.$executeRawUnsafe(sql, JSON.stringify(chunk));
      this.progress.advance(chunk.length);
    }
  }
}

const definitions = (columns: Column[]) => columns.map(([name, type]) => `"${name}" ${type}`).join(", ");

/** Rows in statement-sized slices. */
export function* chunks<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
}
