/**
 * A small reader for prisma/schema.prisma and a comparison with a migrated PostgreSQL database.
 *
 * Prisma's schema engine (which would normally tell us about drift) cannot be downloaded on an
 * offline machine, so schema-matches-migrations.test.ts uses this instead. It understands the
 * subset of the Prisma schema language a PostgreSQL project uses: `model` and `enum` blocks,
 * fields (`name Type`, `Type?`, `Type[]`), and the attributes that decide the database shape:
 * `@id`, `@@id`, `@unique`, `@@unique`, `@@index`, `@map`, `@@map`, `@default`, `@relation`,
 * `@db.<NativeType>(args)`. Anything it does not understand is an error, never silently skipped,
 * so a schema feature this file does not know cannot make the test pass by accident.
 */
import type { SqlConnection } from "../../src/db/migrate.ts";

export class SchemaParseError extends Error {}

// ---------------------------------------------------------------------------------------------
// Parsed schema
// ---------------------------------------------------------------------------------------------

export interface PrismaField {
  name: string;
  /** Database column: the field name, or its `@map("…")`. */
  column: string;
  /** Prisma type as written: `String`, `Role`, `Unit`, `Unsupported("…")`. */
  type: string;
  /** `relation` fields (type is another model) have no column; their `fields:` scalars do. */
  kind: "scalar" | "enum" | "relation" | "unsupported";
  list: boolean;
  optional: boolean;
  /** `@db.VarChar(255)` → { name: "VarChar", args: ["255"] }. */
  nativeType?: { name: string; args: string[] };
  id: boolean;
  unique: boolean;
  /** Where the `@default` value comes from, if there is one (see classifyDefault). */
  default?: "sequence" | "database" | "client";
  /** `@relation(fields: [...], references: [...])`, on the side that holds the foreign key. */
  relation?: { fields: string[]; references: string[] };
}

export interface PrismaModel {
  name: string;
  /** Database table: the model name, or its `@@map("…")`. */
  table: string;
  fields: PrismaField[];
  /** Field names of the primary key (`@id` or `@@id([...])`). */
  id: string[];
  /** Field lists of `@unique` (one field each) and `@@unique([...])`. */
  uniques: string[][];
  /** Field lists of `@@index([...])`. */
  indexes: string[][];
}

export interface PrismaEnum {
  name: string;
  /** Database type name: the enum name, or its `@@map("…")`. */
  dbName: string;
  /** Database labels: the value name, or its `@map("…")`. */
  values: string[];
}

export interface PrismaSchema {
  models: PrismaModel[];
  enums: PrismaEnum[];
  /** `relationMode = "prisma"` in the datasource means no foreign keys in the database. */
  foreignKeys: boolean;
}

/** Prisma's scalar types. Everything else must be an enum or a model. */
const SCALARS = new Set(["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"]);

// ---------------------------------------------------------------------------------------------
// Lexical helpers
// ---------------------------------------------------------------------------------------------

/** Removes `//` and `///` comments, but not `//` inside string literals such as "http://…". */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === "\\")
        i++; // skip the escaped character
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "/" && line[i + 1] === "/") return line.slice(0, i);
  }
  return line;
}

/**
 * Walks `text` from `from`, skipping string literals, and calls `visit` with each character and the
 * bracket depth after it; `visit` returning true stops the walk. Returns the final depth.
 */
function walkBrackets(
  text: string,
  from: number,
  visit: (c: string, i: number, depth: number) => boolean | void,
): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    if (visit(c, i, depth)) return depth;
  }
  return depth;
}

/** Net count of open (, [ and { outside string literals: > 0 means the line continues. */
function openBrackets(text: string): number {
  return walkBrackets(text, 0, () => false);
}

/** Index of the bracket closing the one at `open`, skipping string literals. */
function closingBracket(text: string, open: number): number {
  let closing = -1;
  walkBrackets(text, open, (c, i, depth) => {
    if (depth === 0 && (c === ")" || c === "]" || c === "}")) return ((closing = i), true);
  });
  if (closing < 0) throw new SchemaParseError(`unbalanced brackets in: ${text}`);
  return closing;
}

