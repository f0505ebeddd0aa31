import { Api, InputFile } from "grammy";
import { autoRetry } from "@grammyjs/auto-retry";
import type { Prisma } from "../generated/prisma/client.ts";
import { MESSAGE_TRANSFORMERS } from "../lib/telegram-limits.ts";
import { classify, type Outcome } from "./outbox-errors.ts";

/**
 * A private Api on the same token, client options and transformers as the one given, plus the
 * auto-retry plugin for short flood waits only: 5xx and network errors come back to the sender,
 * whose backoff is kept in the row (it survives a restart and is shared by every instance).
 */
export function senderApi(api: Api, limits: { maxDelaySeconds: number; timeoutSeconds: number }): Api {
  const timeoutSeconds = Math.min(api.options?.timeoutSeconds ?? Infinity, limits.timeoutSeconds);
  const own = new Api(api.token, { ...api.options, timeoutSeconds });
  const maxDelaySeconds = limits.maxDelaySeconds;
  // The bot's own transformers when it has any; HTML and the limits in any case (a CLI's bare Api).
  const installed = api.config.installedTransformers();
  for (const transformer of installed) own.config.use(transformer);
  for (const transformer of MESSAGE_TRANSFORMERS) if (!installed.includes(transformer)) own.config.use(transformer);
  own.config.use(
    autoRetry({ maxRetryAttempts: 1, maxDelaySeconds, rethrowInternalServerErrors: true, rethrowHttpErrors: true }),
  );
  return own;
}

/** Makes the Bot API call a row's payload (`{ method, params }`) describes, uploading its attachment. */
export async function callPayload(
  api: Api,
  payload: Prisma.JsonValue,
  attachment: Uint8Array | null = null,
): Promise<Outcome> {
  const call = payload as { method?: unknown; params?: unknown } | null;
  const method = typeof call?.method === "string" ? call.method : undefined;
  const params = call?.params && typeof call.params === "object" ? (call.params as Record<string, unknown>) : undefined;
  const raw = api.raw as unknown as Record<string, ((params: Record<string, unknown>) => Promise<unknown>) | undefined>;
  const send = method ? raw[method] : undefined;
  if (!method || !params || typeof send !== "function") {
    return { kind: "permanent", error: `Malformed outbox payload (method ${String(call?.method)}).` };
  }
  const withFile = withAttachment(params, attachment);
  if (!withFile) return { kind: "permanent", error: `The outbox row names an attachment it does not hold.` };
  try {
    return { kind: "sent", result: await send(withFile) };
  } catch (error) {
    return classify(error);
  }
}

/**
 * A `photo` (or `document`) given as `{ "attachment": name }` is uploaded from the row's own bytes
 * (a chart the job drew), so it does not matter which instance drew it. Undefined when the row
 * names an attachment but holds none.
 */
function withAttachment(
  params: Record<string, unknown>,
  attachment: Uint8Array | null,
): Record<string, unknown> | undefined {
  const out = { ...params };
  for (const field of ["photo", "document"]) {
    const value = out[field] as { attachment?: unknown } | undefined;
    if (!value || typeof value !== "object" || typeof value.attachment !== "string") continue;
    if (!attachment) return undefined;
    out[field] = new InputFile(attachment, value.attachment);
  }
  return out;
}
