import type { Prisma } from "../generated/prisma/client.ts";

/**
 * Spaces messages evenly at `ratePerSecond`, in real time (it paces the process, not the clock):
 * a call of `weight` messages holds the next call back by that many slots.
 */
export function globalPacer(ratePerSecond: number): (weight: number) => Promise<void> {
  const spacing = 1000 / Math.max(0.001, ratePerSecond);
  let next = 0;
  return async (weight) => {
    const now = performance.now();
    const at = Math.max(now, next);
    next = at + spacing * weight;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };
}

/**
 * The per-chat next-allowed times (clock ms): `perChatIntervalMs` after a message to a private
 * chat, `perGroupIntervalMs` after one to a group (chat id < 0), times the messages it put there.
 * They live in this process only.
 */
export function chatPacer(intervals: { perChatIntervalMs: number; perGroupIntervalMs: number }) {
  /** Per chat: the earliest time (clock ms) the next message may go. */
  const chatAllowedAt = new Map<bigint, number>();
  return {
    /** The chats that may not receive yet at `nowMs` (forgetting those that may). */
    waiting(nowMs: number): bigint[] {
      for (const [chat, at] of chatAllowedAt) if (at <= nowMs) chatAllowedAt.delete(chat);
      return [...chatAllowedAt.keys()];
    },
    mayReceive(chatId: bigint, nowMs: number): boolean {
      return (chatAllowedAt.get(chatId) ?? 0) <= nowMs;
    },
    /** Records `weight` messages sent to the chat at `atMs`. */
    sent(chatId: bigint, atMs: number, weight: number): void {
      const interval = chatId < 0n ? intervals.perGroupIntervalMs : intervals.perChatIntervalMs;
      chatAllowedAt.set(chatId, atMs + interval * weight);
    },
  };
}

/** How many messages a call puts into the chat: the items of an album, else one. */
export function messageCount(payload: Prisma.JsonValue): number {
  const params = (payload as { params?: { media?: unknown } } | null)?.params;
  return Array.isArray(params?.media) ? Math.max(1, params.media.length) : 1;
}
