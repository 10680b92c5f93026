import { randomUUID } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import { db } from "@/lib/db/client";
import { courses, lessons, modules, uploadSessions } from "@/lib/db/schema";
import { storageKeys } from "@/lib/storage/keys";
import { insertUser } from "./user-fixtures";

/** Small files whose first bytes are what they claim (or deliberately are not), for the upload tests. */

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip of the given entries, deflated, local headers only: enough for a sniffer that reads the first entries. */
export function zipOf(entries: [name: string, content: string][]): Buffer {
  return Buffer.concat(
    entries.flatMap(([name, content]) => {
      const raw = Buffer.from(content);
      const data = deflateRawSync(raw);
      const nameBytes = Buffer.from(name);
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(8, 8);
      header.writeUInt32LE(crc32(raw), 14);
      header.writeUInt32LE(data.length, 18);
      header.writeUInt32LE(raw.length, 22);
      header.writeUInt16LE(nameBytes.length, 26);
      return [header, nameBytes, data];
    }),
  );
}

const padded = (head: Buffer, size = 2048) => Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)]);

export const files = {
  mp4: padded(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypisom"), Buffer.from([0, 0, 2, 0]), Buffer.from("isomiso2")])),
  mov: padded(Buffer.concat([Buffer.from([0, 0, 0, 0x14]), Buffer.from("ftypqt  "), Buffer.from([0, 0, 2, 0]), Buffer.from("qt  ")])),
  pdf: padded(Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")),
  png: Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"),
  jpeg: padded(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]), 256),
  docx: zipOf([
    [
      "[Content_Types].xml",
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    ["word/document.xml", "<w:document/>"],
  ]),
  zip: zipOf([["notes/readme.txt", "hello"]]),
  csv: Buffer.from("name,score\nAda,10\nAlan,9\n"),
  markdown: Buffer.from("# Week 1\n\nRead *chapter 2* — ünïcödé is fine.\n"),
  elf: padded(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])),
  pe: (() => {
    const pe = Buffer.alloc(1024);
    pe.write("MZ", 0, "latin1");
    pe.writeUInt32LE(0x80, 0x3c);
    pe.write("PE\0\0", 0x80, "latin1");
    return pe;
  })(),
  html: Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>'),
  binaryText: Buffer.from([0x68, 0x69, 0x00, 0x01, 0xff, 0xfe]),
};

/** A course of `instructorId` with one module and one lesson. */
export async function insertCourseTree(instructorId: string, { published = false } = {}) {
  const [course] = await db
    .insert(courses)
    .values({ instructorId, title: "Uploads 101", isPublished: published })
    .returning({ id: courses.id });
  const [module] = await db.insert(modules).values({ courseId: course!.id, title: "Week 1" }).returning({ id: modules.id });
  const [lesson] = await db.insert(lessons).values({ moduleId: module!.id, title: "Intro" }).returning({ id: lessons.id });
  return { courseId: course!.id, moduleId: module!.id, lessonId: lesson!.id };
}

/**
 * A pending upload straight in the database, for storage tests that sign their own URLs: the local storage routes take
 * an object PUT only to an open upload's staging key, and a part PUT only for an open upload's multipart upload id.
 * Without `objectKey` it is a single-PUT upload of `fileName` with its staging key; `multipartUploadId` makes it a
 * multipart upload of `objectKey`.
 */
export async function insertOpenUpload(
  fields: { fileName?: string; objectKey?: string; multipartUploadId?: string; expiresAt?: Date } = {},
): Promise<{ uploadId: string; stagingKey: string | null; objectKey: string }> {
  const instructor = await insertUser({ role: "INSTRUCTOR" });
  const [course] = await db.insert(courses).values({ instructorId: instructor.id, title: "Storage" }).returning({ id: courses.id });
  const id = randomUUID();
  const fileName = fields.fileName ?? "file.bin";
  const objectKey = fields.objectKey ?? storageKeys.courseMaterial(course!.id, randomUUID(), fileName);
  const stagingKey = fields.multipartUploadId ? null : storageKeys.uploadStaging(id, fileName);
  await db.insert(uploadSessions).values({
    id,
    userId: instructor.id,
    kind: "material",
    courseId: course!.id,
    objectKey,
    stagingKey,
    fileName,
    contentType: "application/octet-stream",
    declaredSize: 1,
    multipartUploadId: fields.multipartUploadId ?? null,
    expiresAt: fields.expiresAt ?? new Date(Date.now() + 3600_000),
  });
  return { uploadId: id, stagingKey, objectKey };
}

type Plan = {
  single?: { url: string; headers: Record<string, string> };
  multipart?: { partSize: number; parts: { partNumber: number; url: string }[] };
};

/**
 * Sends `bytes` as the browser would, through the signed URLs of a started upload: with the local driver's route
 * handlers called in-process (`send` defaults to them), or with fetch for S3. Returns the parts' ETags.
 */
export async function sendBytes(
  plan: Plan,
  bytes: Buffer,
  send: (url: string, init: RequestInit & { duplex?: "half" }) => Promise<Response>,
): Promise<{ partNumber: number; etag: string }[]> {
  if (plan.single) {
    const response = await send(plan.single.url, { method: "PUT", headers: plan.single.headers, body: new Uint8Array(bytes) });
    if (!response.ok) throw new Error(`PUT answered ${response.status}: ${await response.text()}`);
    return [];
  }
  const { partSize, parts } = plan.multipart!;
  const etags = [];
  for (const { partNumber, url } of parts) {
    const body = bytes.subarray((partNumber - 1) * partSize, partNumber * partSize);
    const response = await send(url, { method: "PUT", body: new Uint8Array(body) });
    if (!response.ok) throw new Error(`part ${partNumber} answered ${response.status}: ${await response.text()}`);
    etags.push({ partNumber, etag: response.headers.get("etag")! });
  }
  return etags;
}
