import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { checkKey, type FileStore } from "./file-store.ts";

/** Where the objects go: `STORAGE_URL=s3://<bucket>?endpoint=<url>&region=<r>`. */
export interface S3Location {
  bucket: string;
  /** An S3-compatible server (MinIO, Ceph, …); unset means AWS itself. */
  endpoint?: string;
  region: string;
}

/**
 * Files as objects of one bucket, for instances on several hosts. Credentials come from the SDK's
 * usual places (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY first). An own endpoint is addressed
 * path-style (`<endpoint>/<bucket>/<key>`), which MinIO-like servers expect without DNS per bucket.
 */
export function s3FileStore(location: S3Location): FileStore {
  const client = new S3Client({
    region: location.region,
    ...(location.endpoint ? { endpoint: location.endpoint, forcePathStyle: true } : {}),
  });
  const Bucket = location.bucket;
  return {
    async put(key, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket, Key: checkKey(key), Body: bytes, ContentType: contentType }));
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: checkKey(key) }));
        return object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async has(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: checkKey(key) }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
  };
}

/** A key with no object: 404 (GetObject names it NoSuchKey, HeadObject has no body to name it). */
const isMissing = (error: unknown) => error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404;
