import { randomBytes } from "node:crypto";

/** Lower-case letters and digits without 0/o and 1/l, so a code copied by hand is read right. */
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
const LENGTH = 10;

/**
 * The code a counter's poster carries (`fb_<code>`): 10 random characters, 50 bits. Random rather
 * than derived from the counter's own code, so that nobody can turn one counter's poster into
 * another's by editing a letter, nor guess a counter's link.
 */
export function newPublicCode(): string {
  const bytes = randomBytes(LENGTH);
  let code = "";
  for (const byte of bytes) code += ALPHABET[byte % ALPHABET.length];
  return code;
}

/** What a `/start fb_…` payload may carry: a public code's shape, checked before any query. */
export const isPublicCode = (text: string) => new RegExp(`^[${ALPHABET}]{${LENGTH}}$`).test(text);
