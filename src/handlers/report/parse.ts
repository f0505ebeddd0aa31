import { addDays } from "../../domain/calendar.ts";

/** Typed /lapor answers as Indonesians write them. */

/** "25/11/2026", "25-11-2026", "2026-11-25", "25/11" (this year), "hari ini", "kemarin". */
export function parseDate(text: string, today: string): string | undefined {
  const s = text.trim().toLowerCase();
  if (["hari ini", "today", "hariini"].includes(s)) return today;
  if (["kemarin", "yesterday"].includes(s)) return addDays(today, -1);
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const local = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local) {
    d = Number(local[1]);
    m = Number(local[2]);
    y = local[3] ? Number(local[3].length === 2 ? `20${local[3]}` : local[3]) : Number(today.slice(0, 4));
  } else return undefined;
  const at = new Date(Date.UTC(y, m - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return undefined;
  return at.toISOString().slice(0, 10);
}

/**
 * "12", "2,5 dokumen" (Indonesian decimal comma), "1.500 lembar" (dot as thousands), "2.5".
 * Returns the number and the unit written after it, if any.
 */
export function parseQuantity(text: string): { value: number; unit: string } | undefined {
  const match = /^\s*(-?[\d.,]+)\s*(.*)$/.exec(text);
  if (!match) return undefined;
  let digits = match[1]!;
  if (digits.includes(",")) digits = digits.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(digits)) digits = digits.replace(/\./g, "");
  if (!/^-?\d+(\.\d+)?$/.test(digits)) return undefined;
  const value = Math.round(Number(digits) * 100) / 100;
  if (!Number.isFinite(value) || value >= 1e12) return undefined;
  const unit = match[2]!.trim().slice(0, 50);
  if (/^\d/.test(unit)) return undefined;
  return { value, unit };
}

/** "90", "90 menit", "1:30", "1.30" (h.mm, as Indonesians write times). */
export function parseMinutes(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  const plain = /^(\d{1,4})\s*(m|mnt|menit|min|mins|minute|minutes)?$/.exec(s);
  if (plain) return Number(plain[1]);
  const hm = /^(\d{1,2})[:.](\d{2})$/.exec(s);
  if (hm && Number(hm[2]) < 60) return Number(hm[1]) * 60 + Number(hm[2]);
  return undefined;
}
