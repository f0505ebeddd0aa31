import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe; only the SHA-256 of a token is ever stored. */
export const newToken = () => randomBytes(32).toString("base64url");
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const isTokenFormat = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
