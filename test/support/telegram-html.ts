/**
 * Telegram's HTML as the Bot API parses it (https://core.telegram.org/bots/api#html-style), for
 * the fake Bot API and assertions. The check is the demo Bot API server's (src/demo/bot-api/html.ts),
 * written apart from src/lib/html.ts so the fake checks the bot's output instead of agreeing with it.
 */
export { htmlProblem } from "../../src/demo/bot-api/html.ts";

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
