import type { Message } from "grammy/types";

/** A message as the page draws it: who, when, what (text or HTML, photo, document), and buttons. */
export interface MessageView {
  id: number;
  fromBot: boolean;
  sender: string;
  /** Seconds since 1970 on the demo clock. */
  date: number;
  text?: string;
  /** The text or caption is Telegram HTML (the page renders its tags and escapes the rest). */
  html: boolean;
  photo?: string;
  document?: { name: string; url: string };
  caption?: string;
  buttons?: Array<Array<{ text: string; data?: string; url?: string }>>;
  album?: string;
  edited: boolean;
}

export const fileUrl = (fileId: string) => `/demo/api/files/${encodeURIComponent(fileId)}`;

export function messageView(message: Message): MessageView {
  const m = message as Message & { demo_parse_mode?: string };
  const photo = m.photo?.at(-1);
  const keyboard = m.reply_markup?.inline_keyboard;
  return {
    id: m.message_id,
    fromBot: m.from?.is_bot === true,
    sender: [m.from?.first_name, m.from?.last_name].filter(Boolean).join(" "),
    date: m.date,
    text: m.text,
    html: m.demo_parse_mode === "HTML",
    photo: photo ? fileUrl(photo.file_id) : undefined,
    document: m.document ? { name: m.document.file_name ?? "dokumen", url: fileUrl(m.document.file_id) } : undefined,
    caption: m.caption,
    buttons: keyboard?.map((row) =>
      row.map((b) => ({
        text: b.text,
        data: "callback_data" in b ? b.callback_data : undefined,
        url: "url" in b ? b.url : undefined,
      })),
    ),
    album: m.media_group_id,
    edited: m.edit_date !== undefined,
  };
}
