import type { BotCommand, InlineKeyboardMarkup, Message } from "grammy/types";
import { visibleText } from "../../lib/html.ts";
import { CAPTION_MAX, MESSAGE_MAX } from "../../lib/telegram-limits.ts";
import { htmlProblem } from "./html.ts";
import { isUpload, type Params } from "./multipart.ts";
import { scopeKeyOf } from "./commands.ts";
import { documentOf, photoSizeOf } from "./message-fields.ts";
import { BotApiError, type DemoTelegram, type StoredFile } from "./state.ts";

type Method = (api: DemoTelegram, params: Params, signal?: AbortSignal) => unknown;

/**
 * The Bot API methods Lapkin calls, with Telegram's checks that catch a bot's bugs: unknown chats,
 * texts and captions over the limits, malformed HTML, edits that change nothing.
 */
export const METHODS: Record<string, Method> = {
  getMe: (api) => api.bot,
  getUpdates: (api, p, signal) => {
    if (api.webhook)
      throw new BotApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    return api.takeUpdates(Number(p.offset ?? 0), Number(p.limit ?? 100), Number(p.timeout ?? 0), signal);
  },
  setWebhook: (api, p) => {
    if (typeof p.url !== "string" || !/^https?:\/\//.test(p.url))
      throw new BotApiError(400, "Bad Request: bad webhook: invalid URL");
    api.webhook = { url: p.url, secret: typeof p.secret_token === "string" ? p.secret_token : undefined };
    if (p.drop_pending_updates === true) api.dropPendingUpdates();
    return true;
  },
  deleteWebhook: (api, p) => {
    api.webhook = undefined;
    if (p.drop_pending_updates === true) api.dropPendingUpdates();
    return true;
  },
  getWebhookInfo: (api) => ({ url: api.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: 0 }),
  getChat: (api, p) => api.chat(p.chat_id),
  sendChatAction: (api, p) => (api.chat(p.chat_id), true),
  sendMessage: (api, p) => {
    const text = checkedText(p.text, p.parse_mode, MESSAGE_MAX, "message text");
    return api.post(chatIdOf(api, p), { text, ...format(p), reply_markup: markupOf(api, p) } as Partial<Message>);
  },
  sendPhoto: (api, p) => {
    const photo = inputFile(api, p.photo, p, "photo");
    return api.post(chatIdOf(api, p), {
      photo: [photoSizeOf(photo)],
      ...captionOf(p),
      reply_markup: markupOf(api, p),
    } as Partial<Message>);
  },
  sendDocument: (api, p) => {
    const document = inputFile(api, p.document, p, "document");
    return api.post(chatIdOf(api, p), {
      document: documentOf(document),
      ...captionOf(p),
      reply_markup: markupOf(api, p),
    } as Partial<Message>);
  },
  sendMediaGroup: (api, p) => {
    const media = Array.isArray(p.media) ? (p.media as Params[]) : [];
    if (media.length < 2 || media.length > 10)
      throw new BotApiError(400, "Bad Request: wrong number of media in the album (2 to 10)");
    const chatId = chatIdOf(api, p);
    const group = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const files = media.map((m) => ({
      m,
      file: inputFile(api, m.media, p, m.type === "document" ? "document" : "photo"),
    }));
    return files.map(({ m, file }) =>
      api.post(chatId, {
        media_group_id: group,
        ...(m.type === "document" ? { document: documentOf(file) } : { photo: [photoSizeOf(file)] }),
        ...captionOf(m),
      } as Partial<Message>),
    );
  },
  editMessageText: (api, p) => {
    const message = api.message(p.chat_id, p.message_id);
    const text = checkedText(p.text, p.parse_mode, MESSAGE_MAX, "message text");
    if (!("text" in message)) throw new BotApiError(400, "Bad Request: there is no text in the message to edit");
    return edit(api, message, { text, ...format(p), reply_markup: markupOf(api, p) });
  },
  editMessageCaption: (api, p) => {
    const message = api.message(p.chat_id, p.message_id);
    if (!("photo" in message) && !("document" in message))
      throw new BotApiError(400, "Bad Request: there is no caption in the message to edit");
    return edit(api, message, { ...captionOf(p), reply_markup: markupOf(api, p) });
  },
  editMessageReplyMarkup: (api, p) =>
    edit(api, api.message(p.chat_id, p.message_id), { reply_markup: markupOf(api, p) }),
  deleteMessage: (api, p) => {
    const chatId = chatIdOf(api, p);
    if (!api.remove(chatId, Number(p.message_id)))
      throw new BotApiError(400, "Bad Request: message to delete not found");
    return true;
  },
  answerCallbackQuery: (api, p) => {
    const text = typeof p.text === "string" ? p.text : undefined;
    if (text && text.length > 200) throw new BotApiError(400, "Bad Request: MESSAGE_TOO_LONG");
    const userId = api.takeCallback(p.callback_query_id);
    api.emit({ kind: "callback-answer", userId, text, showAlert: p.show_alert === true });
    return true;
  },
  getFile: (api, p) => {
    const file = api.file(p.file_id);
    return { file_id: file.fileId, file_unique_id: file.uniqueId, file_size: file.bytes.length, file_path: file.path };
  },
  setMyCommands: (api, p) => {
    const commands = Array.isArray(p.commands) ? (p.commands as BotCommand[]) : undefined;
    if (!commands || commands.some((c) => !/^[a-z0-9_]{1,32}$/.test(c.command) || !c.description))
      throw new BotApiError(400, "Bad Request: BOT_COMMAND_INVALID");
    api.setCommands(scopeKeyOf(p.scope, p.language_code), commands);
    return true;
  },
  deleteMyCommands: (api, p) => (api.setCommands(scopeKeyOf(p.scope, p.language_code), undefined), true),
  getMyCommands: (api, p) =>
    api.commandsFor({ id: 0, type: "private", first_name: "" }, 0, String(p.language_code ?? "")),
};

const chatIdOf = (api: DemoTelegram, p: Params) => api.chat(p.chat_id).id;

/** Telegram checks the markup first, then the length of what the reader sees (tags do not count). */
function checkedText(value: unknown, parseMode: unknown, max: number, what: string): string {
  const text = typeof value === "string" ? value : "";
  if (!text.trim()) throw new BotApiError(400, `Bad Request: ${what} is empty`);
  if (parseMode === "HTML") {
    const problem = htmlProblem(text);
    if (problem) throw new BotApiError(400, `Bad Request: ${problem}`);
  } else if (parseMode !== undefined)
    throw new BotApiError(400, `Bad Request: unsupported parse_mode ${String(parseMode)} in the demo`);
  const shown = parseMode === "HTML" ? visibleText(text) : text;
  if (shown.length > max)
    throw new BotApiError(
      400,
      `Bad Request: ${what === "message text" ? "message is too long" : "message caption is too long"}`,
    );
  return text;
}

/** parse_mode is kept on the message (as `demo_parse_mode`) so the page knows to render the HTML. */
const format = (p: Params) => (p.parse_mode === "HTML" ? { demo_parse_mode: "HTML" } : {});

function captionOf(p: Params): Partial<Message> {
  if (p.caption === undefined || p.caption === "") return {};
  return {
    caption: checkedText(p.caption, p.parse_mode, CAPTION_MAX, "message caption"),
    ...format(p),
  } as Partial<Message>;
}

/**
 * Inline keyboards belong to the message; a reply keyboard (or its removal) belongs to the chat,
 * and Telegram's Message does not carry it.
 */
function markupOf(api: DemoTelegram, p: Params): InlineKeyboardMarkup | undefined {
  const m = p.reply_markup as { inline_keyboard?: unknown; keyboard?: unknown; remove_keyboard?: unknown } | undefined;
  if (m?.keyboard || m?.remove_keyboard)
    api.setReplyKeyboard(api.chat(p.chat_id).id, m.keyboard ? (m as never) : undefined);
  if (!m || !Array.isArray(m.inline_keyboard)) return undefined;
  for (const row of m.inline_keyboard as Array<Array<{ callback_data?: string }>>)
    for (const button of row)
      if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data) > 64)
        throw new BotApiError(400, "Bad Request: BUTTON_DATA_INVALID");
  return m as InlineKeyboardMarkup;
}

