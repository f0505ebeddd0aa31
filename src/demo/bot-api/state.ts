import { randomBytes } from "node:crypto";
import type { BotCommand, Chat, Message, ReplyKeyboardMarkup, Update, User, UserFromGetMe } from "grammy/types";
import { menuScopes, scopeKeyOf } from "./commands.ts";
import { mediaFields, textFields, type StoredFile, type UserContent } from "./message-fields.ts";

export type { StoredFile, UserContent };

/** A refusal as the Bot API words it: `{ ok: false, error_code, description }`. */
export class BotApiError extends Error {
  constructor(
    readonly code: number,
    description: string,
  ) {
    super(description);
  }
}

interface ChatRecord {
  chat: Chat;
  messages: Message[];
}

/** What the demo page is told about, as it happens. */
export type DemoEvent =
  | { kind: "message" | "edit"; chatId: number; message: Message }
  | { kind: "delete"; chatId: number; messageId: number }
  | { kind: "callback-answer"; userId: number; text?: string; showAlert: boolean }
  | { kind: "keyboard"; chatId: number }
  | { kind: "commands" }
  /** The demo is stopping: the page's event streams end, so the server can close. */
  | { kind: "closing" };

/**
 * The state of the demo's Bot API server: one bot, its chats and their messages, the files sent
 * either way, the updates waiting for the bot, and the command menus. All in memory: a demo that
 * restarts starts with empty chats (the database keeps what matters).
 */
export class DemoTelegram {
  readonly bot: UserFromGetMe;
  private readonly chats = new Map<number, ChatRecord>();
  private readonly files = new Map<string, StoredFile>();
  private readonly commands = new Map<string, BotCommand[]>();
  private readonly keyboards = new Map<number, ReplyKeyboardMarkup>();
  /** Callback queries not yet answered, with who pressed. */
  private readonly callbacks = new Map<string, number>();
  private readonly listeners = new Set<(event: DemoEvent) => void>();
  private updates: Update[] = [];
  private waiting = new Set<() => void>();
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private nextCallbackId = 1;
  webhook: { url: string; secret?: string } | undefined;
  /** Set by the HTTP layer: how an update reaches a bot in webhook mode. */
  deliver: ((update: Update) => void) | undefined;

  constructor(
    readonly token: string,
    bot: { id: number; username: string; first_name: string },
    /** Message dates follow this clock (the demo's, which the trainer moves). */
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.bot = {
      ...bot,
      is_bot: true,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    } as UserFromGetMe;
  }

  // --- chats and messages ---------------------------------------------------------------------

  openChat(chat: Chat): void {
    if (!this.chats.has(chat.id)) this.chats.set(chat.id, { chat, messages: [] });
  }

  chat(chatId: unknown): Chat {
    const record = this.chats.get(Number(chatId));
    if (!record) throw new BotApiError(400, "Bad Request: chat not found");
    return record.chat;
  }

  messages(chatId: number): Message[] {
    return this.chats.get(chatId)?.messages ?? [];
  }

  message(chatId: unknown, messageId: unknown): Message {
    const found = this.messages(Number(this.chat(chatId).id)).find((m) => m.message_id === Number(messageId));
    if (!found) throw new BotApiError(400, "Bad Request: message to edit not found");
    return found;
  }

  /** Adds a message from the bot (or a person) to its chat and tells the page. */
  post(chatId: number, fields: Partial<Message>, from: User = this.bot): Message {
    const chat = this.chat(chatId);
    const date = Math.floor(this.clock().getTime() / 1000);
    const message = { message_id: this.nextMessageId++, date, chat, from, ...fields } as Message;
    this.chats.get(chat.id)!.messages.push(message);
    this.emit({ kind: "message", chatId: chat.id, message });
    return message;
  }

  replace(chatId: number, message: Message): void {
    const list = this.messages(chatId);
    const index = list.findIndex((m) => m.message_id === message.message_id);
    if (index >= 0) list[index] = message;
    this.emit({ kind: "edit", chatId, message });
  }

  remove(chatId: number, messageId: number): boolean {
    const list = this.messages(chatId);
    const index = list.findIndex((m) => m.message_id === messageId);
    if (index < 0) return false;
    list.splice(index, 1);
    this.emit({ kind: "delete", chatId, messageId });
    return true;
  }

  // --- what people do on the page ---------------------------------------------------------------

  /** A person sends a text, photo or document; the bot receives it as an update. */
  send(from: User, chatId: number, content: UserContent): Message {
    const fields: Partial<Message> = "text" in content ? textFields(content.text) : mediaFields(content);
    const message = this.post(chatId, fields, from);
    if (this.keyboards.get(chatId)?.one_time_keyboard) this.setReplyKeyboard(chatId, undefined);
    this.push({ update_id: this.nextUpdateId++, message: message as Update["message"] & {} });
    return message;
  }

