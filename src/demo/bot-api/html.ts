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

const ENTITY = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i;
const TAG = /^<(\/?)([a-z][a-z-]*)((?:\s+[a-z-]+(?:="[^"<>]*"|='[^'<>]*')?)*)\s*>/i;

/**
 * Checks text sent with parse_mode HTML the way Telegram does: only its tags (a span only as a
 * spoiler, a link only with href), properly nested, only its entities, and every other `<`, `>`
 * and `&` escaped. Returns Telegram's error text, or undefined when the text is fine. The test
 * suite's fake Bot API uses it too, so a bot bug that real Telegram would refuse fails a test.
 */
export function htmlProblem(text: string): string | undefined {
  const open: string[] = [];
  for (let i = 0; i < text.length;) {
    const rest = text.slice(i);
    if (rest[0] === "&") {
      const entity = ENTITY.exec(rest);
      if (!entity) return `can't parse entities: unsupported entity at byte offset ${i}`;
      i += entity[0].length;
    } else if (rest[0] === "<") {
      const tag = TAG.exec(rest);
      if (!tag) return `can't parse entities: unexpected "<" at byte offset ${i}`;
      const name = tag[2]!.toLowerCase();
      if (!ALLOWED.has(name)) return `can't parse entities: Unsupported start tag "${name}" at byte offset ${i}`;
      if (name === "span" && !/class="tg-spoiler"/.test(tag[3]!))
        return `can't parse entities: span without class tg-spoiler at byte offset ${i}`;
      if (name === "a" && !tag[1] && !/href=/.test(tag[3]!))
        return `can't parse entities: a without href at byte offset ${i}`;
      if (tag[1]) {
        if (open.pop() !== name) return `can't parse entities: Unmatched end tag "${name}" at byte offset ${i}`;
      } else open.push(name);
      i += tag[0].length;
    } else if (rest[0] === ">") {
      return `can't parse entities: unexpected ">" at byte offset ${i}`;
    } else i++;
  }
  return open.length
    ? `can't parse entities: Can't find end tag corresponding to start tag "${open.at(-1)}"`
    : undefined;
}
