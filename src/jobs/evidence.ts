import type { Api } from "grammy";
import { storePendingEvidence, type EvidenceDeps, type EvidenceRunSummary } from "../domain/report/evidence.ts";

export interface EvidenceJobDeps extends Omit<EvidenceDeps, "files"> {
  /** grammY's API object of the bot: getFile goes through BOT_API_ROOT like every other call. */
  api: Pick<Api, "getFile">;
}

/**
 * The scheduled retry of every submitted report's evidence not stored yet (each photo keeps its
 * own backoff); a Submit stores its own report's photos at once, through the same domain function.
 */
export function retryPendingEvidence(deps: EvidenceJobDeps): Promise<EvidenceRunSummary> {
  const { api, ...rest } = deps;
  return storePendingEvidence({ ...rest, files: api });
}
