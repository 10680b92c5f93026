import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withS3rver } from "../../../tests/helpers/test-storage";
import { MIN_PART_BYTES, type StorageDriver } from "./driver";
import { storageKeys } from "./keys";
import { createS3Storage } from "./s3";

/**
 * The S3 driver against s3rver, with the bytes moved by fetch as a browser would. s3rver accepts any signature and
 * has no ListParts or AbortMultipartUpload, so those, and signature checks, are covered by the local driver's tests.
 */

const s3 = withS3rver();
const courseId = "2f1c5a8e-4b7d-4c1e-9a3b-0d6e7f8a9b0c";
const md5 = (data: Buffer) => createHash("md5").update(data).digest("hex");

let driver: StorageDriver | undefined;
const storage = () =>
  (driver ??= createS3Storage({
    endpoint: s3.endpoint,
    region: "auto",
    bucket: s3.bucket,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
  }));

async function putSigned(key: string, data: Buffer<ArrayBuffer>, contentType: string) {
  const signed = await storage().signPut(key, { contentType, size: data.length, expiresInSeconds: 60 });
  return fetch(signed.url, { method: signed.method, headers: signed.headers, body: data });
}

describe("s3 storage (s3rver)", () => {
  it("answers the health check", async () => {
    await expect(storage().check()).resolves.toBeUndefined();
  });

  it("takes a single PUT through a signed URL that signs Content-Length and Content-Type", async () => {
    const key = storageKeys.courseThumbnail(courseId, "cover.png");
    const data = randomBytes(50_000);
    const signed = await storage().signPut(key, { contentType: "image/png", size: data.length, expiresInSeconds: 60 });
    expect(new URL(signed.url).searchParams.get("X-Amz-SignedHeaders")).toBe("content-length;content-type;host");
    expect(new URL(signed.url).searchParams.get("X-Amz-Expires")).toBe("60");
    const response = await fetch(signed.url, { method: "PUT", headers: signed.headers, body: data });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe(`"${md5(data)}"`);
    expect(await storage().head(key)).toEqual({ size: data.length, contentType: "image/png" });
  });

  it("takes a multipart upload through signed part URLs and joins the parts in order", async () => {
    const key = storageKeys.lessonVideo(courseId, "lecture.mp4");
    const parts = [randomBytes(MIN_PART_BYTES), randomBytes(MIN_PART_BYTES), randomBytes(1234)];
    const uploadId = await storage().createMultipart(key, { contentType: "video/mp4" });
    const completed = await Promise.all(
      parts.map(async (data, i) => {
        const url = await storage().signPart(key, uploadId, i + 1, { size: data.length, expiresInSeconds: 60 });
        expect(new URL(url).searchParams.get("X-Amz-SignedHeaders")).toBe("content-length;host");
        const response = await fetch(url, { method: "PUT", body: data });
        expect(response.status).toBe(200);
        return { partNumber: i + 1, etag: response.headers.get("etag") ?? "" };
      }),
    );
    await storage().completeMultipart(key, uploadId, completed.reverse());

    const whole = Buffer.concat(parts);
    expect(await storage().head(key)).toMatchObject({ size: whole.length, contentType: "video/mp4" });
    const url = await storage().signGet(key, { expiresInSeconds: 60 });
    const response = await fetch(url);
    expect(md5(Buffer.from(await response.arrayBuffer()))).toBe(md5(whole));
  });

  it("serves a signed GET with Range as 206, with the file name and type it was signed for", async () => {
    const key = storageKeys.courseMaterial(courseId, "mat1", "notes.pdf");
    const data = randomBytes(100_000);
    expect((await putSigned(key, data, "application/pdf")).status).toBe(200);
    const url = await storage().signGet(key, {
      expiresInSeconds: 60,
      disposition: "attachment",
      fileName: "Course notes.pdf",
      contentType: "application/pdf",
    });

    const part = await fetch(url, { headers: { Range: "bytes=1000-1999" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${data.length}`);
    expect(part.headers.get("accept-ranges")).toBe("bytes");
    expect(part.headers.get("content-disposition")).toBe(`attachment; filename="Course notes.pdf"; filename*=UTF-8''Course%20notes.pdf`);
    expect(Buffer.from(await part.arrayBuffer()).equals(data.subarray(1000, 2000))).toBe(true);

    const { body, size } = await storage().read(key, { start: 99_000, end: 99_999 });
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    expect(size).toBe(data.length);
    expect(Buffer.concat(chunks).equals(data.subarray(99_000))).toBe(true);
  });

  it("copies an object to another key inside the bucket, with a non-ASCII name, and lists keys under a prefix", async () => {
    const uploadId = "5b2c5a8e-4b7d-4c1e-9a3b-0d6e7f8a9b0c";
    const from = storageKeys.uploadStaging(uploadId, "Grüße aus Köln (2).pdf");
    const to = storageKeys.courseMaterial(courseId, uploadId, "Grüße aus Köln (2).pdf");
    const data = randomBytes(30_000);
    expect((await putSigned(from, data, "application/pdf")).status).toBe(200);
    await storage().put(to, randomBytes(5), { contentType: "application/pdf", size: 5 });

    await storage().copy(from, to);
    expect(await storage().head(to)).toEqual({ size: data.length, contentType: "application/pdf" });
    const { body } = await storage().read(to);
    expect(md5(Buffer.concat((await body.toArray()) as Buffer[]))).toBe(md5(data));
    await expect(storage().copy(storageKeys.uploadStaging(uploadId, "missing.pdf"), to)).rejects.toThrow();

    const listed = [];
    for await (const key of storage().listKeys(storageKeys.stagingPrefix())) listed.push(key);
    expect(listed).toEqual([from]);
  });

  it("deletes one object, and every object under a prefix but no other", async () => {
    const other = "9a1c5a8e-4b7d-4c1e-9a3b-0d6e7f8a9b0c";
    const mine = [
      storageKeys.courseMaterial(other, "a", "a.pdf"),
      storageKeys.courseMaterial(other, "b", "b.pdf"),
      storageKeys.courseThumbnail(other, "t.png"),
    ];
    const kept = storageKeys.courseMaterial(courseId, "kept", "kept.pdf");
    for (const key of [...mine, kept]) expect((await putSigned(key, randomBytes(10), "application/pdf")).status).toBe(200);

    await storage().delete(mine[0]!);
    expect(await storage().head(mine[0]!)).toBeNull();
    expect(await storage().deletePrefix(storageKeys.coursePrefix(other))).toBe(2);
    for (const key of mine) expect(await storage().head(key)).toBeNull();
    expect(await storage().head(kept)).toMatchObject({ size: 10 });
  });
});
