import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { STORAGE_UNAVAILABLE_MESSAGE } from "@/lib/http/service-unavailable";
import { ApiClient, DEMO_PASSWORD } from "../helpers/api-client";
import { startApp, type AppServer } from "../helpers/app-server";
import { samplePdf, buildCourse } from "../helpers/learning-fixtures";
import { startS3rver } from "../helpers/s3rver";
import { checkConsistency, describeConsistency } from "./consistency";

/**
 * The bucket (s3rver) goes away in the middle of an upload: the browser's PUT fails, completing it is a 503 that says
 * storage cannot be reached (never a 500), and once the bucket is back the same upload sent again completes.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-fault-bucket-"));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer | ArrayBuffer) =>
  createHash("sha256")
    .update(Buffer.from(bytes as ArrayBuffer))
    .digest("hex");

describe("the bucket goes away during an upload", { timeout: 600_000 }, () => {
  it("answers a clear 503 and the retry succeeds once it is back", async () => {
    let s3 = await startS3rver("budhhub-faults");
    const { port, directory, bucket } = s3;
    cleanups.push(async () => {
      await s3.stop().catch(() => undefined);
      fs.rmSync(directory, { recursive: true, force: true });
    });
    const server: AppServer = await startApp({
      DATA_DIR: dataDir,
      STORAGE_DRIVER: "s3",
      S3_ENDPOINT: s3.endpoint,
      S3_REGION: "us-east-1",
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
    });
    cleanups.push(() => server.stop());
    const ada = new ApiClient(server.url);
    expect((await ada.signIn("ada@budhhub.test", DEMO_PASSWORD)).status).toBe(200);
    const course = await buildCourse(ada, { title: "Uploads in bad weather", lessons: 1, publish: false });

    const started = await ada.post("/api/upload/material", {
      courseId: course.courseId,
      fileName: "handout.pdf",
      contentType: "application/pdf",
      size: samplePdf.length,
    });
    expect(started.status).toBe(201);
    const plan = started.json<{ uploadId: string; single: { url: string; headers: Record<string, string> } }>();
    const put = () => fetch(plan.single.url, { method: "PUT", headers: plan.single.headers, body: new Uint8Array(samplePdf) });

    await s3.stop();
    // The browser's PUT meets nothing: the upload form shows its own error and offers to retry.
    expect(
      await put().then(
        (r) => r.status,
        (error: unknown) => String(error),
      ),
    ).toMatch(/fetch failed/);
    const complete = await ada.post("/api/upload/material/complete", { uploadId: plan.uploadId });
    expect(complete.status).toBe(503);
    expect(complete.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(complete.json()).toMatchObject({ error: { code: "SERVICE_UNAVAILABLE", message: STORAGE_UNAVAILABLE_MESSAGE } });
    // Starting another upload while it is down is refused the same way or planned without storage; never a 500.
    const another = await ada.post("/api/upload/material", {
      courseId: course.courseId,
      fileName: "big.pdf",
      contentType: "application/pdf",
      size: 200 * 1024 * 1024,
    });
    expect([201, 503]).toContain(another.status);
    console.log(`[bucket-down] while down: complete ${complete.status}, a multipart start ${another.status}`);

    s3 = await startS3rver(bucket, { port, directory });
    expect((await put()).status).toBe(200);
    const retried = await ada.post("/api/upload/material/complete", { uploadId: plan.uploadId });
    expect(retried.status, retried.text).toBe(200);
    const material = retried.json<{ material: { id: string } }>().material;
    const url = (await ada.get(`/api/my-courses/${course.courseId}/materials/${material.id}/url`)).json<{ url: string }>().url;
    expect(sha256(await (await fetch(url)).arrayBuffer())).toBe(sha256(samplePdf));
    if (another.status === 201) {
      const aborted = await ada.request("DELETE", `/api/upload/${another.json<{ uploadId: string }>().uploadId}`);
      expect(aborted.status).toBeLessThan(300);
    }

    await server.stop();
    const client = new S3Client({
      endpoint: s3.endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    const keys = ((await client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key!);
    const db = new PGlite(path.join(dataDir, "pglite"));
    const consistency = await checkConsistency(async (text) => (await db.query<Record<string, unknown>>(text)).rows, keys);
    await db.close();
    console.log(`[bucket-down] consistency: ${describeConsistency(consistency)}`);
    expect(consistency).toMatchObject({ progressMismatches: [], missingObjects: [], unreferencedObjects: [], failedJobs: [] });
  });
});
