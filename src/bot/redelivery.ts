import type { MiddlewareFn } from "grammy";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import {
  isDuplicateUpdate,
  recordUpdateIfNew,
  recordUpdateSql,
  wasProcessed,
  type UpdateId,
} from "../db/processed-updates.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import type { BotContext } from "./context.ts";

/**
 * De-duplication of redelivered updates (docs/operations.md, "Redelivery"). Telegram delivers an
 * update again when it got no answer — also when the first delivery was applied and only its
 * answer was lost. Each update's id is recorded in the same statement or transaction as its
 * effects (the conversation's state, a decision, an evaluation's answer: `takeUpdateRecord`); an
 * update whose id is recorded is acknowledged and not handled again. An update with no such write
 * is recorded when it has been handled.
 */
interface Pending {
  id: UpdateId;
  /** Already part of a write of this update: a second record of it would fail. */
  taken: boolean;
  /** Read by identify with the sender: whether the update is recorded already. */
  seen?: boolean;
}

const pendingRecords = new WeakMap<object, Pending>();

const updateIdOf = (ctx: BotContext): UpdateId => ({
  botId: BigInt(ctx.me.id),
  updateId: BigInt(ctx.update.update_id),
});

/** The update's id, when `trackUpdate` saw it. */
export const trackedUpdate = (ctx: object): UpdateId | undefined => pendingRecords.get(ctx)?.id;

/** Told by identify, which reads it in its own statement with the sender (one round trip less). */
export function rememberUpdateSeen(ctx: object, seen: boolean): void {
  const pending = pendingRecords.get(ctx);
  if (pending) pending.seen = seen;
}

/**
 * The statement recording this update, for the one write that carries it; undefined when another
 * write of the update already does (or outside an update).
 */
export function takeUpdateRecord(ctx: object, now: Date): Prisma.Sql | undefined {
  const pending = pendingRecords.get(ctx);
  if (!pending || pending.taken) return undefined;
  pending.taken = true;
  return recordUpdateSql(pending.id, now);
}

/** Runs this update's record in the caller's transaction (a decision, an evaluation's answer). */
export function recordUpdateIn(ctx: object, now: Date) {
  return async (tx: Prisma.TransactionClient): Promise<void> => {
    const record = takeUpdateRecord(ctx, now);
    if (record) await tx.$executeRaw(record);
  };
}

/**
 * Before identify: marks the update so its writes can record it. After identify (`skipRepeats`):
 * a recorded update goes no further.
 */
export function trackUpdate(): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    pendingRecords.set(ctx, { id: updateIdOf(ctx), taken: false });
    return next();
  };
}

export function skipRepeats(deps: { db: Db; clock: Clock; logger: Logger }): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const pending = pendingRecords.get(ctx);
    if (!pending) return next(); // not tracked: nothing can record it
    const updateId = ctx.update.update_id;
    if (pending.seen ?? (await wasProcessed(deps.db, pending.id))) {
      deps.logger.info({ updateId }, "update delivered again: already applied, acknowledged");
      return;
    }
    try {
      await next();
    } catch (error) {
      // Another instance applied the same update meanwhile: its effects stand, ours rolled back.
      if (!isDuplicateUpdate(error)) throw error;
      deps.logger.info({ updateId }, "update applied by another instance meanwhile, acknowledged");
      return;
    }
    if (!pending.taken) await recordUpdateIfNew(deps.db, pending.id, deps.clock.now());
  };
}
