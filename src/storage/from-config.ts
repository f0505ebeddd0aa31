import type { FileStore } from "./file-store.ts";
import { localFileStore } from "./local.ts";
import { s3FileStore, type S3Location } from "./s3.ts";

/**
 * The file store the configuration names: S3-compatible object storage when STORAGE_URL is set,
 * else the local folder DATA_DIR. Every part of Lapkin that keeps files builds its store here.
 */
export function fileStoreFrom(config: { dataDir: string; storage?: S3Location }): FileStore {
  return config.storage ? s3FileStore(config.storage) : localFileStore(config.dataDir);
}
