import type { BotContext, CurrentEmployee } from "./context.ts";

/** The sender has a linked, active employee record: from here on `ctx.employee` is that employee. */
export const isLinked = <C extends BotContext>(ctx: C): ctx is C & { employee: CurrentEmployee } =>
  ctx.employee !== undefined;
