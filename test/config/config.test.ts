import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

const base = { BOT_TOKEN: "123456:ABC-def_ghi" };

describe("configuration from the environment", () => {
  it("applies the documented defaults", () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      botApiRoot: "https://api.telegram.org",
      botMode: "polling",
      dataDir: "./data",
      port: 3000,
      defaultTimeZone: "Asia/Jakarta",
      adminTelegramIds: [],
      logLevel: "info",
      databaseUrl: undefined,
      startupWaitSeconds: 60,
      publicUrl: undefined,
    });
  });

  it("takes PUBLIC_URL without its trailing slash, so links are built the same way everywhere", () => {
    expect(loadConfig({ ...base, PUBLIC_URL: "https://kinerja.kota.go.id/" }).publicUrl).toBe(
      "https://kinerja.kota.go.id",
    );
  });

  it("parses admin ids as BigInt, beyond 32 bits", () => {
    expect(loadConfig({ ...base, ADMIN_TELEGRAM_IDS: "5000000001, 42" }).adminTelegramIds).toEqual([5000000001n, 42n]);
  });

  it.each([
    ["WIB", "Asia/Jakarta"],
    ["wita", "Asia/Makassar"],
    ["WIT", "Asia/Jayapura"],
    ["Asia/Makassar", "Asia/Makassar"],
  ])("accepts DEFAULT_TIMEZONE=%s as %s, as the import does", (name, zone) => {
    expect(loadConfig({ ...base, DEFAULT_TIMEZONE: name }).defaultTimeZone).toBe(zone);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ ...base, DATABASE_URL: "", PORT: "" })).toMatchObject({ databaseUrl: undefined, port: 3000 });
  });

  it("drops a trailing slash from BOT_API_ROOT so every call and download URL is well formed", () => {
    expect(loadConfig({ ...base, BOT_API_ROOT: "http://127.0.0.1:8081/" }).botApiRoot).toBe("http://127.0.0.1:8081");
  });

  it.each([
    [{}, "BOT_TOKEN", "it is not set"],
    [{ BOT_TOKEN: "nonsense" }, "BOT_TOKEN", "***"],
    [{ ...base, PORT: "70000" }, "PORT", "a port number"],
    [{ ...base, PORT: "abc" }, "PORT", "a port number"],
    [{ ...base, BOT_MODE: "hook" }, "BOT_MODE", '"polling" or "webhook"'],
    [{ ...base, PUBLIC_URL: "kinerja.kota.go.id" }, "PUBLIC_URL", "the http(s) address browsers reach"],
    [{ ...base, PUBLIC_URL: "ftp://kinerja.kota.go.id" }, "PUBLIC_URL", "the http(s) address browsers reach"],
    [{ ...base, STARTUP_WAIT_SECONDS: "0" }, "STARTUP_WAIT_SECONDS", "a number of seconds from 1 to 3600"],
    [{ ...base, STARTUP_WAIT_SECONDS: "soon" }, "STARTUP_WAIT_SECONDS", "a number of seconds"],
    [{ ...base, BOT_MODE: "webhook" }, "WEBHOOK_URL", "WEBHOOK_URL must be set when BOT_MODE=webhook"],
    [
      { ...base, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.example/telegram/webhook" },
      "WEBHOOK_SECRET",
      "must be set",
    ],
    [{ ...base, WEBHOOK_URL: "http://x.example/telegram/webhook" }, "WEBHOOK_URL", "https:// URL"],
    [{ ...base, DEFAULT_TIMEZONE: "GMT+7" }, "DEFAULT_TIMEZONE", "(or WIB, WITA, WIT)"],
    [{ ...base, WEBHOOK_SECRET: "has spaces!" }, "WEBHOOK_SECRET", "A-Z"],
    [{ ...base, DATABASE_URL: "mysql://localhost/x" }, "DATABASE_URL", "postgres://"],
    [{ ...base, DEFAULT_TIMEZONE: "Asia/Singapore" }, "DEFAULT_TIMEZONE", "Asia/Makassar"],
    [{ ...base, ADMIN_TELEGRAM_IDS: "12,abc" }, "ADMIN_TELEGRAM_IDS", '"abc" is not one'],
    [{ ...base, LOG_LEVEL: "loud" }, "LOG_LEVEL", "one of"],
    [{ ...base, BOT_API_ROOT: "not a url" }, "BOT_API_ROOT", "URL"],
  ])("refuses %j naming %s", (env, variable, hint) => {
    let error: unknown;
    try {
      loadConfig(env as Record<string, string>);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.split("\n")).toHaveLength(1);
    expect(message).toContain(`Invalid configuration: ${variable} must be`);
    expect(message).toContain(hint);
  });

  it("never echoes the bot token in an error", () => {
    expect(() => loadConfig({ BOT_TOKEN: "123:bad token with spaces" })).toThrow(/\*\*\*/);
    expect(() => loadConfig({ BOT_TOKEN: "123:bad token with spaces" })).not.toThrow(/bad token/);
  });

  it("never echoes a password in a URL it refuses", () => {
    // Quotes kept by an env file, or another database's URL: the password stays out of the message.
    for (const DATABASE_URL of ['"postgres://lapkin:S3cr3t@db:5432/lapkin"', "mysql://lapkin:S3cr3t@db/lapkin"]) {
      expect(() => loadConfig({ ...base, DATABASE_URL })).toThrow(/DATABASE_URL must be .*lapkin:\*\*\*@db/);
      expect(() => loadConfig({ ...base, DATABASE_URL })).not.toThrow(/S3cr3t/);
    }
  });
});
