import { describe, expect, it } from "vitest";
import { parseDate, parseMinutes, parseQuantity } from "../../src/handlers/report/parse.ts";
import { imageType } from "../../src/domain/report/evidence.ts";

describe("parseQuantity (Indonesian number writing)", () => {
  it.each([
    ["3", 3, ""],
    ["2,5", 2.5, ""],
    ["2,5 dokumen", 2.5, "dokumen"],
    ["1.500 lembar", 1500, "lembar"],
    ["1.234,5", 1234.5, ""],
    ["2.5", 2.5, ""],
    ["0,333", 0.33, ""],
  ])("%s → %d %s", (text, value, unit) => expect(parseQuantity(text)).toEqual({ value, unit }));
  it.each(["banyak", "", "dua", "1,2,3", "3 4"])("%s is not a quantity", (text) =>
    expect(parseQuantity(text)).toBeUndefined(),
  );
});

describe("parseMinutes", () => {
  it.each([
    ["90", 90],
    ["90 menit", 90],
    ["1:30", 90],
    ["1.30", 90],
    ["12:00", 720],
    ["0", 0],
  ])("%s → %d", (text, minutes) => expect(parseMinutes(text)).toBe(minutes));
  it.each(["lama", "1:75", "1 jam", ""])("%s is not a time", (text) => expect(parseMinutes(text)).toBeUndefined());
});

describe("parseDate", () => {
  it.each([
    ["23/11/2026", "2026-11-23"],
    ["23-11-26", "2026-11-23"],
    ["2026-11-23", "2026-11-23"],
    ["23/11", "2026-11-23"],
    ["kemarin", "2026-11-23"],
    ["hari ini", "2026-11-24"],
  ])("%s → %s", (text, date) => expect(parseDate(text, "2026-11-24")).toBe(date));
  it.each(["31/02/2026", "besok pagi", "13/13/2026"])("%s is not a date", (text) =>
    expect(parseDate(text, "2026-11-24")).toBeUndefined(),
  );
});

describe("imageType, by content", () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
  it.each([
    ["JPEG", bytes(0xff, 0xd8, 0xff, 0xe0), "jpg"],
    ["PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a), "png"],
    ["WebP", bytes(...ascii("RIFF"), 0, 0, 0, 0, ...ascii("WEBP")), "webp"],
    ["HEIC", bytes(0, 0, 0, 24, ...ascii("ftypheic")), "heic"],
  ])("%s", (_name, data, ext) => expect(imageType(data)?.ext).toBe(ext));
  it("refuses a PDF", () => expect(imageType(bytes(...ascii("%PDF-1.7")))).toBeUndefined());
});
