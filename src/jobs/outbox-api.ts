import { existsSync } from "node:fs";
import { Api, GrammyError, InputFile } from "grammy";
import { autoRetry } from "@grammyjs/auto-retry";
import type { Prisma } from "../generated/prisma/client.ts";
import { fitToTelegramLimits } from "../lib/telegram-limits.ts";
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
  for (const transformer of api.config.installedTransformers()) own.config.use(transformer);
  own.config.use(fitToTelegramLimits);
  own.config.use(
    autoRetry({ maxRetryAttempts: 1, maxDelaySeconds, rethrowInternalServerErrors: true, rethrowHttpErrors: true }),
  );
  return own;
}

/** Makes the Bot API call a row's payload (`{ method, params }`) describes. */
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
  try {
    return { kind: "sent", result: await send(withLocalFiles(params, attachment)) };
  } catch (error) {
    return classify(error);
  }
}

/**
 * A `photo` (or `document`) given as `{ "localFile": path }` is uploaded from disk (a chart the job
 * drew): the payload stays JSON in the row, the file is read only when sending. A missing file is a
 * permanent failure (the Bot API answers 400 for the empty upload). `{ "attachment": name }` is
 * the row's own `attachment` bytes, uploaded under that file name (a workbook made by a job).
 */
function withLocalFiles(params: Record<string, unknown>, attachment: Uint8Array | null): Record<string, unknown> {
  const out = { ...params };
  for (const field of ["photo", "document"]) {
    const value = out[field] as { localFile?: unknown; attachment?: unknown } | undefined;
    if (value && typeof value === "object" && typeof value.attachment === "string") {
      if (!attachment)
        throw new GrammyError(
          `Attachment missing: ${value.attachment}`,
          { ok: false, error_code: 400, description: `Bad Request: attachment ${value.attachment} is missing` },
          "sendDocument",
          out,
        );
      out[field] = new InputFile(attachment, value.attachment);
      continue;
    }
    if (value && typeof value === "object" && typeof value.localFile === "string") {
      if (!existsSync(value.localFile))
        throw new GrammyError(
          `Local file missing: ${value.localFile}`,
          { ok: false, error_code: 400, description: `Bad Request: local file ${value.localFile} is missing` },
          "sendPhoto",
          out,
        );
      out[field] = new InputFile(value.localFile);
    }
  }
  return out;
}