function edit(api: DemoTelegram, message: Message, changes: Record<string, unknown>): Message {
  // A bot edits only its own messages: an edit aimed at the person's message id is a bug.
  if (message.from?.id !== api.bot.id) throw new BotApiError(400, "Bad Request: message can't be edited");
  const next = { ...message, ...changes, edit_date: Math.floor(Date.now() / 1000) } as Message &
    Record<string, unknown>;
  if (changes.reply_markup === undefined) delete next.reply_markup;
  const same = (["text", "caption", "reply_markup"] as const).every(
    (k) => JSON.stringify(next[k]) === JSON.stringify((message as unknown as Record<string, unknown>)[k]),
  );
  if (same)
    throw new BotApiError(
      400,
      "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
  api.replace(message.chat.id, next);
  return next;
}

/** A file given as an upload, an `attach://` name, or the file_id of a file the server holds. */
function inputFile(api: DemoTelegram, value: unknown, params: Params, folder: "photo" | "document"): StoredFile {
  const attached = typeof value === "string" && value.startsWith("attach://") ? params[value.slice(9)] : value;
  if (isUpload(attached))
    return api.storeFile(attached.bytes, {
      name: attached.filename,
      mimeType: attached.contentType,
      folder: `${folder}s`,
    });
  const file = api.file(attached);
  // A file_id keeps its kind: Telegram refuses a document's as a photo, and a photo's as a document.
  if (!file.path.startsWith(`${folder}s/`)) throw new BotApiError(400, "Bad Request: type of file mismatch");
  return file;
}
