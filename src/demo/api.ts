import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { User } from "grammy/types";
import type { Db } from "../db/client.ts";
import { localDate } from "../lib/time.ts";
import type { UnitCalendar } from "../domain/calendar.ts";
import { isJobName, JOB_NAMES } from "../jobs/job-definitions.ts";
import { runJobNow, type SchedulerDeps } from "../jobs/tick.ts";
import { BotApiError, type DemoTelegram } from "./bot-api/state.ts";
import { typeByName } from "./bot-api/multipart.ts";
import { lastWorkingDayOfWeek, nextWorkingDay, type DemoClock } from "./clock.ts";
import { loadPersonas, personaChat, type Persona } from "./personas.ts";
import { tourState } from "./tour.ts";
import { messageView } from "./view.ts";
import type { DemoWorld } from "./world.ts";

export interface DemoDeps {
  telegram: DemoTelegram;
  db: Db;
  clock: DemoClock;
  world: DemoWorld;
  /** The tour unit's calendar: "next working day" follows it. */
  calendar: UnitCalendar;
  /** What `lapkin job` is given: the scheduler's dependencies. */
  jobs: SchedulerDeps;
}

/** Uploads the page accepts: Telegram's own limit for photos is 10 MB. */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const MAX_UPLOADS = 10;
const MAX_TEXT = 4096;
/** What a browser shows without running anything in it. */
const INLINE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"]);

