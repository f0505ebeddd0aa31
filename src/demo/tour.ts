import type { Db } from "../db/client.ts";
import type { DemoTelegram } from "./bot-api/state.ts";
import type { Persona } from "./personas.ts";
import { CAST } from "./world.ts";

/** What a step's button does: open the invite, send a command, or run a scheduled job now. */
export type TourAction = { kind: "invite" } | { kind: "send"; text: string } | { kind: "job"; name: string };

interface TourStep {
  id: string;
  /** Whose chat the step happens in. */
  who: "invitee" | "supervisor" | "group";
  action?: TourAction;
  done(facts: TourFacts): boolean;
}

interface TourFacts {
  linked: boolean;
  statuses: string[];
  sentSkp: boolean;
  groupHasChart: boolean;
}

/**
 * The guided tour, as data: its texts are `demo-tour-<id>-title` and `-body` in locales/, and a
 * step is done when the database (or the chat) shows it. A step for a feature built later — rating
 * a counter as a citizen, opening the dashboard — is one more entry here.
 */
export const TOUR: TourStep[] = [
  { id: "invite", who: "invitee", action: { kind: "invite" }, done: (f) => f.linked },
  {
    id: "report",
    who: "invitee",
    action: { kind: "send", text: "/lapor" },
    done: (f) => f.statuses.some((s) => s !== "DRAFT"),
  },
  { id: "approve", who: "supervisor", done: (f) => f.statuses.includes("APPROVED") },
  { id: "skp", who: "invitee", action: { kind: "send", text: "/skp" }, done: (f) => f.sentSkp },
  {
    id: "summary",
    who: "group",
    action: { kind: "job", name: "weekly-summary" },
    done: (f) => f.groupHasChart,
  },
];

export async function tourState(db: Db, telegram: DemoTelegram, personas: Persona[]) {
  const invitee = personas.find((p) => p.tour === "invitee");
  const supervisor = personas.find((p) => p.tour === "supervisor");
  const group = personas.find((p) => p.kind === "group");
  const employee = await db.employee.findUnique({
    where: { nip: CAST.inviteNip },
    select: { telegramId: true, reports: { select: { status: true } } },
  });
  const facts: TourFacts = {
    linked: Boolean(employee?.telegramId),
    statuses: employee?.reports.map((r) => r.status) ?? [],
    sentSkp: invitee ? telegram.messages(invitee.chatId).some((m) => m.text === "/skp") : false,
    groupHasChart: group ? telegram.messages(group.chatId).some((m) => m.photo && m.from?.is_bot) : false,
  };
  const whom = { invitee, supervisor, group };
  return TOUR.map((step) => ({
    id: step.id,
    persona: whom[step.who]?.id,
    action: step.action,
    done: step.done(facts),
  }));
}