/** Splits `a, f(b, c), [d, e]` at top-level commas: ["a", "f(b, c)", "[d, e]"]. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  walkBrackets(text, 0, (c, i, depth) => {
    if (c !== "," || depth !== 0) return;
    parts.push(text.slice(start, i).trim());
    start = i + 1;
  });
  const last = text.slice(start).trim();
  if (last) parts.push(last);
  return parts;
}

interface Attribute {
  /** `@unique`, `@@index`, `@db.VarChar`, … */
  name: string;
  /** The text between the parentheses, if any. */
  args?: string;
}

/** Reads a run of attributes: `@id @default(autoincrement()) @map("x")`. */
function parseAttributes(text: string, where: string): Attribute[] {
  const attributes: Attribute[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    const match = /^@@?[A-Za-z_][\w.]*/.exec(text.slice(i));
    if (!match) throw new SchemaParseError(`${where}: cannot read "${text.slice(i)}"`);
    i += match[0].length;
    let args: string | undefined;
    if (text[i] === "(") {
      const end = closingBracket(text, i);
      args = text.slice(i + 1, end);
      i = end + 1;
    }
    attributes.push({ name: match[0], args });
  }
  return attributes;
}

/** An attribute argument by name (`fields: [...]`) or, failing that, by position. */
function argument(args: string | undefined, name: string, position?: number): string | undefined {
  if (args === undefined) return undefined;
  const parts = splitTopLevel(args);
  for (const part of parts) {
    const named = /^([A-Za-z_]\w*)\s*:\s*([\s\S]*)$/.exec(part);
    if (named && named[1] === name) return named[2]!.trim();
  }
  if (position === undefined) return undefined;
  const positional = parts.filter((part) => !/^[A-Za-z_]\w*\s*:/.test(part));
  return positional[position];
}

/** `"x"` → `x`. */
function stringLiteral(text: string | undefined, where: string): string {
  if (text === undefined || !/^"(?:[^"\\]|\\.)*"$/.test(text)) {
    throw new SchemaParseError(`${where}: expected a string literal, got ${text ?? "nothing"}`);
  }
  return JSON.parse(text) as string;
}

/** `[a, b(sort: Desc)]` → ["a", "b"]. */
function fieldList(text: string | undefined, where: string): string[] {
  if (text === undefined || !text.startsWith("[") || !text.endsWith("]")) {
    throw new SchemaParseError(`${where}: expected a field list [a, b], got ${text ?? "nothing"}`);
  }
  return splitTopLevel(text.slice(1, -1)).map((item) => {
    const name = /^[A-Za-z_]\w*/.exec(item);
    if (!name) throw new SchemaParseError(`${where}: cannot read field "${item}"`);
    return name[0];
  });
}

/**
 * `autoincrement()` is a sequence (SERIAL); uuid(), cuid(), nanoid() and ulid() are generated by
 * Prisma Client and leave no database default; everything else (literals, now(), dbgenerated(…),
 * lists) is a DEFAULT clause in the table.
 */
function classifyDefault(value: string): NonNullable<PrismaField["default"]> {
  if (/^autoincrement\(\s*\)$/.test(value)) return "sequence";
  if (/^(uuid|cuid|nanoid|ulid)\(/.test(value)) return "client";
  return "database";
}

// ---------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------

interface Block {
  keyword: string;
  name: string;
  /** Logical lines of the body (a line with unbalanced brackets is joined with the next). */
  lines: string[];
}

/** Splits the file into top-level blocks: `model X { … }`, `enum X { … }`, `generator x { … }`. */
function readBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let pending = "";
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = stripComment(raw).trim();
    if (!line) return;
    if (!current) {
      const start = /^(model|enum|view|type|generator|datasource)\s+([A-Za-z_]\w*)\s*\{$/.exec(line);
      if (!start) throw new SchemaParseError(`line ${index + 1}: expected a block such as "model X {", got "${line}"`);
      current = { keyword: start[1]!, name: start[2]!, lines: [] };
      return;
    }
    if (line === "}" && !pending) {
      blocks.push(current);
      current = undefined;
      return;
    }
    pending = pending ? `${pending} ${line}` : line;
    if (openBrackets(pending) <= 0) {
      current.lines.push(pending);
      pending = "";
    }
  });
  if (current || pending) throw new SchemaParseError(`block ${current?.name ?? ""} is not closed`);
  return blocks;
}

