import { InlineKeyboard, type Context } from "grammy";
import type { Message } from "grammy/types";
import { addPhoto, type IncomingPhoto } from "../../domain/report/photos.ts";
import { laporData } from "./callback-data.ts";
import type { Step } from "./step.ts";

const IMAGE_MIME = ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"];

/** 6. The evidence: photos (one by one or an album) or images sent as files, until Done. */
export async function askPhotos(s: Step): Promise<void> {
  const { t, policy } = s;
  const done = new InlineKeyboard().text(t("lapor-button-photos-done"), laporData.photosDone.pack());
  await s.ctx.reply(t("lapor-ask-photos", { min: policy.minPhotos, max: policy.maxPhotos, count: s.draft.photos }), {
    reply_markup: done,
  });
  const acknowledgedAlbums = new Set<string>();
  for (;;) {
    const c = await s.next();
    const text = c.message?.text?.trim().toLowerCase();
    if (laporData.photosDone.parse(c.callbackQuery?.data) || text === "selesai" || text === "done") {
      if (s.draft.photos >= policy.minPhotos) return;
      await c.reply(t("lapor-photos-need", { min: policy.minPhotos }), { reply_markup: done });
      continue;
    }
    const photo = incomingPhoto(c.message, policy.maxPhotoBytes);
    if (photo === "too-big") {
      await c.reply(t("lapor-photo-too-big", { mb: Math.round(policy.maxPhotoBytes / 1024 / 1024) }), {
        reply_markup: done,
      });
      continue;
    }
    if (!photo) {
      await c.reply(t("lapor-photo-not-image"), { reply_markup: done });
      continue;
    }
    const added = await s.conversation.external(() =>
      addPhoto(s.deps.db, s.draft.id, photo, s.deps.clock.now(), policy),
    );
    s.draft = { ...s.draft, photos: added.count };
    if (added.kind === "full") {
      await c.reply(t("lapor-photos-full", { max: policy.maxPhotos }), { reply_markup: done });
      continue;
    }
    await acknowledge(s, c, photo, added.count, acknowledgedAlbums, done);
  }
}

/** The largest size of a photo, or an image sent as a file; undefined for anything else. */
function incomingPhoto(message: Message | undefined, maxBytes: number): IncomingPhoto | "too-big" | undefined {
  if (!message) return undefined;
  const largest = message.photo?.at(-1);
  if (largest) {
    return {
      fileId: largest.file_id,
      fileUniqueId: largest.file_unique_id,
      width: largest.width,
      height: largest.height,
      size: largest.file_size,
      mimeType: "image/jpeg",
      mediaGroupId: message.media_group_id,
    };
  }
  const d = message.document;
  if (!d || !IMAGE_MIME.includes(d.mime_type ?? "")) return undefined;
  if ((d.file_size ?? 0) > maxBytes) return "too-big";
  return {
    fileId: d.file_id,
    fileUniqueId: d.file_unique_id,
    size: d.file_size,
    mimeType: d.mime_type,
    mediaGroupId: message.media_group_id,
  };
}

/** An album arrives as one message per photo: acknowledge it once, not once per photo. */
async function acknowledge(
  s: Step,
  c: Context,
  photo: IncomingPhoto,
  count: number,
  acknowledgedAlbums: Set<string>,
  done: InlineKeyboard,
): Promise<void> {
  const group = photo.mediaGroupId;
  if (group && acknowledgedAlbums.has(group)) return;
  if (group) acknowledgedAlbums.add(group);
  await c.reply(s.t(group ? "lapor-album-received" : "lapor-photo-received", { count, max: s.policy.maxPhotos }), {
    reply_markup: done,
  });
}
