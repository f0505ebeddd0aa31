import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update, Message, User, Chat, PhotoSize, UserFromGetMe } from "grammy/types";
import { htmlProblem, visible } from "./telegram-html.ts";

/** One Bot API call as the bot made it. */
export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
}

type Failure =
  { status: 429; retryAfter: number } | { status: 500 | 502 | 503 } | { status: 403 | 400; description?: string };

interface StoredFile {
  bytes: Uint8Array;
  path: string;
  uniqueId: string;
}

export const FAKE_BOT: UserFromGetMe = {
  id: 777000111,
  is_bot: true,
  first_name: "Lapkin",
  username: "lapkin_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as UserFromGetMe;

/**
 * A Bot API double reached through grammY's `client.fetch`, so every call — including those made
 * inside conversations — is recorded. It serves getMe, getFile and file downloads, and fails the
 * next calls on request (429 with retry_after, 5xx, 403). Like Telegram, it refuses (400) a text or
 * caption with parse_mode HTML that is not well-formed Telegram HTML, or over the length limits.
 */
let lastUpdateId = 0;

export class FakeTelegram {
  readonly calls: RecordedCall[] = [];
  private failures: Array<{ method?: string; failure: Failure }> = [];
  private files = new Map<string, StoredFile>();
  private nextMessageId = 1000;
  private fileDownloadFailures = 0;
  private queuedUpdates: Update[] = [];
  /** While set, every call hangs until the outage ends, or is answered 502 at once. */
  private outage: { kind: "hang" | "refuse"; over: Promise<void> } | undefined;
  readonly token: string;
  readonly apiRoot: string;

  constructor(options: { token?: string; apiRoot?: string } = {}) {
    this.token = options.token ?? "123456:TEST-token_for_fake";
    this.apiRoot = options.apiRoot ?? "http://fake-telegram.local";
  }

  /** Pass this as the bot's transport. */
  readonly fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    const filePrefix = `/file/bot${this.token}/`;
    if (url.pathname.startsWith(filePrefix))
      return this.download(decodeURIComponent(url.pathname.slice(filePrefix.length)));
    const methodPrefix = `/bot${this.token}/`;
    if (!url.pathname.startsWith(methodPrefix))
      return json({ ok: false, error_code: 401, description: "Unauthorized" }, 401);
    const method = url.pathname.slice(methodPrefix.length);
    if (this.outage?.kind === "refuse") return json({ ok: false, error_code: 502, description: "Bad Gateway" }, 502);
    if (this.outage) await this.outage.over;
    const payload = await readPayload(init);
    this.calls.push({ method, payload });
    const failure = this.takeFailure(method);
    if (failure) return failureResponse(failure);
    const refused = refusal(payload);
    if (refused) return failureResponse({ status: 400, description: `Bad Request: ${refused}` });
    if (method === "getUpdates") return json({ ok: true, result: await this.pollUpdates(payload) });
    return json({ ok: true, result: this.answer(method, payload) });
  }) as typeof fetch;

  /**
   * Serves the fake over HTTP on 127.0.0.1, for a bot in another process (BOT_API_ROOT).
   * Returns the root URL and a close function.
   */
  async listen(): Promise<{ apiRoot: string; close(): Promise<void> }> {
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const response = await this.fetch(`http://127.0.0.1${req.url}`, { method: req.method, headers, body });
      res.writeHead(response.status, {
        "content-type": response.headers.get("content-type") ?? "application/octet-stream",
      });
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
      apiRoot: `http://127.0.0.1:${port}`,
      close: () =>
        new Promise((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections(); // calls hanging in an outage included
        }),
    };
  }

  // --- test controls -------------------------------------------------------------------------

  /**
   * From now on every Bot API call hangs without an answer ("hang"), or fails at once with 502
   * ("refuse", as a proxy in front of an unreachable Telegram does). Call the returned function
   * to end the outage.
   */
  beginOutage(kind: "hang" | "refuse" = "hang"): () => void {
    let end!: () => void;
    this.outage = { kind, over: new Promise<void>((resolve) => (end = resolve)) };
    return () => {
      this.outage = undefined;
      end();
    };
  }

  /** Fails the next `count` calls (of `method`, or of any method) with the given failure. */
  failNext(count: number, failure: Failure, method?: string): void {
    for (let i = 0; i < count; i++) this.failures.push({ method, failure });
  }

  /** Queues updates for a bot that long-polls (getUpdates). */
  queue(...updates: Update[]): void {
    this.queuedUpdates.push(...updates);
  }

  /** Makes the next `count` file downloads answer 500. */
  failDownloads(count: number): void {
    this.fileDownloadFailures += count;
  }

  /** Registers a file the bot can getFile and download; returns its file_id. */
  addFile(bytes: Uint8Array, options: { fileId?: string; uniqueId?: string; path?: string } = {}): string {
    const fileId = options.fileId ?? `file-${this.files.size + 1}-${Math.random().toString(36).slice(2, 8)}`;
    this.files.set(fileId, {
      bytes,
      path: options.path ?? `photos/${fileId}.jpg`,
      uniqueId: options.uniqueId ?? `uniq-${fileId}`,
    });
    return fileId;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Texts the bot sent to a chat, in order, as the reader sees them (tags removed, entities decoded). */
  sentTexts(chatId: number): string[] {
    return this.sentHtml(chatId).map(visible);
  }

  lastText(chatId: number): string | undefined {
    return this.sentTexts(chatId).at(-1);
  }

  /** Texts the bot sent to a chat, in order, as sent (Telegram HTML): for assertions about formatting. */
  sentHtml(chatId: number): string[] {
    return this.calls
      .filter((c) => ["sendMessage", "editMessageText"].includes(c.method) && Number(c.payload.chat_id) === chatId)
      .map((c) => String(c.payload.text));
  }

  lastHtml(chatId: number): string | undefined {
    return this.sentHtml(chatId).at(-1);
  }

  /** Answers of answerCallbackQuery, in order (text and whether shown as an alert). */
  callbackAnswers(): Array<{ text?: string; show_alert?: boolean }> {
    return this.callsTo("answerCallbackQuery").map((c) => c.payload as { text?: string; show_alert?: boolean });
  }

  clearCalls(): void {
    this.calls.length = 0;
  }

  // --- updates as a given user sends them ----------------------------------------------------

  user(id: number, options: { firstName?: string; languageCode?: string } = {}): FakeUser {
    return new FakeUser(this, {
      id,
      is_bot: false,
      first_name: options.firstName ?? `User${id}`,
      language_code: options.languageCode ?? "id",
    });
  }

  /**
   * Process-wide, like Telegram's own sequence for one bot: a second fake (a restarted instance,
   * another instance) never reuses an id, which the bot would take for a redelivery.
   */
  newUpdateId(): number {
    return ++lastUpdateId;
  }

  newMessageId(): number {
    return this.nextMessageId++;
  }

  fileInfo(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  // --- internals -----------------------------------------------------------------------------

  /** Long polling, shortened: answers at once when updates wait, else after a brief pause. */
  private async pollUpdates(payload: Record<string, unknown>): Promise<Update[]> {
    const offset = Number(payload.offset ?? 0);
    this.queuedUpdates = this.queuedUpdates.filter((u) => u.update_id >= offset);
    if (this.queuedUpdates.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    return this.queuedUpdates.slice(0, Number(payload.limit ?? 100));
  }

  /** Drops the failures queued and not used up. */
  clearFailures(): void {
    this.failures = [];
  }
  private takeFailure(method: string): Failure | undefined {
    const index = this.failures.findIndex((f) => f.method === undefined || f.method === method);
    if (index < 0) return undefined;
    return this.failures.splice(index, 1)[0]!.failure;
  }

  private download(path: string): Response {
    if (this.fileDownloadFailures > 0) {
      this.fileDownloadFailures--;
      return new Response("Internal Server Error", { status: 500 });
    }
    const file = [...this.files.values()].find((f) => f.path === path);
    return file ? new Response(file.bytes) : new Response("Not Found", { status: 404 });
  }

  private answer(method: string, payload: Record<string, unknown>): unknown {
    const chat = { id: Number(payload.chat_id), type: Number(payload.chat_id) < 0 ? "group" : "private" };
    switch (method) {
      case "getMe":
        return FAKE_BOT;
      case "getFile": {
        const fileId = String(payload.file_id);
        const file = this.files.get(fileId);
        if (!file) return { file_id: fileId, file_unique_id: `uniq-${fileId}` };
        return { file_id: fileId, file_unique_id: file.uniqueId, file_size: file.bytes.length, file_path: file.path };
      }
      case "sendMessage":
        return { message_id: this.newMessageId(), date: now(), chat, text: payload.text };
      case "sendPhoto":
      case "sendDocument":
        return { message_id: this.newMessageId(), date: now(), chat, caption: payload.caption };
      case "sendMediaGroup":
        return (payload.media as unknown[]).map(() => ({ message_id: this.newMessageId(), date: now(), chat }));
      case "editMessageText":
      case "editMessageReplyMarkup":
      case "editMessageCaption":
        return { message_id: Number(payload.message_id), date: now(), chat, text: payload.text };
      default:
        // answerCallbackQuery, setMyCommands, setWebhook, deleteWebhook, sendChatAction, …
        return true;
    }
  }
}

/** A person in a chat with the bot. Each method returns the Update to deliver. */
export class FakeUser {
  constructor(
    private readonly telegram: FakeTelegram,
    readonly from: User,
  ) {}

  get id(): number {
    return this.from.id;
  }

  private privateChat(): Chat.PrivateChat {
    return { id: this.from.id, type: "private", first_name: this.from.first_name };
  }

  message(fields: Partial<Message>, chat: Chat = this.privateChat()): Update {
    return {
      update_id: this.telegram.newUpdateId(),
      message: {
        message_id: this.telegram.newMessageId(),
        date: now(),
        chat,
        from: this.from,
        ...fields,
      } as Update["message"] & {},
    };
  }

  text(text: string, chat?: Chat): Update {
    const command = /^\/\S+/.exec(text);
    const entities = command ? [{ type: "bot_command" as const, offset: 0, length: command[0].length }] : undefined;
    return this.message({ text, entities } as Partial<Message>, chat);
  }

  command(name: string, payload = "", chat?: Chat): Update {
    return this.text(payload ? `/${name} ${payload}` : `/${name}`, chat);
  }

  inGroup(groupId: number, title = "Grup Unit"): Chat.GroupChat {
    return { id: groupId, type: "group", title };
  }

  /** A photo in its usual three sizes; the largest carries the file registered with the fake. */
  photo(fileId: string, options: { caption?: string; mediaGroupId?: string } = {}): Update {
    const file = this.telegram.fileInfo(fileId);
    const sizes: PhotoSize[] = [
      { file_id: `${fileId}-s`, file_unique_id: `${file?.uniqueId ?? fileId}-s`, width: 90, height: 68 },
      { file_id: `${fileId}-m`, file_unique_id: `${file?.uniqueId ?? fileId}-m`, width: 320, height: 240 },
      {
        file_id: fileId,
        file_unique_id: file?.uniqueId ?? `uniq-${fileId}`,
        width: 1280,
        height: 960,
        file_size: file?.bytes.length,
      },
    ];
    return this.message({
      photo: sizes,
      caption: options.caption,
      media_group_id: options.mediaGroupId,
    } as Partial<Message>);
  }

  /** An album: several photo messages sharing one media_group_id. */
  album(fileIds: string[], mediaGroupId = `album-${Math.random().toString(36).slice(2, 8)}`): Update[] {
    return fileIds.map((fileId) => this.photo(fileId, { mediaGroupId }));
  }

  document(fileId: string, options: { mimeType?: string; fileName?: string } = {}): Update {
    const file = this.telegram.fileInfo(fileId);
    return this.message({
      document: {
        file_id: fileId,
        file_unique_id: file?.uniqueId ?? `uniq-${fileId}`,
        file_name: options.fileName ?? "bukti.jpg",
        mime_type: options.mimeType ?? "image/jpeg",
        file_size: file?.bytes.length,
      },
    } as Partial<Message>);
  }

  sticker(): Update {
    return this.message({
      sticker: {
        file_id: "sticker-1",
        file_unique_id: "sticker-u1",
        type: "regular",
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
      },
    } as Partial<Message>);
  }

  voice(): Update {
    return this.message({ voice: { file_id: "voice-1", file_unique_id: "voice-u1", duration: 3 } } as Partial<Message>);
  }

  /** Presses an inline button on a message the bot sent. */
  press(data: string, messageId = 1, chat: Chat = this.privateChat()): Update {
    return {
      update_id: this.telegram.newUpdateId(),
      callback_query: {
        id: `cbq-${this.telegram.newUpdateId()}`,
        from: this.from,
        chat_instance: "instance",
        data,
        message: { message_id: messageId, date: now(), chat, text: "…" } as never,
      },
    };
  }
}

const now = () => Math.floor(Date.now() / 1000);

/** Telegram's refusal of a call's text or caption (bad HTML, too long), or undefined when it is fine. */
function refusal(payload: Record<string, unknown>): string | undefined {
  const parts: Array<{ field: "text" | "caption"; value: unknown; mode: unknown }> = [
    { field: "text", value: payload.text, mode: payload.parse_mode },
    { field: "caption", value: payload.caption, mode: payload.parse_mode },
    ...(Array.isArray(payload.media) ? (payload.media as Array<Record<string, unknown>>) : []).map((m) => ({
      field: "caption" as const,
      value: m.caption,
      mode: m.parse_mode,
    })),
  ];
  for (const { field, value, mode } of parts) {
    if (typeof value !== "string") continue;
    const problem = mode === "HTML" ? htmlProblem(value) : undefined;
    if (problem) return problem;
    const length = (mode === "HTML" ? visible(value) : value).length;
    if (field === "text" && length > 4096) return "message is too long";
    if (field === "caption" && length > 1024) return "message caption is too long";
  }
  return undefined;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

function failureResponse(failure: Failure): Response {
  if (failure.status === 429) {
    return json(
      {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${failure.retryAfter}`,
        parameters: { retry_after: failure.retryAfter },
      },
      429,
    );
  }
  if (failure.status === 403 || failure.status === 400) {
    return json(
      {
        ok: false,
        error_code: failure.status,
        description: failure.description ?? "Forbidden: bot was blocked by the user",
      },
      failure.status,
    );
  }
  return json({ ok: false, error_code: failure.status, description: "Internal Server Error" }, failure.status);
}

/** grammY sends JSON, or multipart form data when a file is uploaded. */
async function readPayload(init?: RequestInit): Promise<Record<string, unknown>> {
  if (!init?.body) return {};
  const headers = new Headers(init.headers);
  const type = headers.get("content-type") ?? "";
  const request = new Request("http://body.local", {
    method: "POST",
    body: init.body as ConstructorParameters<typeof Request>[1] extends infer I
      ? I extends { body?: infer B }
        ? B
        : never
      : never,
    headers,
    duplex: "half",
  } as RequestInit);
  if (type.includes("application/json")) return (await request.json()) as Record<string, unknown>;
  if (type.includes("multipart/form-data")) {
    // grammY's multipart stream is not always accepted by undici's parser: read it by hand then.
    const bytes = Buffer.from(await request.arrayBuffer());
    const form = await new Request("http://body.local", { method: "POST", body: bytes, headers })
      .formData()
      .catch(() => undefined);
    if (!form) return parseMultipart(bytes, type);
    const payload: Record<string, unknown> = {};
    for (const [key, value] of form.entries()) {
      if (typeof value !== "string") payload[key] = { upload: true, name: value.name, size: value.size };
      else payload[key] = tryJson(value);
    }
    return payload;
  }
  return {};
}

/** A plain multipart/form-data reader: text fields as values (JSON parsed), file parts as `{ upload, name, size }`. */
function parseMultipart(bytes: Buffer, type: string): Record<string, unknown> {
  const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2];
  const payload: Record<string, unknown> = {};
  if (!boundary) return payload;
  const text = bytes.toString("latin1");
  for (const part of text.split(`--${boundary}`)) {
    const split = part.indexOf("\r\n\r\n");
    if (split < 0) continue;
    const head = part.slice(0, split);
    const body = part.slice(split + 4).replace(/\r\n$/, "");
    const name = /[;\s]name="([^"]*)"/i.exec(head)?.[1];
    if (!name) continue;
    const filename = /filename="?([^";\r\n]*)"?/i.exec(head)?.[1];
    payload[name] =
      filename !== undefined
        ? { upload: true, name: filename, size: Buffer.byteLength(body, "latin1") }
        : tryJson(Buffer.from(body, "latin1").toString("utf8"));
  }
  return payload;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
