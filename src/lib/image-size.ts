/**
 * The pixel size a JPEG, PNG or WebP file declares in its header, read without decoding it, so a
 * small file that claims a huge picture (a decompression bomb) can be refused before any memory is
 * spent on it. Undefined for anything else, or a header cut short.
 */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const at = (i: number) => bytes[i] ?? 0;
  const u16be = (i: number) => (at(i) << 8) | at(i + 1);
  const u32be = (i: number) => at(i) * 0x1000000 + ((at(i + 1) << 16) | (at(i + 2) << 8) | at(i + 3));
  const u24le = (i: number) => at(i) | (at(i + 1) << 8) | (at(i + 2) << 16);
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  const sized = (width: number, height: number) => (width > 0 && height > 0 ? { width, height } : undefined);

  if (at(0) === 0x89 && ascii(1, 4) === "PNG" && ascii(12, 16) === "IHDR") return sized(u32be(16), u32be(20));
  if (at(0) === 0xff && at(1) === 0xd8) {
    // Markers up to the first frame header (SOF0–SOF15 but DHT, JPG and DAC), whose size decoders use.
    for (let i = 2; i + 9 < bytes.length;) {
      if (at(i) !== 0xff) return undefined;
      const marker = at(i + 1);
      if (marker === 0xff) i += 1;
      else if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) i += 2;
      else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return sized(u16be(i + 7), u16be(i + 5));
      else if (marker === 0xd9 || marker === 0xda) return undefined;
      else i += 2 + u16be(i + 2);
    }
    return undefined;
  }
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP" && bytes.length >= 30) {
    const kind = ascii(12, 16);
    if (kind === "VP8X") return sized(u24le(24) + 1, u24le(27) + 1);
    if (kind === "VP8L") {
      const bits = at(21) | (at(22) << 8) | (at(23) << 16) | (at(24) << 24);
      return sized((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    const u14le = (i: number) => (at(i) | (at(i + 1) << 8)) & 0x3fff;
    if (kind === "VP8 ") return sized(u14le(26), u14le(28));
  }
  return undefined;
}
