import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";

/**
 * An S3-compatible server (s3rver, from npm) on 127.0.0.1 and a free port, with one bucket, for the
 * S3 file store's tests. s3rver checks signatures against its own fixed credentials, which the
 * store's SDK reads from the standard environment variables (set by `credentials`).
 */
export async function startS3Server(bucket = "lapkin-test") {
  const directory = mkdtempSync(join(tmpdir(), "lapkin-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    bucket,
    endpoint,
    storageUrl: `s3://${bucket}?endpoint=${encodeURIComponent(endpoint)}&region=us-east-1`,
    credentials: { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
