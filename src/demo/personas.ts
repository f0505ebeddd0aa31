import type { Chat } from "grammy/types";
import type { Db } from "../db/client.ts";
import { CAST, CITIZEN_ID, personaTelegramId, type DemoWorld } from "./world.ts";

/** Someone the trainer can play: an employee of the example city, a citizen, or the unit's group. */
export interface Persona {
  /** The Telegram user id the page sends as. */
  id: number;
  /** The chat the page shows: the person's private chat with the bot, or the group. */
  chatId: number;
  kind: "employee" | "citizen" | "group";
  name: string;
  position?: string;
  unit?: string;
  /** pegawai, atasan, kepala, penilai, admin: what the person may do, for the switcher's labels. */
  roles: string[];
  linked: boolean;
  language: string;
  /** Who the page sends as in a group chat: the head of the unit. */
  sendsAs?: number;
  tour?: "invitee" | "supervisor";
}

export async function loadPersonas(db: Db, world: DemoWorld): Promise<Persona[]> {
  const employees = await db.employee.findMany({
    where: { active: true },
    select: {
      id: true,
      nip: true,
      name: true,
      position: true,
      roles: true,
      telegramId: true,
      language: true,
      unit: { select: { code: true } },
      _count: { select: { subordinates: true } },
    },
    orderBy: [{ unit: { code: "asc" } }, { supervisorId: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
  const people: Persona[] = employees.map((e) => {
    const id = e.telegramId ? Number(e.telegramId) : personaTelegramId(e.id);
    const roles = ["pegawai"];
    if (e._count.subordinates > 0) roles.push("atasan");
    for (const role of e.roles) roles.push({ HEAD: "kepala", PENILAI: "penilai", ADMIN: "admin" }[role]);
    const tour = e.nip === CAST.inviteNip ? "invitee" : e.nip === CAST.supervisorNip ? "supervisor" : undefined;
    return {
      id,
      chatId: id,
      kind: "employee",
      name: e.name,
      position: e.position,
      unit: e.unit.code,
      roles,
      linked: e.telegramId !== null,
      language: e.language,
      tour,
    };
  });
  const head = employees.find((e) => e.unit.code === CAST.unit && e.roles.includes("HEAD"));
  const citizen: Persona = {
    id: CITIZEN_ID,
    chatId: CITIZEN_ID,
    kind: "citizen",
    name: "Warga",
    roles: ["masyarakat"],
    linked: false,
    language: "id",
  };
  const group: Persona = {
    id: world.groupChatId,
    chatId: world.groupChatId,
    kind: "group",
    name: world.groupTitle,
    unit: CAST.unit,
    roles: ["grup"],
    linked: true,
    language: "id",
    sendsAs: head?.telegramId ? Number(head.telegramId) : undefined,
  };
  return [...people, citizen, group];
}

/** The persona's chat with the bot, as the demo's Bot API server opens it. */
export function personaChat(p: Persona): Chat {
  return p.kind === "group"
    ? { id: p.chatId, type: "supergroup", title: p.name }
    : { id: p.chatId, type: "private", first_name: p.name };
}
