import type { S3Client } from "@aws-sdk/client-s3";
import { checkKey, type FileStore } from "./file-store.ts";

/** Where the objects go: `STORAGE_URL=s3://<bucket>?endpoint=<url>&region=<r>`. */
export interface S3Location {
  bucket: string;
  /** An S3-compatible server (MinIO, Ceph, …); unset means AWS itself. */
  endpoint?: string;
  region: string;
}

type Sdk = typeof import("@aws-sdk/client-s3");

/**
 * Files as objects of one bucket, for instances on several hosts. Credentials come from the SDK's
 * usual places (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY first). An own endpoint is addressed
 * path-style (`<endpoint>/<bucket>/<key>`), which MinIO-like servers expect without DNS per bucket.
 */
export function s3FileStore(location: S3Location): FileStore {
  // The SDK (about a second to load) is loaded on first use, so no start-up pays for it in vain.
  let connected: Promise<{ sdk: Sdk; client: S3Client }> | undefined;
  const connect = () =>
    (connected ??= import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: location.region,
        ...(location.endpoint ? { endpoint: location.endpoint, forcePathStyle: true } : {}),
      }),
    })));
  const Bucket = location.bucket;
  return {
    async put(key, bytes, contentType) {
      const Key = checkKey(key);
      const { sdk, client } = await connect();
      await client.send(new sdk.PutObjectCommand({ Bucket, Key, Body: bytes, ContentType: contentType }));
    },
    async get(key) {
      const Key = checkKey(key);
      const { sdk, client } = await connect();
      try {
        const object = await client.send(new sdk.GetObjectCommand({ Bucket, Key }));
        return object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async has(key) {
      const Key = checkKey(key);
      const { sdk, client } = await connect();
      try {
        await client.send(new sdk.HeadObjectCommand({ Bucket, Key }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
  };
}

/** A key with no object: 404 (GetObject names it NoSuchKey, HeadObject has no body to name it). */
const isMissing = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode === 404;
