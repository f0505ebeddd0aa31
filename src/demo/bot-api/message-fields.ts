import type { Message } from "grammy/types";
import { imageSize } from "../../lib/image-size.ts";

export interface StoredFile {
  fileId: string;
  uniqueId: string;
  path: string;
  bytes: Uint8Array;
  mimeType: string;
  name: string;
}

/** The media a person sends from the page. */
export type UserContent =
  | { text: string }
  | { photo: StoredFile; caption?: string; mediaGroupId?: string }
  | { document: StoredFile; caption?: string };

/** A typed command gets its bot_command entity, as Telegram's clients add it. */
export function textFields(text: string): Partial<Message> {
  const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
  return command
    ? ({ text, entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } as Partial<Message>)
    : { text };
}

export function mediaFields(content: Exclude<UserContent, { text: string }>): Partial<Message> {
  if ("document" in content)
    return { document: documentOf(content.document), caption: content.caption } as Partial<Message>;
  return {
    photo: [photoSizeOf(content.photo)],
    caption: content.caption,
    media_group_id: content.mediaGroupId,
  } as Partial<Message>;
}

export function photoSizeOf(file: StoredFile) {
  const size = imageSize(file.bytes) ?? { width: 1280, height: 960 };
  return { file_id: file.fileId, file_unique_id: file.uniqueId, file_size: file.bytes.length, ...size };
}

export function documentOf(file: StoredFile) {
  return {
    file_id: file.fileId,
    file_unique_id: file.uniqueId,
    file_name: file.name,
    mime_type: file.mimeType,
    file_size: file.bytes.length,
  };
}
