import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { callStorageRoute } from "../../../tests/helpers/storage-routes";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { TEST_APP_URL, withTestStorage } from "../../../tests/helpers/test-storage";
import { insertOpenUpload } from "../../../tests/helpers/upload-fixtures";
import { MIN_PART_BYTES } from "./driver";
import { storageKeys } from "./keys";

withTestDatabase();
const storage = withTestStorage();
const lessonId = "2f1c5a8e-4b7d-4c1e-9a3b-0d6e7f8a9b0c";
const md5 = (data: Buffer) => createHash("md5").update(data).digest("hex");

/** The staging key of an open upload: the only kind of key the object route takes a PUT for. */
const openStaging = async (fileName: string) => (await insertOpenUpload({ fileName })).stagingKey!;
/** A multipart upload of `key` with its open upload session, whose part URLs the multipart route takes. */
async function openMultipart(key: string) {
  const uploadId = await storage.driver.createMultipart(key, { contentType: "video/mp4" });
  await insertOpenUpload({ objectKey: key, multipartUploadId: uploadId });
  return uploadId;
}

/** Every file under the storage root, so that a refused upload can be shown to leave nothing, not even a temp file. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

async function upload(key: string, data: Buffer<ArrayBuffer>, contentType = "application/pdf") {
  const signed = await storage.driver.signPut(key, { contentType, size: data.length, expiresInSeconds: 60 });
  return callStorageRoute(signed.url, { method: "PUT", headers: signed.headers, body: data });
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).toBeTruthy();
}

/** Real time passes: a URL signed for one second is waited out (at most about a second). */
async function waitUntilExpired(url: string) {
  const expires = Number(new URL(url).searchParams.get("expires")) * 1000;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, expires - Date.now()) + 10));
}

