import { z } from "zod";

/** Telegram's limit for a button's callback_data, in bytes of UTF-8. */
export const CALLBACK_DATA_MAX_BYTES = 64;

type Values<F extends readonly z.ZodType[]> = { [K in keyof F]: z.output<F[K]> };

/**
 * One kind of button's callback data: `prefix:value:value…`. The keyboard packs it, the handler
 * matches `filter` and parses it, and tests press buttons with `pack` — no wire string is written
 * twice. Data only carries ids: whoever presses is checked against the database, never trusted.
 */
export interface CallbackCodec<T extends readonly unknown[]> {
  readonly prefix: string;
  /** Matches data of this prefix (what `parse` then validates), for `composer.callbackQuery`. */
  readonly filter: RegExp;
  pack(...values: T): string;
  /** The values, or undefined for data that is not exactly this codec's (tampered, stale, another's). */
  parse(data: string | undefined): T | undefined;
}

export function callbackData<const F extends readonly z.ZodType[]>(
  prefix: string,
  ...fields: F
): CallbackCodec<Values<F>> {
  const shape = z.tuple(fields as unknown as [z.ZodType, ...z.ZodType[]]);
  const prefixParts = prefix.split(":").length;
  return {
    prefix,
    filter: new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?::|$)`),
    pack(...values) {
      const parts = values.map(String);
      if (parts.some((p) => p.includes(":"))) throw new Error(`callback data ${prefix}: a value contains ":"`);
      const data = [prefix, ...parts].join(":");
      if (Buffer.byteLength(data, "utf8") > CALLBACK_DATA_MAX_BYTES) {
        throw new Error(`callback data over ${CALLBACK_DATA_MAX_BYTES} bytes: ${data}`);
      }
      return data;
    },
    parse(data) {
      if (data === undefined) return undefined;
      const parts = data.split(":");
      if (parts.slice(0, prefixParts).join(":") !== prefix) return undefined;
      const rest = parts.slice(prefixParts);
      if (rest.length !== fields.length) return undefined;
      const parsed = fields.length === 0 ? { success: true as const, data: [] } : shape.safeParse(rest);
      return parsed.success ? (parsed.data as unknown as Values<F>) : undefined;
    },
  };
}

/** Field shapes the codecs share. */
export const id = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number);
/** A Telegram id (chat or user) in callback data: digits, optionally negative (groups). */
export const telegramId = z
  .string()
  .regex(/^-?\d{1,20}$/)
  .transform((s) => BigInt(s));
