/** A file part of a multipart upload, as the Bot API receives it (`photo`, `document`, `attach://name`). */
export interface UploadedPart {
  upload: true;
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

export type Params = Record<string, unknown>;

/**
 * The parameters of one Bot API call: a query string, JSON, urlencoded or multipart form data
 * (grammY switches to multipart as soon as one file is uploaded). Text fields holding JSON
 * (reply_markup, media, scope) are parsed; file parts are kept as bytes.
 */
export async function readParams(request: Request): Promise<Params> {
  const params: Params = Object.fromEntries(new URL(request.url).searchParams);
  const type = request.headers.get("content-type") ?? "";
  if (request.method === "GET" || request.method === "HEAD") return decodeFields(params);
  const body = Buffer.from(await request.arrayBuffer());
  if (body.length === 0) return decodeFields(params);
  if (type.includes("application/json")) return { ...params, ...(JSON.parse(body.toString("utf8")) as Params) };
  if (type.includes("application/x-www-form-urlencoded"))
    return decodeFields({ ...params, ...Object.fromEntries(new URLSearchParams(body.toString("utf8"))) });
  if (type.includes("multipart/form-data")) return { ...decodeFields(params), ...parseMultipart(body, type) };
  return decodeFields(params);
}

function decodeFields(fields: Params): Params {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === "string" ? jsonOrText(v) : v]));
}

/** A field that looks like JSON (an object, an array, a number, true/false) is parsed; text stays text. */
function jsonOrText(value: string): unknown {
  if (!/^[[{\d-]|^(true|false)$/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Reads multipart/form-data byte-safely (photos are binary). undici's `formData()` refuses some
 * streams grammY produces, so this walks the boundaries itself.
 */
export function parseMultipart(body: Buffer, contentType: string): Params {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const mark = boundary?.[1] ?? boundary?.[2]?.trim();
  if (!mark) throw new Error("multipart body without a boundary");
  const delimiter = Buffer.from(`--${mark}`);
  const params: Params = {};
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, partStart);
    if (next < 0) break;
    const part = body.subarray(partStart + 2, next - 2); // skip the CRLF after the mark and before the next
    readPart(part, params);
    start = next;
  }
  return params;
}

function readPart(part: Buffer, params: Params): void {
  const split = part.indexOf("\r\n\r\n");
  if (split < 0) return;
  const head = part.subarray(0, split).toString("utf8");
  const content = part.subarray(split + 4);
  const name = /[;\s]name="([^"]*)"/i.exec(head)?.[1];
  if (!name) return;
  const quoted = /filename=(?:"([^"]*)"|([^;\r\n]*))/i.exec(head);
  const filename = quoted ? (quoted[1] ?? quoted[2]!.trim()) : undefined;
  if (filename === undefined) {
    params[name] = jsonOrText(content.toString("utf8"));
    return;
  }
  const declared = /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1]?.trim();
  const contentType = declared && declared !== "application/octet-stream" ? declared : typeByName(filename);
  params[name] = { upload: true, filename, contentType, bytes: new Uint8Array(content) } satisfies UploadedPart;
}

export const isUpload = (value: unknown): value is UploadedPart =>
  typeof value === "object" && value !== null && (value as { upload?: unknown }).upload === true;

const TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  pdf: "application/pdf",
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** grammY labels every upload application/octet-stream; the name tells what it is. */
export function typeByName(name: string): string {
  return TYPES[/\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ""] ?? "application/octet-stream";
}