describe("local storage: signed PUT", () => {
  it("stores exactly the bytes sent, answers their md5 as ETag, at an absolute app URL", async () => {
    const key = await openStaging("notes.pdf");
    const data = randomBytes(300_000);
    const signed = await storage.driver.signPut(key, { contentType: "application/pdf", size: data.length, expiresInSeconds: 60 });
    expect(signed.method).toBe("PUT");
    expect(signed.headers).toEqual({ "Content-Type": "application/pdf" });
    expect(signed.url.startsWith(`${TEST_APP_URL}/api/storage/objects/${key}?`)).toBe(true);

    const response = await callStorageRoute(signed.url, { method: "PUT", headers: signed.headers, body: data });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe(`"${md5(data)}"`);
    expect(await storage.driver.head(key)).toEqual({ size: data.length });
    expect(md5(fs.readFileSync(path.join(storage.root, key)))).toBe(md5(data));
  });

  it("refuses a tampered signature, size or key with 403 in the app's error shape, and stores nothing", async () => {
    const key = await openStaging("a.pdf");
    const data = randomBytes(1000);
    const signed = await storage.driver.signPut(key, { contentType: "application/pdf", size: data.length, expiresInSeconds: 60 });
    const url = new URL(signed.url);
    const signature = url.searchParams.get("signature") ?? "";

    const tampered = new URL(url);
    tampered.searchParams.set("signature", (signature[0] === "A" ? "B" : "A") + signature.slice(1));
    await expectError(
      await callStorageRoute(tampered.toString(), { method: "PUT", headers: signed.headers, body: data }),
      403,
      "FORBIDDEN",
    );

    const bigger = new URL(url);
    bigger.searchParams.set("size", String(10 * data.length));
    const response = await callStorageRoute(bigger.toString(), {
      method: "PUT",
      headers: signed.headers,
      body: Buffer.alloc(10 * data.length),
    });
    await expectError(response, 403, "FORBIDDEN");

    const otherKey = await openStaging("a.pdf");
    const moved = signed.url.replace(key, otherKey);
    await expectError(await callStorageRoute(moved, { method: "PUT", headers: signed.headers, body: data }), 403, "FORBIDDEN");

    expect(await storage.driver.head(key)).toBeNull();
    expect(await storage.driver.head(otherKey)).toBeNull();
  });

  it("refuses an expired URL with 403", async () => {
    const key = await openStaging("late.pdf");
    const data = randomBytes(100);
    const signed = await storage.driver.signPut(key, { contentType: "application/pdf", size: data.length, expiresInSeconds: 1 });
    await waitUntilExpired(signed.url);
    const response = await callStorageRoute(signed.url, { method: "PUT", headers: signed.headers, body: data });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
    expect(await storage.driver.head(key)).toBeNull();
  });

  it("refuses a URL used with another method or Content-Type than it was signed for", async () => {
    const key = await openStaging("b.pdf");
    const data = randomBytes(100);
    const signedPut = await storage.driver.signPut(key, { contentType: "application/pdf", size: data.length, expiresInSeconds: 60 });
    await expectError(await callStorageRoute(signedPut.url, { method: "GET" }), 403, "FORBIDDEN");
    const asHtml = { "Content-Type": "text/html" };
    await expectError(await callStorageRoute(signedPut.url, { method: "PUT", headers: asHtml, body: data }), 403, "FORBIDDEN");

    expect((await upload(key, data)).status).toBe(200);
    const signedGet = await storage.driver.signGet(key, { expiresInSeconds: 60 });
    const overwrite = await callStorageRoute(signedGet, { method: "PUT", headers: signedPut.headers, body: randomBytes(100) });
    await expectError(overwrite, 403, "FORBIDDEN");
    expect(md5(fs.readFileSync(path.join(storage.root, key)))).toBe(md5(data));
  });

  it("refuses a body of another size than signed, and keeps nothing of it", async () => {
    const key = await openStaging("size.pdf");
    const signed = await storage.driver.signPut(key, { contentType: "application/pdf", size: 1000, expiresInSeconds: 60 });
    const before = filesUnder(storage.root);

    // Declared up front: refused before a byte is read.
    const declared = await callStorageRoute(signed.url, {
      method: "PUT",
      headers: { ...signed.headers, "Content-Length": "2000" },
      body: randomBytes(2000),
    });
    await expectError(declared, 400, "BAD_REQUEST");

    // Streamed without a length: cut off as soon as it passes the signed size.
    const chunks = [randomBytes(600), randomBytes(600)];
    const longer = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const streamed = await callStorageRoute(signed.url, { method: "PUT", headers: signed.headers, body: longer, duplex: "half" });
    await expectError(streamed, 413, "PAYLOAD_TOO_LARGE");

    const shorter = await callStorageRoute(signed.url, { method: "PUT", headers: signed.headers, body: randomBytes(999) });
    await expectError(shorter, 400, "BAD_REQUEST");

    expect(await storage.driver.head(key)).toBeNull();
    expect(filesUnder(storage.root)).toEqual(before);
  });

  it("refuses a chunked body longer than signed with 413 as Next.js hands it over (a Node stream under undici's Request)", async () => {
    const key = await openStaging("chunked.pdf");
    const signed = await storage.driver.signPut(key, { contentType: "application/pdf", size: 1000, expiresInSeconds: 60 });
    const before = filesUnder(storage.root);
    // next start gives route handlers a Request whose body is the incoming message itself, read by undici, chunked
    // here as a client without Content-Length sends it: 600 bytes every few milliseconds, 6000 in all.
    let sent = 0;
    const incoming = new Readable({
      read() {
        setTimeout(() => this.push(sent < 6000 ? ((sent += 600), randomBytes(600)) : null), 2);
      },
    });
    const response = await callStorageRoute(signed.url, {
      method: "PUT",
      headers: signed.headers,
      body: incoming as unknown as BodyInit,
      duplex: "half",
    });
    await expectError(response, 413, "PAYLOAD_TOO_LARGE");
    // Reading stopped soon after the signed size.
    expect(sent).toBeLessThan(6000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await storage.driver.head(key)).toBeNull();
    expect(filesUnder(storage.root)).toEqual(before);
    expect(fs.existsSync(path.join(storage.root, path.dirname(key)))).toBe(false);
  });

  it("answers 404 for a key of another shape and 400 for a malformed query", async () => {
    const key = await openStaging("q.pdf");
    const signed = await storage.driver.signPut(key, { contentType: "application/pdf", size: 10, expiresInSeconds: 60 });
    const traversal = signed.url.replace(`${path.dirname(key)}/`, "uploads/..%2F..%2Fetc/");
    await expectError(
      await callStorageRoute(traversal, { method: "PUT", headers: signed.headers, body: randomBytes(10) }),
      404,
      "NOT_FOUND",
    );
    const malformed = new URL(signed.url);
    malformed.searchParams.set("expires", "tomorrow");
    const response = await callStorageRoute(malformed.toString(), { method: "PUT", headers: signed.headers, body: randomBytes(10) });
    await expectError(response, 400, "VALIDATION_FAILED");
    await expect(storage.driver.signPut("../outside", { contentType: "text/plain", size: 1, expiresInSeconds: 60 })).rejects.toThrow();
  });
});

