import type { Database } from "../src/db/client.ts";

/** The database a bench ran on, for its figures: PostgreSQL when DATABASE_URL is set, else the embedded one. */
export const databaseName = (database: Pick<Database, "kind">) =>
  database.kind === "postgres" ? "PostgreSQL" : "embedded PGlite";
