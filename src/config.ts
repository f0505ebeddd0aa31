import { z } from "zod";
import { TIME_ZONES, timeZoneFromName, type TimeZone } from "./lib/time.ts";
import type { S3Location } from "./storage/s3.ts";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const telegramIdList = z
  .string()
  .default("")
  .transform((raw, ctx) => {
    const ids = raw.split(/[\s,]+/).filter(Boolean);
    const bad = ids.find((id) => !/^-?\d{1,20}$/.test(id));
    if (bad) {
      ctx.addIssue({
        code: "custom",
        message: `a comma-separated list of numeric Telegram user ids ("${bad}" is not one)`,
      });
      return z.NEVER;
    }
    return ids.map((id) => BigInt(id));
  });

/** `s3://<bucket>?endpoint=<http(s) URL>&region=<region>`: the shared file store (docs/operations.md). */
const storageUrl = z.string().transform((raw, ctx) => {
  const fail = () => {
    ctx.addIssue({
      code: "custom",
      message: "an s3://<bucket>?endpoint=<http(s) URL>&region=<region> URL (leave it unset to keep files in DATA_DIR)",
    });
    return z.NEVER;
  };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail();
  }
  const bucket = url.hostname;
  const endpoint = url.searchParams.get("endpoint") ?? undefined;
  const region = url.searchParams.get("region") ?? "us-east-1";
  const known = [...url.searchParams.keys()].every((k) => k === "endpoint" || k === "region");
  if (url.protocol !== "s3:" || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || !known) return fail();
  if (url.pathname.replace(/\/+$/, "") !== "" || url.username || url.password || url.port) return fail();
  if (endpoint !== undefined && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(endpoint)) return fail();
  if (!/^[a-z0-9-]{1,32}$/.test(region)) return fail();
  return { bucket, endpoint: endpoint?.replace(/\/+$/, ""), region };
});

const envSchema = z
  .object({
    BOT_TOKEN: z
      .string({ error: "the bot token from @BotFather (e.g. 123456:ABC-...)" })
      .regex(/^\d+:[A-Za-z0-9_-]+$/, "the bot token from @BotFather (e.g. 123456:ABC-...)"),
    BOT_API_ROOT: z.url({ error: "an http(s) URL of a Bot API server" }).default("https://api.telegram.org"),
    BOT_MODE: z.enum(["polling", "webhook"], { error: '"polling" or "webhook"' }).default("polling"),
    // Telegram delivers webhooks over https only.
    WEBHOOK_URL: z.url({ protocol: /^https$/, error: "the public https:// URL Telegram posts updates to" }).optional(),
    WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, "1 to 256 characters of A-Z, a-z, 0-9, _ and -")
      .optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "a postgres:// URL (leave it unset for the embedded database)")
      .optional(),
    DATA_DIR: z.string().min(1, "a directory path").default("./data"),
    STORAGE_URL: storageUrl.optional(),
    HOST: z.string().min(1, "a host name or address").default("0.0.0.0"),
    PORT: z.coerce
      .number({ error: "a port number from 0 to 65535" })
      .int("a port number from 0 to 65535")
      .min(0, "a port number from 0 to 65535")
      .max(65535, "a port number from 0 to 65535")
      .default(3000),
    DEFAULT_TIMEZONE: z
      .string()
      .default("Asia/Jakarta")
      .transform((name, ctx) => {
        const zone = timeZoneFromName(name);
        if (zone) return zone;
        ctx.addIssue({ code: "custom", message: `one of ${TIME_ZONES.join(", ")} (or WIB, WITA, WIT)` });
        return z.NEVER;
      }),
    ADMIN_TELEGRAM_IDS: telegramIdList,
    STARTUP_WAIT_SECONDS: z.coerce
      .number({ error: "a number of seconds from 1 to 3600" })
      .int("a number of seconds from 1 to 3600")
      .min(1, "a number of seconds from 1 to 3600")
      .max(3600, "a number of seconds from 1 to 3600")
      .default(60),
    // The address people's browsers reach (dashboard, login and evidence links); unset turns those off.
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: "the http(s) address browsers reach Lapkin at" }).optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE !== "webhook") return;
    if (!env.WEBHOOK_URL) ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "set when BOT_MODE=webhook" });
    if (!env.WEBHOOK_SECRET)
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "set when BOT_MODE=webhook" });
  });

export type Config = {
  botToken: string;
  botApiRoot: string;
  botMode: "polling" | "webhook";
  webhookUrl?: string;
  webhookSecret?: string;
  databaseUrl?: string;
  dataDir: string;
  /** The shared object store for files (evidence); undefined: files are kept under DATA_DIR. */
  storage?: S3Location;
  host: string;
  port: number;
  defaultTimeZone: TimeZone;
  adminTelegramIds: bigint[];
  logLevel: (typeof LOG_LEVELS)[number];
  /** How long start-up keeps trying an unreachable Bot API before it gives up. */
  startupWaitSeconds: number;
  /** The address browsers reach (no trailing slash); undefined: dashboard and evidence links are off. */
  publicUrl?: string;
};

/** A configuration problem a person can fix; printed as one line, never as a stack trace. */
export class ConfigError extends Error {}

/** Parses the environment once. Empty strings count as unset, as in most .env files. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    const got =
      present[variable] === undefined ? "it is not set" : "got " + JSON.stringify(redact(variable, present[variable]!));
    throw new ConfigError(`Invalid configuration: ${variable} must be ${issue.message} (${got}).`);
  }
  const e = parsed.data;
  return {
    botToken: e.BOT_TOKEN,
    botApiRoot: e.BOT_API_ROOT.replace(/\/+$/, ""),
    botMode: e.BOT_MODE,
    webhookUrl: e.WEBHOOK_URL,
    webhookSecret: e.WEBHOOK_SECRET,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    storage: e.STORAGE_URL,
    host: e.HOST,
    port: e.PORT,
    defaultTimeZone: e.DEFAULT_TIMEZONE,
    adminTelegramIds: e.ADMIN_TELEGRAM_IDS,
    logLevel: e.LOG_LEVEL,
    startupWaitSeconds: e.STARTUP_WAIT_SECONDS,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
  };
}

/** A refused value as the message shows it: secrets hidden, and a URL's password too (DATABASE_URL). */
function redact(variable: string, value: string): string {
  if (variable === "BOT_TOKEN" || variable === "WEBHOOK_SECRET") return "***";
  return value.replace(/(\/\/[^/?#@:\s]*:)[^@\s]*@/, "$1***@");
}