describe("local storage: signed GET", () => {
  const key = storageKeys.lessonVideo(lessonId, "clip.mp4");
  const data = randomBytes(100_000);

  it("serves the whole file, a range as 206 with Content-Range, and HEAD without a body", async () => {
    await storage.driver.put(key, data, { contentType: "video/mp4", size: data.length });
    const url = await storage.driver.signGet(key, { expiresInSeconds: 60, contentType: "video/mp4" });

    const whole = await callStorageRoute(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("content-type")).toBe("video/mp4");
    expect(whole.headers.get("content-length")).toBe(String(data.length));
    expect(Buffer.from(await whole.arrayBuffer()).equals(data)).toBe(true);

    const part = await callStorageRoute(url, { headers: { Range: "bytes=1000-1999" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${data.length}`);
    expect(part.headers.get("content-length")).toBe("1000");
    expect(Buffer.from(await part.arrayBuffer()).equals(data.subarray(1000, 2000))).toBe(true);

    const open = await callStorageRoute(url, { headers: { Range: "bytes=99990-" } });
    expect(open.status).toBe(206);
    expect(Buffer.from(await open.arrayBuffer()).equals(data.subarray(99_990))).toBe(true);

    const suffix = await callStorageRoute(url, { headers: { Range: "bytes=-500" } });
    expect(suffix.headers.get("content-range")).toBe(`bytes 99500-99999/${data.length}`);
    expect(Buffer.from(await suffix.arrayBuffer()).equals(data.subarray(99_500))).toBe(true);

    const beyond = await callStorageRoute(url, { headers: { Range: "bytes=200000-" } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${data.length}`);

    const head = await callStorageRoute(url, { method: "HEAD", headers: { Range: "bytes=0-9" } });
    expect(head.status).toBe(206);
    expect(head.headers.get("content-length")).toBe("10");
    expect(head.body).toBeNull();
  });

  it("binds disposition and file name, and refuses them changed", async () => {
    const url = await storage.driver.signGet(key, { expiresInSeconds: 60, disposition: "attachment", fileName: "Lesson 1.mp4" });
    const response = await callStorageRoute(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="Lesson 1.mp4"; filename*=UTF-8''Lesson%201.mp4`);
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    await response.arrayBuffer();

    const inline = new URL(url);
    inline.searchParams.set("disposition", "inline");
    await expectError(await callStorageRoute(inline.toString()), 403, "FORBIDDEN");
    const renamed = new URL(url);
    renamed.searchParams.set("filename", "page.html");
    await expectError(await callStorageRoute(renamed.toString()), 403, "FORBIDDEN");
  });

  it("refuses an expired or tampered GET with 403 and answers 404 for a missing object", async () => {
    const url = await storage.driver.signGet(key, { expiresInSeconds: 1 });
    const tampered = url.replace(/signature=./, (s) => (s.endsWith("A") ? "signature=B" : "signature=A"));
    await expectError(await callStorageRoute(tampered), 403, "FORBIDDEN");
    await waitUntilExpired(url);
    const expired = await callStorageRoute(url);
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
    const missing = await storage.driver.signGet(storageKeys.lessonVideo(lessonId, "gone.mp4"), { expiresInSeconds: 60 });
    await expectError(await callStorageRoute(missing), 404, "NOT_FOUND");
  });
});

describe("local storage: multipart", () => {
  const parts = [randomBytes(MIN_PART_BYTES), randomBytes(MIN_PART_BYTES + 17), randomBytes(4096)];

  async function putPart(key: string, uploadId: string, partNumber: number, data: Buffer<ArrayBuffer>) {
    const url = await storage.driver.signPart(key, uploadId, partNumber, { size: data.length, expiresInSeconds: 60 });
    return callStorageRoute(url, { method: "PUT", body: data });
  }

  it("uploads three parts through signed part URLs, lists them for a resume, and joins them in order", async () => {
    const key = storageKeys.lessonVideo(lessonId, "long.mp4");
    const uploadId = await openMultipart(key);
    const etags: string[] = [];
    // Out of order, as parallel uploads finish.
    for (const i of [2, 0, 1]) {
      const response = await putPart(key, uploadId, i + 1, parts[i]!);
      expect(response.status).toBe(200);
      expect(response.headers.get("etag")).toBe(`"${md5(parts[i]!)}"`);
      etags[i] = response.headers.get("etag") ?? "";
    }
    expect(await storage.driver.listParts(key, uploadId)).toEqual(
      parts.map((p, i) => ({ partNumber: i + 1, etag: etags[i], size: p.length })),
    );
    expect(await storage.driver.head(key)).toBeNull();

    await storage.driver.completeMultipart(
      key,
      uploadId,
      [3, 1, 2].map((n) => ({ partNumber: n, etag: etags[n - 1]! })),
    );
    const whole = Buffer.concat(parts);
    expect(await storage.driver.head(key)).toEqual({ size: whole.length });
    expect(md5(fs.readFileSync(path.join(storage.root, key)))).toBe(md5(whole));
    expect(fs.existsSync(path.join(storage.root, ".multipart", uploadId))).toBe(false);
    await expect(storage.driver.listParts(key, uploadId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a part URL moved to another part number or upload, a wrong part size, and a bad completion", async () => {
    const key = storageKeys.lessonVideo(lessonId, "refused.mp4");
    const uploadId = await openMultipart(key);
    const url = new URL(await storage.driver.signPart(key, uploadId, 1, { size: 4096, expiresInSeconds: 60 }));
    const moved = new URL(url);
    moved.searchParams.set("partNumber", "2");
    await expectError(await callStorageRoute(moved.toString(), { method: "PUT", body: parts[2] }), 403, "FORBIDDEN");
    const otherUpload = await storage.driver.createMultipart(key, { contentType: "video/mp4" });
    const elsewhere = new URL(url);
    elsewhere.searchParams.set("uploadId", otherUpload);
    await expectError(await callStorageRoute(elsewhere.toString(), { method: "PUT", body: parts[2] }), 403, "FORBIDDEN");
    await expectError(await callStorageRoute(url.toString(), { method: "PUT", body: randomBytes(4097) }), 413, "PAYLOAD_TOO_LARGE");
    expect(await storage.driver.listParts(key, uploadId)).toEqual([]);

    // A small part that is not the last, and an ETag that does not match what was stored.
    const small = await putPart(key, uploadId, 1, parts[2]!);
    const last = await putPart(key, uploadId, 2, parts[2]!);
    const etag = (r: Response) => r.headers.get("etag") ?? "";
    await expect(
      storage.driver.completeMultipart(key, uploadId, [
        { partNumber: 1, etag: etag(small) },
        { partNumber: 2, etag: etag(last) },
      ]),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(storage.driver.completeMultipart(key, uploadId, [{ partNumber: 1, etag: `"${"0".repeat(32)}"` }])).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await storage.driver.head(key)).toBeNull();
    await storage.driver.abortMultipart(key, otherUpload);
  });

  it("replaces a part sent again, and aborts an upload leaving nothing behind", async () => {
    const key = storageKeys.lessonVideo(lessonId, "aborted.mp4");
    const uploadId = await openMultipart(key);
    await putPart(key, uploadId, 1, randomBytes(2048));
    const again = await putPart(key, uploadId, 1, parts[2]!);
    expect(await storage.driver.listParts(key, uploadId)).toEqual([{ partNumber: 1, etag: again.headers.get("etag"), size: 4096 }]);

    await storage.driver.abortMultipart(key, uploadId);
    expect(fs.existsSync(path.join(storage.root, ".multipart", uploadId))).toBe(false);
    await expect(storage.driver.listParts(key, uploadId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expectError(await putPart(key, uploadId, 2, parts[2]!), 404, "NOT_FOUND");
    await storage.driver.abortMultipart(key, uploadId);
    expect(await storage.driver.head(key)).toBeNull();
  });

  it("refuses a part still streaming when its upload is aborted, and does not bring the upload's folder back", async () => {
    const key = storageKeys.lessonVideo(lessonId, "raced.mp4");
    const uploadId = await openMultipart(key);
    const url = await storage.driver.signPart(key, uploadId, 1, { size: 4096, expiresInSeconds: 60 });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === 2048) await held;
        if (sent === 4096) return controller.close();
        sent += 2048;
        controller.enqueue(randomBytes(2048));
      },
    });
    const response = callStorageRoute(url, { method: "PUT", body, duplex: "half" });
    while (sent < 2048) await new Promise((resolve) => setTimeout(resolve, 5));
    await storage.driver.abortMultipart(key, uploadId);
    release();
    await expectError(await response, 404, "NOT_FOUND");
    expect(fs.existsSync(path.join(storage.root, ".multipart", uploadId))).toBe(false);
  });
});

describe("local storage: copy and list", () => {
  it("copies an object whole to another key, replacing what was there, through a temporary file", async () => {
    const from = await openStaging("draft.pdf");
    const to = storageKeys.lessonMaterial(lessonId, "c1", "final.pdf");
    const data = randomBytes(70_000);
    await storage.driver.put(from, data, { contentType: "application/pdf", size: data.length });
    await storage.driver.put(to, randomBytes(10), { contentType: "application/pdf", size: 10 });
    await storage.driver.copy(from, to);
    expect(md5(fs.readFileSync(path.join(storage.root, to)))).toBe(md5(data));
    expect(await storage.driver.head(from)).toEqual({ size: data.length });

    // Nothing to copy: refused, and the target and its folder are as they were (no temporary file left).
    const missing = await openStaging("missing.pdf");
    await expect(storage.driver.copy(missing, to)).rejects.toThrow();
    expect(md5(fs.readFileSync(path.join(storage.root, to)))).toBe(md5(data));
    expect(fs.readdirSync(path.dirname(path.join(storage.root, to)))).toEqual([path.basename(to)]);
  });

  it("lists the keys under a prefix, without files being written, and deleting a staging object removes its folder", async () => {
    const other = "7a1c5a8e-4b7d-4c1e-9a3b-0d6e7f8a9b0c";
    fs.rmSync(path.join(storage.root, storageKeys.stagingPrefix()), { recursive: true, force: true });
    const staged = [await openStaging("one.pdf"), await openStaging("two.pdf")];
    for (const key of [...staged, storageKeys.lessonVideo(other, "v.mp4")]) {
      await storage.driver.put(key, randomBytes(10), { contentType: "application/pdf", size: 10 });
    }
    // A PUT in progress is a temporary file beside its key.
    fs.writeFileSync(path.join(storage.root, `${staged[0]}.0a1b2c3d.part`), "half");
    const listed = [];
    for await (const key of storage.driver.listKeys(storageKeys.stagingPrefix())) listed.push(key);
    expect(listed.sort()).toEqual([...staged].sort());

    fs.rmSync(path.join(storage.root, `${staged[0]}.0a1b2c3d.part`));
    await storage.driver.delete(staged[0]!);
    expect(fs.existsSync(path.join(storage.root, path.dirname(staged[0]!)))).toBe(false);
    expect(await storage.driver.head(staged[1]!)).toEqual({ size: 10 });
  });
});

describe("local storage: delete", () => {
  it("deletes one object and everything under a prefix", async () => {
    const other = "9a1c5a8e-4b7d-4c1e-9a3b-0d6e7f8a9b0c";
    const keys = [
      storageKeys.lessonMaterial(other, "a", "a.pdf"),
      storageKeys.lessonMaterial(other, "b", "b.pdf"),
      storageKeys.lessonVideo(other, "v.mp4"),
    ];
    for (const key of keys) await storage.driver.put(key, randomBytes(10), { contentType: "application/pdf", size: 10 });
    await storage.driver.delete(keys[0]!);
    expect(await storage.driver.head(keys[0]!)).toBeNull();
    expect(await storage.driver.deletePrefix(storageKeys.lessonPrefix(other))).toBe(2);
    for (const key of keys) expect(await storage.driver.head(key)).toBeNull();
  });
});
