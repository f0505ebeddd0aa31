/**
 * Telegram's HTML as the Bot API parses it (https://core.telegram.org/bots/api#html-style), written
 * apart from src/lib/html.ts so the fake checks the bot's output instead of agreeing with it.
 */

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
const ENTITY = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i;
const TAG = /^<(\/?)([a-z][a-z-]*)((?:\s+[a-z-]+(?:="[^"<>]*"|='[^'<>]*')?)*)\s*>/i;

/** Why Telegram would refuse `text` with parse_mode HTML ("can't parse entities: …"), or undefined. */
export function htmlProblem(text: string): string | undefined {
  const open: string[] = [];
  for (let i = 0; i < text.length;) {
    const rest = text.slice(i);
    if (rest[0] === "&") {
      const entity = ENTITY.exec(rest);
      if (!entity) return `unsupported entity at byte offset ${i}`;
      i += entity[0].length;
    } else if (rest[0] === "<") {
      const tag = TAG.exec(rest);
      if (!tag) return `unexpected "<" at byte offset ${i}`;
      const name = tag[2]!.toLowerCase();
      if (!ALLOWED.has(name)) return `unsupported start tag "${name}" at byte offset ${i}`;
      if (name === "span" && !/class="tg-spoiler"/.test(tag[3]!)) return `span without class tg-spoiler at ${i}`;
      if (name === "a" && !tag[1] && !/href=/.test(tag[3]!)) return `a without href at ${i}`;
      if (tag[1]) {
        if (open.pop() !== name) return `unmatched end tag "${name}" at byte offset ${i}`;
      } else open.push(name);
      i += tag[0].length;
    } else if (rest[0] === ">") {
      return `unexpected ">" at byte offset ${i}`;
    } else i++;
  }
  return open.length ? `can't find end tag corresponding to start tag "${open.at(-1)}"` : undefined;
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** What the reader sees: tags removed, entities decoded. */
export function visible(text: string): string {
  return text
    .replace(/<[^>]*>/g, "")
    .replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi, (_, name: string) =>
      name.startsWith("#")
        ? String.fromCodePoint(
            parseInt(name.slice(name[1] === "x" || name[1] === "X" ? 2 : 1), name[1]?.toLowerCase() === "x" ? 16 : 10),
          )
        : NAMED[name.toLowerCase()]!,
    );
}

/** What the reader will see of an outbox row's message (`{ method, params }`): its text or caption, visible. */
export function payloadText(payload: unknown): string {
  const params = (payload as { params?: { text?: unknown; caption?: unknown } } | null)?.params;
  return visible(String(params?.text ?? params?.caption ?? ""));
}
