import { html, type Html } from "../lib/html.ts";
import type { BotContext } from "./context.ts";

/** The commands this person may use, by what the database says they are (a rendered fragment). */
export function commandList(ctx: BotContext): Html {
  const parts = [ctx.t("menu-commands-employee")];
  if (ctx.employee?.isSupervisor || ctx.isAdmin) parts.push(ctx.t("menu-commands-supervisor"));
  const roles = ctx.employee?.roles ?? [];
  if (ctx.isAdmin || roles.includes("PENILAI") || roles.includes("HEAD")) parts.push(ctx.t("menu-commands-team"));
  if (ctx.isAdmin || roles.includes("HEAD")) parts.push(ctx.t("menu-commands-admin"));
  return html(parts.join("\n"));
}

export function roleList(ctx: BotContext): Html {
  const employee = ctx.employee;
  const roles = [ctx.t("role-employee")];
  if (employee?.isSupervisor) roles.push(ctx.t("role-supervisor"));
  if (employee?.roles.includes("HEAD")) roles.push(ctx.t("role-head"));
  if (employee?.roles.includes("ADMIN")) roles.push(ctx.t("role-admin"));
  if (employee?.roles.includes("PENILAI")) roles.push(ctx.t("role-penilai"));
  return html(roles.join(", "));
}

/** Commands that act on the sender's own data: they belong in a private chat, never a group. */
export const PERSONAL_COMMANDS = [
  "lapor",
  "report",
  "riwayat",
  "history",
  "skp",
  "nilai",
  "score",
  "persetujuan",
  "approvals",
  "tim",
  "team",
  "evaluasi",
  "evaluate",
  "dasbor",
  "dashboard",
  "umpanbalik",
  "feedback",
  "kalibrasi",
  "calibrate",
  "rekap",
  "recap",
  "bahasa",
  "language",
  "batal",
  "cancel",
  "unduh",
  "download",
  "rekan",
  "peers",
];

/** Commands an unlinked person may still use. */
export const OPEN_COMMANDS = ["start", "bantuan", "help", "bahasa", "language"];