/** Parses the text of a schema.prisma file. */
export function parsePrismaSchema(text: string): PrismaSchema {
  const blocks = readBlocks(text);
  for (const block of blocks) {
    if (block.keyword === "type") {
      throw new SchemaParseError(`type ${block.name}: composite types are MongoDB-only and not supported here`);
    }
  }
  const modelNames = new Set(blocks.filter((b) => b.keyword === "model" || b.keyword === "view").map((b) => b.name));
  const enumNames = new Set(blocks.filter((b) => b.keyword === "enum").map((b) => b.name));

  const datasource = blocks.find((b) => b.keyword === "datasource");
  const foreignKeys = !datasource?.lines.some((line) => /^relationMode\s*=\s*"prisma"$/.test(line));

  const enums = blocks.filter((b) => b.keyword === "enum").map(parseEnum);
  // Views are not created by migrations (they are written by hand), so only models are compared.
  const models = blocks.filter((b) => b.keyword === "model").map((block) => parseModel(block, modelNames, enumNames));
  return { models, enums, foreignKeys };
}

function parseEnum(block: Block): PrismaEnum {
  const result: PrismaEnum = { name: block.name, dbName: block.name, values: [] };
  for (const line of block.lines) {
    const where = `enum ${block.name}`;
    if (line.startsWith("@@")) {
      for (const attribute of parseAttributes(line, where)) {
        if (attribute.name === "@@map") result.dbName = stringLiteral(argument(attribute.args, "name", 0), where);
        else throw new SchemaParseError(`${where}: unsupported attribute ${attribute.name}`);
      }
      continue;
    }
    const value = /^([A-Za-z_]\w*)(?:\s+(.*))?$/.exec(line);
    if (!value) throw new SchemaParseError(`${where}: cannot read value "${line}"`);
    let label = value[1]!;
    for (const attribute of parseAttributes(value[2] ?? "", `${where}.${label}`)) {
      if (attribute.name === "@map") label = stringLiteral(argument(attribute.args, "name", 0), where);
      else throw new SchemaParseError(`${where}.${value[1]}: unsupported attribute ${attribute.name}`);
    }
    result.values.push(label);
  }
  return result;
}

/** Field-level attributes that do not change the table (and are therefore only accepted). */
const IGNORED_FIELD_ATTRIBUTES = new Set(["@updatedAt", "@ignore"]);
/** Block-level attributes that do not change the table. */
const IGNORED_BLOCK_ATTRIBUTES = new Set(["@@ignore"]);

function parseModel(block: Block, modelNames: Set<string>, enumNames: Set<string>): PrismaModel {
  const model: PrismaModel = { name: block.name, table: block.name, fields: [], id: [], uniques: [], indexes: [] };
  for (const line of block.lines) {
    if (line.startsWith("@@")) {
      const where = `model ${block.name}`;
      for (const attribute of parseAttributes(line, where)) {
        switch (attribute.name) {
          case "@@map":
            model.table = stringLiteral(argument(attribute.args, "name", 0), where);
            break;
          case "@@id":
            model.id = fieldList(argument(attribute.args, "fields", 0), `${where} ${attribute.name}`);
            break;
          case "@@unique":
            model.uniques.push(fieldList(argument(attribute.args, "fields", 0), `${where} ${attribute.name}`));
            break;
          case "@@index":
            model.indexes.push(fieldList(argument(attribute.args, "fields", 0), `${where} ${attribute.name}`));
            break;
          case "@@schema":
            throw new SchemaParseError(`${where}: @@schema (multiSchema) is not supported by this test`);
          default:
            if (!IGNORED_BLOCK_ATTRIBUTES.has(attribute.name)) {
              throw new SchemaParseError(`${where}: unsupported attribute ${attribute.name}`);
            }
        }
      }
      continue;
    }
    model.fields.push(parseField(block.name, line, modelNames, enumNames));
  }
  const idFields = model.fields.filter((f) => f.id).map((f) => f.name);
  if (idFields.length > 0) model.id = idFields;
  for (const field of model.fields) if (field.unique) model.uniques.push([field.name]);
  return model;
}