  /** A person presses an inline button; returns the callback query id the bot answers. */
  press(from: User, chatId: number, messageId: number, data: string): string {
    const message = this.message(chatId, messageId);
    // Telegram only lets a client press a button the message has (DATA_INVALID otherwise).
    const buttons = message.reply_markup?.inline_keyboard.flat() ?? [];
    if (!buttons.some((b) => "callback_data" in b && b.callback_data === data))
      throw new BotApiError(400, "Bad Request: DATA_INVALID");
    const id = `demo-${this.nextCallbackId++}`;
    this.callbacks.set(id, from.id);
    this.push({
      update_id: this.nextUpdateId++,
      callback_query: { id, from, chat_instance: `chat-${chatId}`, data, message: message as never },
    });
    return id;
  }

  /** Who pressed the button of an unanswered callback query; a query is answered once. */
  takeCallback(id: unknown): number {
    const userId = this.callbacks.get(String(id));
    if (userId === undefined)
      throw new BotApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
    this.callbacks.delete(String(id));
    return userId;
  }

  /** The reply keyboard shown under a chat's input field, until replaced or removed. */
  setReplyKeyboard(chatId: number, keyboard: ReplyKeyboardMarkup | undefined): void {
    if (keyboard) this.keyboards.set(chatId, keyboard);
    else this.keyboards.delete(chatId);
    this.emit({ kind: "keyboard", chatId });
  }

  replyKeyboard(chatId: number): ReplyKeyboardMarkup | undefined {
    return this.keyboards.get(chatId);
  }

  // --- files ---------------------------------------------------------------------------------

  storeFile(bytes: Uint8Array, options: { name: string; mimeType: string; folder: string }): StoredFile {
    const fileId = `demo-${options.folder}-${randomBytes(9).toString("base64url")}`;
    const extension = /\.[a-z0-9]{1,5}$/i.exec(options.name)?.[0] ?? "";
    const file: StoredFile = {
      fileId,
      uniqueId: randomBytes(6).toString("base64url"),
      path: `${options.folder}/file_${this.files.size}${extension}`,
      bytes,
      mimeType: options.mimeType,
      name: options.name,
    };
    this.files.set(fileId, file);
    return file;
  }

  file(fileId: unknown): StoredFile {
    const file = typeof fileId === "string" ? this.files.get(fileId) : undefined;
    if (!file) throw new BotApiError(400, "Bad Request: wrong file identifier/HTTP URL specified");
    return file;
  }

  fileAt(path: string): StoredFile | undefined {
    return [...this.files.values()].find((f) => f.path === path);
  }

  // --- command menus --------------------------------------------------------------------------

  setCommands(scopeKey: string, commands: BotCommand[] | undefined): void {
    if (commands) this.commands.set(scopeKey, commands);
    else this.commands.delete(scopeKey);
    this.emit({ kind: "commands" });
  }

  /** The menu Telegram shows in a chat: the most specific scope set, as Telegram resolves it. */
  commandsFor(chat: Chat, userId: number, languageCode: string): BotCommand[] {
    const scopes = menuScopes(chat, userId);
    for (const scope of scopes)
      for (const language of [languageCode, ""]) {
        const found = this.commands.get(scopeKeyOf(scope, language));
        if (found) return found;
      }
    return [];
  }

  // --- updates --------------------------------------------------------------------------------

  private push(update: Update): void {
    if (this.webhook && this.deliver) return this.deliver(update);
    this.updates.push(update);
    for (const wake of this.waiting) wake();
  }

  /** Long polling: answers at once when updates wait, else when one arrives or `timeout` seconds pass. */
  async takeUpdates(offset: number, limit: number, timeoutSeconds: number, signal?: AbortSignal): Promise<Update[]> {
    this.updates = this.updates.filter((u) => u.update_id >= offset);
    if (this.updates.length === 0 && timeoutSeconds > 0) {
      await new Promise<void>((resolve) => {
        const done = () => (clearTimeout(timer), this.waiting.delete(done), resolve());
        const timer = setTimeout(done, Math.min(timeoutSeconds, 50) * 1000);
        this.waiting.add(done);
        signal?.addEventListener("abort", done);
      });
    }
    return this.updates.slice(0, Math.max(1, Math.min(limit, 100)));
  }

  dropPendingUpdates(): void {
    this.updates = [];
  }

  /** Ends every long poll at once (the server is closing). */
  wakeAll(): void {
    for (const wake of this.waiting) wake();
  }

  // --- the page's feed ------------------------------------------------------------------------

  subscribe(listener: (event: DemoEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: DemoEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
