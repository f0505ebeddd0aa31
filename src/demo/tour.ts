import type { Db } from "../db/client.ts";
import { countersForPosters, surveyLink } from "../domain/counters/list.ts";
import type { DemoTelegram } from "./bot-api/state.ts";
import type { Persona } from "./personas.ts";
import { CAST } from "./world.ts";

/**
 * What a step's button does: open the invite, open a counter's survey (the first of the step's
 * links), send a command, or run a scheduled job now.
 */
export type TourAction =
  { kind: "invite" } | { kind: "counter" } | { kind: "send"; text: string } | { kind: "job"; name: string };

interface TourStep {
  id: string;
  /** Whose chat the step happens in. */
  who: "invitee" | "supervisor" | "citizen" | "group";
  action?: TourAction;
  done(facts: TourFacts): boolean;
}

interface TourFacts {
  linked: boolean;
  statuses: string[];
  sentSkp: boolean;
  groupHasChart: boolean;
  /** A citizen answered a counter's survey to the end. */
  surveyed: boolean;
  /** Someone followed a /dasbor link into the dashboard. */
  dashboardOpened: boolean;
}

/** A counter's deep link, as its poster's QR code carries it; the page sends `/start <payload>`. */
interface TourLink {
  text: string;
  href: string;
  payload: string;
}

/**
 * The guided tour, as data: its texts are `demo-tour-<id>-title` and `-body` in locales/, and a
 * step is done when the database (or the chat) shows it. A step for a feature built later is one
 * more entry here.
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
  { id: "survey", who: "citizen", action: { kind: "counter" }, done: (f) => f.surveyed },
  {
    id: "dashboard",
    who: "supervisor",
    action: { kind: "send", text: "/dasbor" },
    done: (f) => f.dashboardOpened,
  },
];

export async function tourState(db: Db, telegram: DemoTelegram, personas: Persona[]) {
  const invitee = personas.find((p) => p.tour === "invitee");
  const supervisor = personas.find((p) => p.tour === "supervisor");
  const group = personas.find((p) => p.kind === "group");
  const citizen = personas.find((p) => p.kind === "citizen");
  const employee = await db.employee.findUnique({
    where: { nip: CAST.inviteNip },
    select: { telegramId: true, reports: { select: { status: true } } },
  });
  const facts: TourFacts = {
    linked: Boolean(employee?.telegramId),
    statuses: employee?.reports.map((r) => r.status) ?? [],
    sentSkp: invitee ? telegram.messages(invitee.chatId).some((m) => m.text === "/skp") : false,
    groupHasChart: group ? telegram.messages(group.chatId).some((m) => m.photo && m.from?.is_bot) : false,
    surveyed: (await db.surveyResponse.count({ where: { step: "done" } })) > 0,
    dashboardOpened: (await db.dashboardSession.count()) > 0,
  };
  const whom = { invitee, supervisor, citizen, group };
  const links = await counterLinks(db, telegram.bot.username);
  return TOUR.map((step) => ({
    id: step.id,
    persona: whom[step.who]?.id,
    action: step.action,
    links: step.action?.kind === "counter" ? links : undefined,
    done: step.done(facts),
  }));
}

/** The example city's counters, a handful: each one's deep link, as printed on its poster. */
async function counterLinks(db: Db, botUsername: string): Promise<TourLink[]> {
  const counters = await countersForPosters(db);
  return counters.slice(0, MAX_COUNTER_LINKS).map((c) => ({
    text: `${c.name} (${c.unitCode})`,
    href: surveyLink(botUsername, c.publicCode),
    payload: `fb_${c.publicCode}`,
  }));
}

const MAX_COUNTER_LINKS = 6;