function parseField(modelName: string, line: string, modelNames: Set<string>, enumNames: Set<string>): PrismaField {
  // name  Type  [] ?  attributes…
  const match = /^([A-Za-z_]\w*)\s+(Unsupported\("(?:[^"\\]|\\.)*"\)|[A-Za-z_]\w*)(\[\])?(\?)?(?:\s+(.*))?$/.exec(line);
  if (!match) throw new SchemaParseError(`model ${modelName}: cannot read field "${line}"`);
  const [, name, type, list, optional, rest] = match as unknown as [string, string, string, string?, string?, string?];
  const where = `${modelName}.${name}`;
  let kind: PrismaField["kind"];
  if (type.startsWith("Unsupported(")) kind = "unsupported";
  else if (SCALARS.has(type)) kind = "scalar";
  else if (enumNames.has(type)) kind = "enum";
  else if (modelNames.has(type)) kind = "relation";
  else throw new SchemaParseError(`${where}: unknown type ${type}`);

  const field: PrismaField = {
    name,
    column: name,
    type,
    kind,
    list: list !== undefined,
    optional: optional !== undefined,
    id: false,
    unique: false,
  };
  for (const attribute of parseAttributes(rest ?? "", where)) {
    if (attribute.name.startsWith("@db.")) {
      field.nativeType = {
        name: attribute.name.slice("@db.".length),
        args: attribute.args === undefined ? [] : splitTopLevel(attribute.args),
      };
      continue;
    }
    switch (attribute.name) {
      case "@map":
        field.column = stringLiteral(argument(attribute.args, "name", 0), where);
        break;
      case "@id":
        field.id = true;
        break;
      case "@unique":
        field.unique = true;
        break;
      case "@default": {
        const value = argument(attribute.args, "value", 0);
        if (value === undefined) throw new SchemaParseError(`${where}: @default without a value`);
        field.default = classifyDefault(value);
        break;
      }
      case "@relation": {
        const fields = argument(attribute.args, "fields");
        if (fields !== undefined) {
          field.relation = {
            fields: fieldList(fields, `${where} @relation`),
            references: fieldList(argument(attribute.args, "references"), `${where} @relation`),
          };
        }
        break;
      }
      default:
        if (!IGNORED_FIELD_ATTRIBUTES.has(attribute.name)) {
          throw new SchemaParseError(`${where}: unsupported attribute ${attribute.name}`);
        }
    }
  }
  if (field.kind === "relation" && (field.nativeType || field.id || field.unique || field.default)) {
    throw new SchemaParseError(`${where}: a relation field cannot carry column attributes`);
  }
  return field;
}

// ---------------------------------------------------------------------------------------------
// What the database holds
// ---------------------------------------------------------------------------------------------

export interface ColumnInfo {
  dataType: string;
  udtName: string;
  nullable: boolean;
  hasDefault: boolean;
  sequenceOrIdentity: boolean;
  /** Type modifiers of the column, or of the array's element type for arrays. */
  charLength: number | null;
  numericPrecision: number | null;
  numericScale: number | null;
  datetimePrecision: number | null;
}

export interface IndexInfo {
  table: string;
  name: string;
  unique: boolean;
  primary: boolean;
  partial: boolean;
  /** Key columns in order; null for an expression. */
  columns: (string | null)[];
}

export interface ForeignKeyInfo {
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
}

