import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withS3rver } from "../../../tests/helpers/test-storage";
import { files, insertCourseTree, sendBytes } from "../../../tests/helpers/upload-fixtures";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { uploadSessions } from "@/lib/db/schema";
import { type StorageDriver, setStorage } from "@/lib/storage";
import { MIN_PART_BYTES } from "@/lib/storage/driver";
import { storageKeys } from "@/lib/storage/keys";
import { createS3Storage } from "@/lib/storage/s3";
import { cancelUpload, completeUpload, startUpload, sweepUploads } from "./index";

/**
 * On S3 a presigned PUT URL cannot be revoked: it writes until it expires, whatever happened to its upload. These tests
 * keep one after its upload ended and send through it against s3rver, as the outside security test did.
 */

withTestDatabase();
const s3 = withS3rver();
let storage: StorageDriver;
beforeAll(() => {
  storage = createS3Storage({
    endpoint: s3.endpoint,
    region: "auto",
    bucket: s3.bucket,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
  });
  setStorage(storage);
});
afterAll(() => setStorage(undefined));

const md5 = (data: Buffer) => createHash("md5").update(data).digest("hex");
const sessionOf = async (id: string) => (await db.select().from(uploadSessions).where(eq(uploadSessions.id, id)))[0]!;
const sendOverHttp = (url: string, init: RequestInit) => fetch(url, init);
const htmlOfSize = (size: number) => Buffer.concat([files.html, Buffer.alloc(size - files.html.length, 0x20)]);

async function read(key: string): Promise<Buffer> {
  const { body } = await storage.read(key);
  return Buffer.concat((await body.toArray()) as Buffer[]);
}

async function setup() {
  const instructor = await insertUser({ role: "INSTRUCTOR" });
  return { instructor, ...(await insertCourseTree(instructor.id)) };
}

/** A sweep just after the session's signed URLs have expired. */
const sweepAfterExpiry = async (uploadId: string) =>
  sweepUploads({ now: new Date((await sessionOf(uploadId)).expiresAt.getTime() + 1000) });

describe("staging keys on S3 (s3rver)", () => {
  it("keeps the attached file when the old URL writes HTML after completion; the sweeper removes what it wrote", async () => {
    const { instructor, courseId } = await setup();
    const started = await startUpload(instructor, "material", {
      courseId,
      fileName: "syllabus.pdf",
      contentType: "application/pdf",
      size: files.pdf.length,
    });
    await sendBytes(started, files.pdf, sendOverHttp);
    await completeUpload(instructor, "material", { uploadId: started.uploadId });
    const { stagingKey } = await sessionOf(started.uploadId);
    expect(new URL(started.single!.url).pathname).toBe(`/${s3.bucket}/${stagingKey}`);
    expect(await storage.head(stagingKey!)).toBeNull();

    // S3 takes the PUT: the URL is alive for the rest of the day. It can only write the staging key.
    const late = await fetch(started.single!.url, {
      method: "PUT",
      headers: started.single!.headers,
      body: new Uint8Array(htmlOfSize(files.pdf.length)),
    });
    expect(late.status).toBe(200);
    expect(md5(await read(started.key))).toBe(md5(files.pdf));
    expect(await storage.head(stagingKey!)).toMatchObject({ size: files.pdf.length });

    // Before the URL expires the sweeper leaves it (a delete would not last); after, it is gone and forgotten.
    expect(await sweepUploads()).toMatchObject({ staging: 0 });
    expect(await sweepAfterExpiry(started.uploadId)).toMatchObject({ staging: 1, strays: 0 });
    expect(await storage.head(stagingKey!)).toBeNull();
    expect((await sessionOf(started.uploadId)).stagingKey).toBeNull();
    expect(md5(await read(started.key))).toBe(md5(files.pdf));
  });

  it("writes nothing learners download when the old URL is used after a cancel; the sweeper removes what it wrote", async () => {
    const { instructor, courseId } = await setup();
    const started = await startUpload(instructor, "thumbnail", {
      courseId,
      fileName: "cover.png",
      contentType: "image/png",
      size: files.png.length,
    });
    await sendBytes(started, files.png, sendOverHttp);
    await cancelUpload(instructor, started.uploadId);
    const { stagingKey } = await sessionOf(started.uploadId);
    expect(await storage.head(stagingKey!)).toBeNull();

    const late = await fetch(started.single!.url, { method: "PUT", headers: started.single!.headers, body: new Uint8Array(files.png) });
    expect(late.status).toBe(200);
    expect(await storage.head(started.key)).toBeNull();
    expect(await sweepAfterExpiry(started.uploadId)).toMatchObject({ staging: 1 });
    expect(await storage.head(stagingKey!)).toBeNull();
    expect(await storage.head(started.key)).toBeNull();
  });

  // Through the driver, parts and all: what is checked is the bucket's answer to a late part PUT, not the upload routes.
  it("ignores a part PUT through its old URL once the multipart upload is completed", async () => {
    const key = storageKeys.lessonVideo("3c1c5a8e-4b7d-4c1e-9a3b-0d6e7f8a9b0c", "lecture.mp4");
    const parts = [randomBytes(MIN_PART_BYTES), randomBytes(1234)];
    const uploadId = await storage.createMultipart(key, { contentType: "video/mp4" });
    const urls = await Promise.all(parts.map((p, i) => storage.signPart(key, uploadId, i + 1, { size: p.length, expiresInSeconds: 600 })));
    const etags = [];
    for (const [i, url] of urls.entries()) {
      const response = await fetch(url, { method: "PUT", body: new Uint8Array(parts[i]!) });
      etags.push({ partNumber: i + 1, etag: response.headers.get("etag")! });
    }
    await storage.completeMultipart(key, uploadId, etags);

    // S3 answers NoSuchUpload; s3rver keeps the part aside. Either way the joined object is not touched.
    await fetch(urls[1]!, { method: "PUT", body: new Uint8Array(htmlOfSize(1234)) });
    expect(md5(await read(key))).toBe(md5(Buffer.concat(parts)));
  });
});
