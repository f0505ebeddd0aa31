/**
 * prisma/schema.prisma is maintained by hand and prisma/migrations/*\/migration.sql is written by
 * hand (Prisma's schema engine cannot be downloaded offline). This test applies every migration
 * to an empty database and proves that every model, field, enum, unique constraint, index and
 * foreign key of the schema is really there. Both sides are read from disk on each run, so models
 * and migrations added later are covered without touching this file.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { readMigrations } from "../../src/db/migrate.ts";
import { createTestDatabase } from "../support/db.ts";
import {
  SchemaParseError,
  compareSchemaWithDatabase,
  parsePrismaSchema,
  readDatabaseSnapshot,
  type DatabaseSnapshot,
  type PrismaSchema,
} from "./prisma-schema.ts";

const SCHEMA_PATH = new URL("../../prisma/schema.prisma", import.meta.url);
const schemaText = readFileSync(SCHEMA_PATH, "utf8");

let database: Database;
let snapshot: DatabaseSnapshot;

beforeAll(async () => {
  database = await createTestDatabase(); // an empty database with every migration applied
  snapshot = await readDatabaseSnapshot(database.sql);
});
afterAll(async () => {
  await database?.close();
});

const problemReport = (problems: string[]) =>
  `${problems.length} difference(s) between prisma/schema.prisma and the migrated database:\n  - ${problems.join("\n  - ")}\n`;

describe("schema.prisma parser", () => {
  it("finds the project's models, fields and enums", () => {
    const schema = parsePrismaSchema(schemaText);
    const model = (name: string) => {
      const found = schema.models.find((m) => m.name === name);
      expect(found, `model ${name}`).toBeDefined();
      return found!;
    };
    const field = (modelName: string, name: string) => {
      const found = model(modelName).fields.find((f) => f.name === name);
      expect(found, `${modelName}.${name}`).toBeDefined();
      return found!;
    };

    expect(field("Unit", "code")).toMatchObject({
      type: "String",
      kind: "scalar",
      optional: false,
      list: false,
      unique: true,
    });
    expect(field("Unit", "parentId")).toMatchObject({ type: "Int", optional: true });
    expect(field("Unit", "parent")).toMatchObject({
      kind: "relation",
      relation: { fields: ["parentId"], references: ["id"] },
    });
    expect(field("Unit", "children")).toMatchObject({ kind: "relation", list: true });
    expect(field("Unit", "workingDays")).toMatchObject({ type: "Int", list: true, default: "database" });
    expect(field("Unit", "id")).toMatchObject({ id: true, default: "sequence" });
    expect(model("Unit").id).toEqual(["id"]);

    expect(field("Employee", "roles")).toMatchObject({ type: "Role", kind: "enum", list: true });
    expect(field("Employee", "kind")).toMatchObject({ type: "EmployeeKind", kind: "enum", list: false });
    expect(field("Employee", "telegramId")).toMatchObject({ type: "BigInt", optional: true, unique: true });
    expect(field("Employee", "unit")).toMatchObject({ kind: "relation", relation: { fields: ["unitId"] } });
    expect(model("Employee").indexes).toContainEqual(["unitId"]);
    expect(model("Employee").uniques).toContainEqual(["nip"]);

    expect(field("Invite", "codeHash")).toMatchObject({ unique: true });
    expect(field("Invite", "usedAt")).toMatchObject({ type: "DateTime", optional: true });

    expect(field("SkpIndicator", "target")).toMatchObject({
      type: "Decimal",
      nativeType: { name: "Decimal", args: ["14", "2"] },
    });
    expect(model("SkpIndicator").uniques).toContainEqual(["planId", "code"]);

    expect(schema.enums.find((e) => e.name === "Role")?.values).toEqual(["ADMIN", "PENILAI", "HEAD"]);
    expect(schema.foreignKeys).toBe(true);
  });

  it("drops no block or field line of the real schema (counted independently with regular expressions)", () => {
    const schema = parsePrismaSchema(schemaText);
    const lines = schemaText.split(/\r?\n/).map((l) => l.trim());
    expect(schema.models.map((m) => m.name)).toEqual(lines.flatMap((l) => /^model\s+(\w+)\s*\{/.exec(l)?.[1] ?? []));
    expect(schema.enums.map((e) => e.name)).toEqual(lines.flatMap((l) => /^enum\s+(\w+)\s*\{/.exec(l)?.[1] ?? []));
    for (const model of schema.models) {
      const body = new RegExp(`^model\\s+${model.name}\\s*\\{([\\s\\S]*?)^\\}`, "m").exec(schemaText)![1]!;
      const fieldLines = body
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => /^[A-Za-z_]\w*\s+[A-Za-z_]/.test(l));
      expect(
        model.fields.map((f) => f.name),
        `fields of ${model.name}`,
      ).toEqual(fieldLines.map((l) => l.split(/\s+/)[0]));
    }
    expect(schema.models.length).toBeGreaterThanOrEqual(4);
  });

  it("understands @map, @@map, native types, composite keys, comments and multi-line attributes", () => {
    const schema = parsePrismaSchema(`
      datasource db {
        provider     = "postgresql"
        relationMode = "prisma"
      }
      /// A doc comment, and a // comment in a string below.
      enum Colour {
        RED   @map("red")
        GREEN
        @@map("colour")
      }
      model Thing {
        tenant   Int
        slug     String   @db.VarChar(40) @default("http://x//y") // trailing comment
        price    Decimal? @db.Decimal(10, 4)
        seenAt   DateTime @db.Timestamptz(6) @map("seen_at")
        colours  Colour[]
        raw      Unsupported("tsvector")?
        ownerId  Int
        owner    Owner    @relation(fields: [ownerId], references: [id], onDelete: Cascade)
        @@id([tenant, slug])
        @@unique(fields: [tenant, price], name: "tenant_price")
        @@index([
          seenAt(sort: Desc),
          tenant
        ])
        @@map("things")
      }
      model Owner {
        id     Int     @id
        things Thing[]
      }
    `);
    const thing = schema.models.find((m) => m.name === "Thing")!;
    expect(schema.foreignKeys).toBe(false);
    expect(schema.enums).toEqual([{ name: "Colour", dbName: "colour", values: ["red", "GREEN"] }]);
    expect(thing.table).toBe("things");
    expect(thing.id).toEqual(["tenant", "slug"]);
    expect(thing.uniques).toEqual([["tenant", "price"]]);
    expect(thing.indexes).toEqual([["seenAt", "tenant"]]);
    const byName = Object.fromEntries(thing.fields.map((f) => [f.name, f]));
    expect(byName.slug).toMatchObject({ nativeType: { name: "VarChar", args: ["40"] }, default: "database" });
    expect(byName.price).toMatchObject({ optional: true, nativeType: { name: "Decimal", args: ["10", "4"] } });
    expect(byName.seenAt).toMatchObject({ column: "seen_at", nativeType: { name: "Timestamptz", args: ["6"] } });
    expect(byName.colours).toMatchObject({ kind: "enum", list: true });
    expect(byName.raw).toMatchObject({ kind: "unsupported", optional: true });
    expect(byName.owner).toMatchObject({ kind: "relation", relation: { fields: ["ownerId"], references: ["id"] } });
  });

  it("refuses what it does not understand instead of skipping it", () => {
    expect(() => parsePrismaSchema(`model A {\n id Int @id\n b Nope\n}`)).toThrow(SchemaParseError);
    expect(() => parsePrismaSchema(`model A {\n id Int @id @whatever\n}`)).toThrow(/unsupported attribute @whatever/);
    expect(() => parsePrismaSchema(`model A {\n id Int @id\n`)).toThrow(/not closed/);
    expect(() => parsePrismaSchema(`modle A {\n id Int @id\n}`)).toThrow(SchemaParseError);
  });
});

describe("migrations against schema.prisma", () => {
  it("applied every migration in prisma/migrations", async () => {
    const rows = await database.sql.query(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    const names = readMigrations().map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
  });

  it("creates every model, field, enum, unique constraint, index and foreign key of the schema", () => {
    const problems = compareSchemaWithDatabase(parsePrismaSchema(schemaText), snapshot);
    expect(problems, problemReport(problems)).toEqual([]);
  });
});

describe("the comparison can fail", () => {
  /** The schema text with `addition` inserted as the first line of the first `keyword` block. */
  function withLineInFirst(text: string, keyword: "model" | "enum", addition: string): { text: string; block: string } {
    const match = new RegExp(`^${keyword}\\s+(\\w+)\\s*\\{[^\\n]*\\n`, "m").exec(text)!;
    const at = match.index + match[0].length;
    return { text: `${text.slice(0, at)}  ${addition}\n${text.slice(at)}`, block: match[1]! };
  }

  it("reports a model, a field and an enum value that no migration created — all at once", () => {
    const extraField = withLineInFirst(schemaText, "model", "zzNotMigrated String?");
    const extraValue = withLineInFirst(extraField.text, "enum", "ZZ_NOT_MIGRATED");
    const text = `${extraValue.text}
model ZzNotMigrated {
  id   Int    @id @default(autoincrement())
  note String
}
enum ZzNotMigratedEnum {
  A
}
`;
    const problems = compareSchemaWithDatabase(parsePrismaSchema(text), snapshot);
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^model ZzNotMigrated: table "ZzNotMigrated" does not exist$/),
        expect.stringMatching(new RegExp(`^${extraField.block}\\.zzNotMigrated: column .* does not exist$`)),
        expect.stringMatching(new RegExp(`^enum ${extraValue.block}: value\\(s\\) ZZ_NOT_MIGRATED missing`)),
        expect.stringMatching(/^enum ZzNotMigratedEnum: type "ZzNotMigratedEnum" does not exist$/),
      ]),
    );
  });

  it("reports wrong types, nullability, defaults, unique constraints, indexes and tables", () => {
    const schema: PrismaSchema = parsePrismaSchema(schemaText);
    // Fields and models are picked dynamically (each one different), so this survives schema changes.
    const picked = new Set<object>();
    const pick = <T extends object>(items: T[], test: (item: T) => boolean): T => {
      const found = items.find((item) => !picked.has(item) && test(item));
      expect(found, "the schema has no field suitable for this check").toBeDefined();
      picked.add(found!);
      return found!;
    };
    const scalars = schema.models.flatMap((model) =>
      model.fields.filter((f) => f.kind === "scalar" && !f.list && !f.id).map((field) => ({ model, field })),
    );
    const text = pick(scalars, ({ field }) => field.type === "String" && !field.optional && !field.nativeType);
    const optional = pick(scalars, ({ field }) => field.optional);
    const timestamp = pick(scalars, ({ field }) => field.type === "DateTime" && !field.nativeType);
    const undefaulted = pick(scalars, ({ field }) => field.default === undefined);
    const touched = new Set([text, optional, timestamp, undefaulted].map(({ model }) => model));
    // A model no relation points at, so renaming its table does not also break foreign-key checks.
    const targets = new Set(
      schema.models.flatMap((m) => m.fields.filter((f) => f.kind === "relation").map((f) => f.type)),
    );
    const renamed = pick(schema.models, (m) => !touched.has(m) && !targets.has(m.name));
    const idField = text.model.id[0]!;

    text.field.type = "Int"; // a text column; the schema now says Int
    optional.field.optional = false; // a nullable column; the schema now says required
    timestamp.field.nativeType = { name: "Timestamptz", args: ["6"] }; // timestamp(3); now timestamptz(6)
    undefaulted.field.default = "database"; // no DEFAULT in the table; the schema now has @default
    text.model.uniques.push([idField, text.field.name]);
    text.model.indexes.push([idField, text.field.name]);
    const originalTable = renamed.table;
    renamed.table = `${originalTable}_renamed`;

    const problems = compareSchemaWithDatabase(schema, snapshot);
    const expected = [
      `^${text.model.name}\\.${text.field.name}: type is text \\(text\\), schema says Int → int4$`,
      `^${optional.model.name}\\.${optional.field.name}: column is nullable, but the field is required$`,
      `^${timestamp.model.name}\\.${timestamp.field.name}: type is timestamp\\(3\\) .* → timestamptz\\(6\\)$`,
      `^${undefaulted.model.name}\\.${undefaulted.field.name}: @default\\(…\\) but the column has no DEFAULT$`,
      `^model ${text.model.name}: no unique index on \\("${idField}", "${text.field.name}"\\)`,
      `^model ${text.model.name}: no index on \\("${idField}", "${text.field.name}"\\)`,
      `^model ${renamed.name} \\(table "${renamed.table}"\\): table "${renamed.table}" does not exist$`,
      `^table "${originalTable}" exists in the database but no model maps to it$`,
    ];
    for (const pattern of expected) {
      expect(problems, problemReport(problems)).toContainEqual(expect.stringMatching(new RegExp(pattern)));
    }
    expect(problems, problemReport(problems)).toHaveLength(expected.length);
  });
});