export interface DatabaseSnapshot {
  /** table → column → info, for the base tables of the current schema. */
  tables: Map<string, Map<string, ColumnInfo>>;
  /** enum type → labels in sort order. */
  enums: Map<string, string[]>;
  indexes: IndexInfo[];
  foreignKeys: ForeignKeyInfo[];
}

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** Reads tables, columns, enums, indexes and foreign keys of the current schema. */
export async function readDatabaseSnapshot(sql: SqlConnection): Promise<DatabaseSnapshot> {
  const tables = new Map<string, Map<string, ColumnInfo>>();
  const tableRows = await sql.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  for (const row of tableRows) tables.set(String(row.table_name), new Map());

  // For arrays, information_schema.columns has no element modifiers: element_types has them.
  const columnRows = await sql.query(
    `SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable, c.column_default, c.is_identity,
            c.character_maximum_length, c.numeric_precision, c.numeric_scale, c.datetime_precision,
            e.character_maximum_length AS e_character_maximum_length, e.numeric_precision AS e_numeric_precision,
            e.numeric_scale AS e_numeric_scale, e.datetime_precision AS e_datetime_precision
       FROM information_schema.columns c
       LEFT JOIN information_schema.element_types e
         ON (c.table_catalog, c.table_schema, c.table_name, 'TABLE', c.dtd_identifier)
          = (e.object_catalog, e.object_schema, e.object_name, e.object_type, e.collection_type_identifier)
      WHERE c.table_schema = current_schema()`,
  );
  for (const row of columnRows) {
    const columns = tables.get(String(row.table_name));
    if (!columns) continue; // a view's column
    const isArray = row.data_type === "ARRAY";
    const pick = (name: string) => num(isArray ? row[`e_${name}`] : row[name]);
    const columnDefault = row.column_default === null ? null : String(row.column_default);
    columns.set(String(row.column_name), {
      dataType: String(row.data_type),
      udtName: String(row.udt_name),
      nullable: row.is_nullable === "YES",
      hasDefault: columnDefault !== null || row.is_identity === "YES",
      sequenceOrIdentity: row.is_identity === "YES" || (columnDefault ?? "").startsWith("nextval("),
      charLength: pick("character_maximum_length"),
      numericPrecision: pick("numeric_precision"),
      numericScale: pick("numeric_scale"),
      datetimePrecision: pick("datetime_precision"),
    });
  }

  const enums = new Map<string, string[]>();
  const enumRows = await sql.query(
    `SELECT t.typname::text AS name, e.enumlabel::text AS label
       FROM pg_type t
       JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema()
      ORDER BY t.typname, e.enumsortorder`,
  );
  for (const row of enumRows) {
    const name = String(row.name);
    enums.set(name, [...(enums.get(name) ?? []), String(row.label)]);
  }

  // One row per key column of each index (INCLUDE columns excluded); attnum 0 is an expression.
  const indexRows = await sql.query(
    `SELECT t.relname::text AS table_name, i.relname::text AS index_name, ix.indisunique AS is_unique,
            ix.indisprimary AS is_primary, (ix.indpred IS NOT NULL) AS is_partial,
            k.ord::int AS ord, a.attname::text AS column_name
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
       LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0
      WHERE n.nspname = current_schema() AND k.ord <= ix.indnkeyatts
      ORDER BY t.relname, i.relname, k.ord`,
  );
  const indexes = new Map<string, IndexInfo>();
  for (const row of indexRows) {
    const key = `${String(row.table_name)}\u0000${String(row.index_name)}`;
    let index = indexes.get(key);
    if (!index) {
      index = {
        table: String(row.table_name),
        name: String(row.index_name),
        unique: row.is_unique === true,
        primary: row.is_primary === true,
        partial: row.is_partial === true,
        columns: [],
      };
      indexes.set(key, index);
    }
    index.columns.push(row.column_name === null ? null : String(row.column_name));
  }

  const foreignKeyRows = await sql.query(
    `SELECT t.relname::text AS table_name, c.conname::text AS constraint_name, r.relname::text AS ref_table,
            k.ord::int AS ord, a.attname::text AS column_name, ra.attname::text AS ref_column
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_class r ON r.oid = c.confrelid
       CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(attnum, refattnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
       JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = k.refattnum
      WHERE c.contype = 'f' AND n.nspname = current_schema()
      ORDER BY t.relname, c.conname, k.ord`,
  );
  const foreignKeys = new Map<string, ForeignKeyInfo>();
  for (const row of foreignKeyRows) {
    const key = `${String(row.table_name)}\u0000${String(row.constraint_name)}`;
    let fk = foreignKeys.get(key);
    if (!fk) {
      fk = {
        table: String(row.table_name),
        name: String(row.constraint_name),
        refTable: String(row.ref_table),
        columns: [],
        refColumns: [],
      };
      foreignKeys.set(key, fk);
    }
    fk.columns.push(String(row.column_name));
    fk.refColumns.push(String(row.ref_column));
  }

  return { tables, enums, indexes: [...indexes.values()], foreignKeys: [...foreignKeys.values()] };
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

/** The database type a field must have. Undefined modifiers are not checked. */
interface ExpectedType {
  /** udt_name of the column (for arrays: of the element, without the leading "_"). */
  udt: string;
  charLength?: number;
  numericPrecision?: number;
  numericScale?: number;
  datetimePrecision?: number;
  /** What the schema says, for messages: `DateTime`, `String @db.VarChar(20)`. */
  source: string;
}

/** Prisma scalar → PostgreSQL type that `prisma migrate` generates when no @db.* is given. */
const DEFAULT_TYPES: Record<string, Omit<ExpectedType, "source">> = {
  String: { udt: "text" },
  Int: { udt: "int4" },
  BigInt: { udt: "int8" },
  Float: { udt: "float8" },
  // Prisma would write DECIMAL(65,30); any numeric is accepted unless @db.Decimal(p,s) says otherwise.
  Decimal: { udt: "numeric" },
  Boolean: { udt: "bool" },
  DateTime: { udt: "timestamp", datetimePrecision: 3 },
  Json: { udt: "jsonb" },
  Bytes: { udt: "bytea" },
};

/** `@db.<Name>` → udt_name, and which modifier its arguments set. */
const NATIVE_TYPES: Record<string, { udt: string; args?: "length" | "precision-scale" | "datetime" }> = {
  Text: { udt: "text" },
  VarChar: { udt: "varchar", args: "length" },
  Char: { udt: "bpchar", args: "length" },
  Bit: { udt: "bit", args: "length" },
  VarBit: { udt: "varbit", args: "length" },
  Uuid: { udt: "uuid" },
  Xml: { udt: "xml" },
  Inet: { udt: "inet" },
  Citext: { udt: "citext" },
  SmallInt: { udt: "int2" },
  Integer: { udt: "int4" },
  Oid: { udt: "oid" },
  BigInt: { udt: "int8" },
  Real: { udt: "float4" },
  DoublePrecision: { udt: "float8" },
  Decimal: { udt: "numeric", args: "precision-scale" },
  Money: { udt: "money" },
  Boolean: { udt: "bool" },
  Timestamp: { udt: "timestamp", args: "datetime" },
  Timestamptz: { udt: "timestamptz", args: "datetime" },
  Date: { udt: "date" },
  Time: { udt: "time", args: "datetime" },
  Timetz: { udt: "timetz", args: "datetime" },
  Json: { udt: "json" },
  JsonB: { udt: "jsonb" },
  ByteA: { udt: "bytea" },
};

function expectedType(field: PrismaField, schema: PrismaSchema): ExpectedType | undefined {
  if (field.kind === "unsupported") return undefined; // Unsupported("…"): only existence is checked
  if (field.kind === "enum") {
    const enumType = schema.enums.find((e) => e.name === field.type)!;
    return { udt: enumType.dbName, source: field.type };
  }
  if (!field.nativeType) return { ...DEFAULT_TYPES[field.type]!, source: field.type };
  const { name, args } = field.nativeType;
  const source = `${field.type} @db.${name}${args.length ? `(${args.join(", ")})` : ""}`;
  const native = NATIVE_TYPES[name];
  if (!native) throw new SchemaParseError(`${field.name}: unknown native type @db.${name}`);
  const expected: ExpectedType = { udt: native.udt, source };
  // Without arguments, the database's default modifier is not checked (Prisma's choice varies by type).
  if (args.length > 0) {
    if (native.args === "length") expected.charLength = Number(args[0]);
    else if (native.args === "precision-scale") {
      expected.numericPrecision = Number(args[0]);
      expected.numericScale = Number(args[1] ?? 0);
    } else if (native.args === "datetime") expected.datetimePrecision = Number(args[0]);
  }
  return expected;
}

interface Modifiers {
  charLength?: number | null;
  numericPrecision?: number | null;
  numericScale?: number | null;
  datetimePrecision?: number | null;
}

/** `varchar(20)`, `numeric(14,2)`, `timestamp(3)`, `int4[]`: udt_name with its modifiers. */
function describeType(udt: string, list: boolean, mods: Modifiers): string {
  let text = udt;
  if (mods.charLength != null) text += `(${mods.charLength})`;
  else if (mods.numericPrecision != null && udt === "numeric")
    text += `(${mods.numericPrecision},${mods.numericScale ?? 0})`;
  else if (mods.datetimePrecision != null && /^(timestamp|timestamptz|time|timetz)$/.test(udt)) {
    text += `(${mods.datetimePrecision})`;
  }
  return list ? `${text}[]` : text;
}

function typeMismatch(expected: ExpectedType, list: boolean, actual: ColumnInfo): boolean {
  const isArray = actual.dataType === "ARRAY";
  if (isArray !== list) return true;
  const udt = isArray ? actual.udtName.replace(/^_/, "") : actual.udtName;
  if (udt !== expected.udt) return true;
  if (expected.charLength !== undefined && actual.charLength !== expected.charLength) return true;
  if (expected.numericPrecision !== undefined && actual.numericPrecision !== expected.numericPrecision) return true;
  if (expected.numericScale !== undefined && actual.numericScale !== expected.numericScale) return true;
  if (expected.datetimePrecision !== undefined && actual.datetimePrecision !== expected.datetimePrecision) return true;
  return false;
}

const sameList = (a: readonly (string | null)[], b: readonly string[]) =>
  a.length === b.length && a.every((item, i) => item === b[i]);
const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(", ");

/**
 * Every difference between the schema and the database, one readable line each; empty when they
 * agree. Checked: a table per model (and no table without a model), a column per scalar field
 * with type, nullability and database default (and no column without a field), primary keys,
 * unique indexes, indexes, foreign keys of relations, and enum labels.
 */
export function compareSchemaWithDatabase(schema: PrismaSchema, db: DatabaseSnapshot): string[] {
  const problems: string[] = [];
  const modelsByName = new Map(schema.models.map((m) => [m.name, m]));

  for (const model of schema.models) {
    const where = model.table === model.name ? `model ${model.name}` : `model ${model.name} (table "${model.table}")`;
    const columns = db.tables.get(model.table);
    if (!columns) {
      problems.push(`${where}: table "${model.table}" does not exist`);
      continue;
    }
    const columnOf = (fieldName: string, context: string): string | undefined => {
      const field = model.fields.find((f) => f.name === fieldName && f.kind !== "relation");
      if (!field) problems.push(`${where}: ${context} names "${fieldName}", which is not a scalar field of the model`);
      return field?.column;
    };

    // Columns: existence, type, nullability, default.
    const expectedColumns = new Set<string>();
    for (const field of model.fields) {
      if (field.kind === "relation") continue; // no column; its `fields:` scalars are checked below
      expectedColumns.add(field.column);
      const label = `${model.name}.${field.name}` + (field.column !== field.name ? ` (column "${field.column}")` : "");
      const column = columns.get(field.column);
      if (!column) {
        problems.push(`${label}: column "${model.table}"."${field.column}" does not exist`);
        continue;
      }
      const expected = expectedType(field, schema);
      if (expected && typeMismatch(expected, field.list, column)) {
        const actualUdt = column.dataType === "ARRAY" ? column.udtName.replace(/^_/, "") : column.udtName;
        problems.push(
          `${label}: type is ${describeType(actualUdt, column.dataType === "ARRAY", column)} (${column.dataType}), ` +
            `schema says ${expected.source}${field.list ? "[]" : ""} → ${describeType(expected.udt, field.list, expected)}`,
        );
      }
      // Prisma creates list columns without NOT NULL, so either is accepted for lists.
      if (!field.list) {
        if (field.optional && !column.nullable)
          problems.push(`${label}: column is NOT NULL, but the field is optional (?)`);
        if (!field.optional && column.nullable)
          problems.push(`${label}: column is nullable, but the field is required`);
      }
      if (field.default === "sequence" && !column.sequenceOrIdentity) {
        problems.push(`${label}: @default(autoincrement()) but the column has no sequence (SERIAL) or identity`);
      }
      if (field.default === "database" && !column.hasDefault) {
        problems.push(`${label}: @default(…) but the column has no DEFAULT`);
      }
    }
    for (const column of columns.keys()) {
      if (!expectedColumns.has(column)) {
        problems.push(`${where}: column "${model.table}"."${column}" exists in the database but no field maps to it`);
      }
    }

    const tableIndexes = db.indexes.filter((i) => i.table === model.table && !i.partial);

    // Primary key.
    if (model.id.length > 0) {
      const idColumns = model.id.map((f) => columnOf(f, "@id"));
      if (idColumns.every((c) => c !== undefined)) {
        const primary = tableIndexes.find((i) => i.primary);
        if (!primary) problems.push(`${where}: no primary key (expected on ${quoted(idColumns)})`);
        else if (!sameList(primary.columns, idColumns)) {
          problems.push(
            `${where}: primary key is on (${quoted(primary.columns.map(String))}), expected (${quoted(idColumns)})`,
          );
        }
      }
    } else {
      const hasUnique = model.uniques.length > 0;
      if (!hasUnique) problems.push(`${where}: the schema gives the model no @id, @@id or @unique`);
    }

    // Unique constraints: a unique index over exactly these columns, in this order.
    for (const fields of model.uniques) {
      const cols = fields.map((f) => columnOf(f, "@unique/@@unique"));
      if (cols.some((c) => c === undefined)) continue;
      const wanted = cols as string[];
      if (!tableIndexes.some((i) => i.unique && sameList(i.columns, wanted))) {
        problems.push(
          `${where}: no unique index on (${quoted(wanted)}) for ${fields.length === 1 ? `@unique ${fields[0]}` : `@@unique([${fields.join(", ")}])`}`,
        );
      }
    }

    // Indexes: any index (unique or not) over exactly these columns, in this order.
    for (const fields of model.indexes) {
      const cols = fields.map((f) => columnOf(f, "@@index"));
      if (cols.some((c) => c === undefined)) continue;
      const wanted = cols as string[];
      if (!tableIndexes.some((i) => sameList(i.columns, wanted))) {
        problems.push(`${where}: no index on (${quoted(wanted)}) for @@index([${fields.join(", ")}])`);
      }
    }

    // Foreign keys of relations (unless relationMode = "prisma").
    if (schema.foreignKeys) {
      for (const field of model.fields) {
        if (field.kind !== "relation" || !field.relation) continue;
        const target = modelsByName.get(field.type)!;
        const cols = field.relation.fields.map((f) => columnOf(f, `relation ${field.name}`));
        const refCols = field.relation.references.map((f) => {
          const ref = target.fields.find((t) => t.name === f && t.kind !== "relation");
          if (!ref) problems.push(`${where}: relation ${field.name} references unknown field ${target.name}.${f}`);
          return ref?.column;
        });
        if ([...cols, ...refCols].some((c) => c === undefined)) continue;
        const found = db.foreignKeys.some(
          (fk) =>
            fk.table === model.table &&
            fk.refTable === target.table &&
            sameList(fk.columns, cols as string[]) &&
            sameList(fk.refColumns, refCols as string[]),
        );
        if (!found) {
          problems.push(
            `${where}: relation ${field.name} has no foreign key (${quoted(cols as string[])}) → "${target.table}"(${quoted(refCols as string[])})`,
          );
        }
      }
    }
  }

  // Tables that no model maps to would be dropped by `prisma migrate dev`: that is drift too.
  const tables = new Set(schema.models.map((m) => m.table));
  for (const table of db.tables.keys()) {
    if (table !== "_prisma_migrations" && !tables.has(table)) {
      problems.push(`table "${table}" exists in the database but no model maps to it`);
    }
  }

  // Enums: the same set of labels. Order is not compared: `ALTER TYPE … ADD VALUE` appends, which
  // is what Prisma itself generates when a value is added in the middle of an enum.
  for (const enumType of schema.enums) {
    const labels = db.enums.get(enumType.dbName);
    const where =
      enumType.dbName === enumType.name ? `enum ${enumType.name}` : `enum ${enumType.name} (type "${enumType.dbName}")`;
    if (!labels) {
      problems.push(`${where}: type "${enumType.dbName}" does not exist`);
      continue;
    }
    const missing = enumType.values.filter((v) => !labels.includes(v));
    const extra = labels.filter((v) => !enumType.values.includes(v));
    if (missing.length) problems.push(`${where}: value(s) ${missing.join(", ")} missing from the database type`);
    if (extra.length)
      problems.push(`${where}: the database type has value(s) ${extra.join(", ")} that the schema lacks`);
  }
  return problems;
}
