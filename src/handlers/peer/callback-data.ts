import { z } from "zod";
import { callbackData, id } from "../../lib/callback-data.ts";

/** Database ids are positive int4: anything else is tampered data, refused before a query. */
const rowId = id.pipe(z.number().int().positive().max(2_147_483_647));
/** A BerAKHLAK value by its place (0–6) in BERAKHLAK_VALUES. */
const valueIndex = z.enum(["0", "1", "2", "3", "4", "5", "6"]).transform(Number);

/** The four answers: di atas, sesuai, di bawah ekspektasi, tidak tahu. */
export const PEER_ANSWERS = ["A", "M", "B", "X"] as const;
export type PeerAnswerLetter = (typeof PEER_ANSWERS)[number];

/** Peer-feedback buttons: ids only; the presser is checked against the request's giver in the database. */
export const peerData = {
  /** Open (or continue) one of my requests. */
  open: callbackData("pr:o", rowId),
  /** One value's answer of a request. */
  value: callbackData("pr:v", rowId, valueIndex, z.enum(PEER_ANSWERS)),
  /** No note for an answered request. */
  skipNote: callbackData("pr:n", rowId),
  /** "Pick a colleague": the list of colleagues I may rate. */
  pick: callbackData("pr:p"),
  /** The colleague picked (an employee id). */
  choose: callbackData("pr:c", rowId),
};
