import { GrammyError, HttpError } from "grammy";

/** What became of one Bot API call, for the row it came from. */
export type Outcome =
  | { kind: "sent"; result: unknown }
  | { kind: "permanent"; error: string }
  | { kind: "flood"; retryAfterSeconds: number; error: string }
  | { kind: "transient"; error: string };

/**
 * What an error means for the row: 400/403 (blocked, chat not found, bad request) will not get
 * better; 429 says when to come back; 5xx, network errors and anything else may pass later.
 */
export function classify(error: unknown): Outcome {
  if (error instanceof GrammyError) {
    const text = `${error.error_code}: ${error.description}`;
    if (error.error_code === 429)
      return { kind: "flood", retryAfterSeconds: error.parameters.retry_after ?? 5, error: text };
    // An edit that changes nothing has the effect it was meant to have.
    if (error.error_code === 400 && /message is not modified/i.test(error.description))
      return { kind: "sent", result: true };
    if (error.error_code === 400 || error.error_code === 403) return { kind: "permanent", error: text };
    return { kind: "transient", error: text };
  }
  if (error instanceof HttpError) return { kind: "transient", error: `network: ${error.message}` };
  return { kind: "transient", error: error instanceof Error ? error.message : String(error) };
}
