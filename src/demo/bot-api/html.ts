/** The tags Telegram accepts in parse_mode HTML (https://core.telegram.org/bots/api#html-style). */
const ALLOWED = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "code",
  "pre",
  "blockquote",
  "tg-emoji",
]);

/**
 * Checks text sent with parse_mode HTML the way Telegram does: only its tags, properly nested,
 * and every other `<`, `>` and `&` escaped. Returns Telegram's error text, or undefined when the
 * text is fine. A bot bug that real Telegram would refuse is refused here too.
 */
export function htmlProblem(text: string): string | undefined {
  const open: string[] = [];
  const token = /<(\/?)([a-zA-Z][\w-]*)([^<>]*)>|<|>|&(#\d+|#x[\da-fA-F]+|[a-zA-Z]+);|&/g;
  for (let match = token.exec(text); match; match = token.exec(text)) {
    const [whole, closing, rawName] = match;
    if (whole === "<" || whole === ">")
      return `can't parse entities: unexpected "${whole}" at byte offset ${match.index}`;
    if (whole === "&") return `can't parse entities: unescaped "&" at byte offset ${match.index}`;
    if (!rawName) continue; // an entity such as &lt; or &#39;
    const name = rawName.toLowerCase();
    if (!ALLOWED.has(name))
      return `can't parse entities: Unsupported start tag "${name}" at byte offset ${match.index}`;
    if (!closing) {
      open.push(name);
      continue;
    }
    if (open.pop() !== name) return `can't parse entities: Can't find end tag corresponding to start tag "${name}"`;
  }
  return open.length
    ? `can't parse entities: Can't find end tag corresponding to start tag "${open.at(-1)}"`
    : undefined;
}

/** Width and height of a PNG or JPEG, for the PhotoSize Telegram reports; undefined for anything else. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47)
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    const length = b.readUInt16BE(at + 2);
    // SOF0…SOF15, except DHT (C4), JPG (C8) and DAC (CC), carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return undefined;
}