/** The page's API: personas and their chats, sending and pressing as them, the clock, the jobs, the tour. */
export function demoApi(deps: DemoDeps): Hono {
  const { telegram } = deps;
  const api = new Hono();
  // Anyone may open the page, but no other site may drive it from a visitor's browser: a form or a
  // no-cors fetch from elsewhere carries its own Origin (scripts and tests send none).
  api.use("*", async (c, next) => {
    if (c.req.method !== "GET" && fromAnotherSite(c.req.raw)) return c.json({ error: "not from this page" }, 403);
    await next();
  });
  // Bodies are read whole: a cap per route keeps an endless upload from filling the memory.
  api.use("/chats/:persona/media", bodyCap(MAX_UPLOADS * MAX_UPLOAD_BYTES + 1024 * 1024));
  api.use("/chats/:persona/text", bodyCap(64 * 1024));
  api.use("/chats/:persona/press", bodyCap(64 * 1024));
  const personas = () => loadPersonas(deps.db, deps.world);
  const personaOf = async (id: string) => {
    const persona = (await personas()).find((p) => String(p.id) === id);
    // Someone imported while the demo runs (the dashboard's import) gets a chat on first use.
    if (persona) telegram.openChat(personaChat(persona));
    return persona;
  };

  api.get("/state", async (c) => {
    const list = await personas();
    return c.json({
      bot: { name: telegram.bot.first_name, username: telegram.bot.username },
      personas: list,
      clock: clockView(deps),
      jobs: JOB_NAMES,
      invite: deps.world.inviteCode ? `inv_${deps.world.inviteCode}` : undefined,
      tour: await tourState(deps.db, telegram, list),
    });
  });

  api.get("/chats/:persona", async (c) => {
    const persona = await personaOf(c.req.param("persona"));
    if (!persona) return c.json({ error: "unknown persona" }, 404);
    const chat = telegram.chat(persona.chatId);
    const language = c.req.query("lang") === "en" ? "en" : "id";
    return c.json({
      messages: telegram.messages(persona.chatId).map(messageView),
      keyboard: telegram
        .replyKeyboard(persona.chatId)
        ?.keyboard.map((row) => row.map((b) => (typeof b === "string" ? b : b.text))),
      commands: telegram.commandsFor(chat, senderOf(persona, language).id, language),
    });
  });

  api.post("/chats/:persona/text", async (c) => {
    const persona = await personaOf(c.req.param("persona"));
    const body: { text?: unknown; lang?: unknown } = await c.req.json().catch(() => ({}));
    const text = typeof body.text === "string" ? body.text.trim() : "";
    if (!persona || !text || text.length > MAX_TEXT) return c.json({ error: "nothing to send" }, 400);
    const message = telegram.send(senderOf(persona, body.lang), persona.chatId, { text });
    return c.json({ id: message.message_id });
  });

  api.post("/chats/:persona/media", async (c) => {
    const persona = await personaOf(c.req.param("persona"));
    const form = await c.req.formData().catch(() => undefined);
    type Upload = Exclude<ReturnType<FormData["get"]>, string | null>;
    const files = (form?.getAll("file") ?? []).filter((f): f is Upload => typeof f !== "string");
    if (!persona || files.length === 0 || files.length > MAX_UPLOADS)
      return c.json({ error: "send 1 to 10 files" }, 400);
    if (files.some((f) => f.size > MAX_UPLOAD_BYTES)) return c.json({ error: "a file is over 10 MB" }, 413);
    const caption = String(form?.get("caption") ?? "").slice(0, 1024) || undefined;
    const asDocument = form?.get("document") === "1";
    const from = senderOf(persona, form?.get("lang"));
    const album = files.length > 1 ? `demo-album-${Date.now()}` : undefined;
    const ids: number[] = [];
    for (const [index, file] of files.entries()) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const mimeType = file.type || typeByName(file.name);
      const text = index === 0 ? caption : undefined;
      const stored = telegram.storeFile(bytes, {
        name: file.name,
        mimeType,
        folder: asDocument ? "documents" : "photos",
      });
      const content = asDocument
        ? { document: stored, caption: text }
        : { photo: stored, caption: text, mediaGroupId: album };
      ids.push(telegram.send(from, persona.chatId, content).message_id);
    }
    return c.json({ ids });
  });

  api.post("/chats/:persona/press", async (c) => {
    const persona = await personaOf(c.req.param("persona"));
    const body = await c.req.json<{ messageId?: unknown; data?: unknown; lang?: unknown }>().catch(() => ({}));
    const { messageId, data } = body as { messageId?: unknown; data?: unknown };
    if (!persona || typeof messageId !== "number" || typeof data !== "string")
      return c.json({ error: "which button?" }, 400);
    const from = senderOf(persona, (body as { lang?: unknown }).lang);
    try {
      return c.json({ id: telegram.press(from, persona.chatId, messageId, data) });
    } catch (error) {
      if (error instanceof BotApiError) return c.json({ error: "no such button" }, 400);
      throw error;
    }
  });

  api.get("/files/:id", (c) => {
    const file = (() => {
      try {
        return telegram.file(c.req.param("id"));
      } catch {
        return undefined;
      }
    })();
    if (!file) return c.text("not found", 404);
    // Anyone on the network can upload with any type: only pictures and PDFs open in the page's
    // origin; HTML, SVG or a script would run there (and beside the dashboard), so it is a download.
    const inline = INLINE_TYPES.has(file.mimeType);
    const name = file.name.replace(/[^\w.-]/g, "_");
    return c.body(Buffer.from(file.bytes), 200, {
      "content-type": inline ? file.mimeType : "application/octet-stream",
      "content-disposition": `${inline ? "inline" : "attachment"}; filename="${name}"`,
    });
  });

  api.post("/clock/next-working-day", (c) => {
    const today = localDate(deps.clock.now(), deps.calendar.timeZone);
    deps.clock.set(nextWorkingDay(today, deps.calendar));
    return c.json(clockView(deps));
  });

  api.post("/jobs/:name", async (c) => {
    const name = c.req.param("name");
    if (!isJobName(name)) return c.json({ error: "unknown job" }, 404);
    if (name === "weekly-summary") deps.clock.set(lastWorkingDayOfWeek(deps.clock.now(), deps.calendar));
    const results = await runJobNow(deps.jobs, name, { at: deps.clock.now() });
    return c.json({
      clock: clockView(deps),
      results: results.map((r) => ({ unit: r.unit, status: r.status, details: r.details })),
    });
  });

  return api;
}

function fromAnotherSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  try {
    return new URL(origin).host !== new URL(request.url).host;
  } catch {
    return true; // "null": a sandboxed frame or a file
  }
}

const bodyCap = (maxSize: number) => bodyLimit({ maxSize, onError: (c) => c.json({ error: "too large" }, 413) });

function clockView(deps: DemoDeps) {
  return { now: deps.clock.now().toISOString(), timeZone: deps.calendar.timeZone };
}

/** Who a message from the page comes from: the persona, or in a group the unit's head. */
function senderOf(persona: Persona, language: unknown): User {
  const id = persona.kind === "group" ? (persona.sendsAs ?? 0) : persona.id;
  return {
    id,
    is_bot: false,
    first_name: persona.kind === "group" ? "Kepala Unit" : persona.name,
    language_code: language === "en" ? "en" : "id",
  };
}
