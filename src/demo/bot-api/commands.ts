import type { Chat } from "grammy/types";

/** The key a command menu is stored under: its scope and language, as setMyCommands names them. */
export function scopeKeyOf(scope: unknown, languageCode: unknown): string {
  const s = (scope ?? { type: "default" }) as { type?: string; chat_id?: unknown; user_id?: unknown };
  const parts = [
    s.type ?? "default",
    s.chat_id ?? "",
    s.user_id ?? "",
    typeof languageCode === "string" ? languageCode : "",
  ];
  return parts.join("|");
}

/** The scopes Telegram looks a chat's menu up in, most specific first (Bot API, "Determining list of commands"). */
export function menuScopes(chat: Chat, userId: number): object[] {
  return chat.type === "private"
    ? [{ type: "chat", chat_id: chat.id }, { type: "all_private_chats" }, { type: "default" }]
    : [
        { type: "chat_member", chat_id: chat.id, user_id: userId },
        { type: "chat", chat_id: chat.id },
        { type: "all_group_chats" },
        { type: "default" },
      ];
}
