// Messages shared by the import's checks; their words are in locales/, "import problems".
import type { Message, MessageArgs } from "../../lib/i18n.ts";
import type { Origin } from "./types.ts";

/** A later record with the key of an earlier one: the message's key and what names the record. */
export type Duplicate = { key: string; args: MessageArgs };

/** The duplicate's message, naming where the first of its key is. */
export const duplicateOf = ({ key, args }: Duplicate, first: Origin): Message => ({
  key,
  args: { ...args, firstFile: first.file, firstRow: String(first.row) },
});

export const unitUnknown = (code: string): Message => ({ key: "import-unit-unknown", args: { code } });

/** A problem of the value in `column` ("nip_atasan: NIP … is not …"). */
export const inColumn = (column: string, problem: Message): Message => ({
  key: "import-in-column",
  args: { column, problem },
});
