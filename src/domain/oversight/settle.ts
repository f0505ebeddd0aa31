import type { Evaluation, Prisma } from "../../generated/prisma/client.ts";
import { recordAudit } from "../audit.ts";
import { translate } from "../../lib/i18n.ts";
import { enqueueMessage } from "../outbox.ts";

/**
 * When an evaluation reopened because of a flag is finalised again: the flag becomes AMENDED with
 * the outcome before and after, and the team member who raised it is told (the employee gets only
 * the ordinary notice of the new outcome). Runs in the finalisation's transaction.
 */
export async function settleAmendment(
  tx: Prisma.TransactionClient,
  input: { evaluation: Evaluation; before: unknown; now: Date },
): Promise<void> {
  const flag = await tx.calibrationFlag.findFirst({
    where: { evaluationId: input.evaluation.id, status: "AMENDING" },
    include: { member: true, evaluation: { include: { employee: { select: { name: true } } } } },
  });
  if (!flag) return;
  const outcome = (e: { predicate?: unknown; band?: unknown; finalScore?: unknown }) =>
    e.predicate ?? (e.finalScore !== null && e.finalScore !== undefined ? `${e.finalScore} ${e.band}` : null);
  const before = { outcome: outcome((input.before ?? {}) as Record<string, unknown>) };
  const after = { outcome: outcome(input.evaluation), version: input.evaluation.version };
  await tx.calibrationFlag.update({
    where: { id: flag.id },
    data: { status: "AMENDED", after: after as Prisma.InputJsonValue },
  });
  await recordAudit(tx, {
    actor: "system",
    action: "calibration.amended",
    entity: "CalibrationFlag",
    entityId: flag.id,
    before: { status: "AMENDING", ...before },
    after: { status: "AMENDED", ...after },
    details: { evaluationId: input.evaluation.id },
    at: input.now,
  });
  if (flag.member.telegramId === null) return;
  const locale = flag.member.language;
  const shown = (value: unknown) =>
    !value ? "-" : /^[A-Z_]+$/.test(String(value)) ? translate(locale, `predicate-${value}`) : String(value);
  await enqueueMessage(tx, {
    dedupeKey: `calibration-amended:${flag.id}:${input.evaluation.version}`,
    kind: "calibration-amended",
    chatId: flag.member.telegramId,
    method: "sendMessage",
    params: {
      chat_id: flag.member.telegramId.toString(),
      text: translate(locale, "calibration-amended-notice", {
        name: flag.evaluation.employee.name,
        before: shown(before.outcome),
        after: shown(after.outcome),
        id: String(flag.id),
      }),
    },
    now: input.now,
  });
}
