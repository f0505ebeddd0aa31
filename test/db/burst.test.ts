import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { createTestDatabase } from "../support/db.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database?.close());

describe("a burst of transactions", () => {
  it("queues for the database's connections instead of failing after Prisma's default 2 s wait", async () => {
    // Transactions of 250 ms, so many that the last waits about 2.5 s: 100 on PostgreSQL's 10
    // connections, 10 on the embedded database's one.
    const count = database.kind === "postgres" ? 100 : 10;
    const results = await Promise.allSettled(
      Array.from({ length: count }, () =>
        database.prisma.$transaction((tx) => tx.$queryRaw`SELECT 1 AS "x" FROM pg_sleep(0.25)`),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
  }, 60_000);
});
