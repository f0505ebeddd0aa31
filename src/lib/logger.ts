import { pino, type Logger } from "pino";

export type { Logger };

/** JSON logs; the bot token is redacted wherever it could appear (URLs, errors, config). */
export function createLogger(options: {
  level: string;
  botToken?: string;
  destination?: NodeJS.WritableStream;
}): Logger {
  const token = options.botToken;
  return pino(
    {
      level: options.level,
      redact: { paths: ["botToken", "config.botToken", "*.botToken", "token"], censor: "***" },
      hooks: {
        logMethod(args, method) {
          if (!token) return method.apply(this, args);
          const scrubbed = args.map((a) => scrub(a, token));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination as pino.DestinationStream | undefined,
  );
}

function scrub(value: unknown, token: string): unknown {
  if (typeof value === "string") return value.split(token).join("***");
  if (value instanceof Error) {
    const copy = new Error(scrub(value.message, token) as string);
    copy.name = value.name;
    copy.stack = value.stack ? (scrub(value.stack, token) as string) : undefined;
    return copy;
  }
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, token)]));
  }
  return value;
}
