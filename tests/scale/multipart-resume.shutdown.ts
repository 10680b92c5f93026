import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { newAccount } from "../helpers/api-client";
import { createCourseTree } from "../helpers/authoring";
import { files } from "../helpers/upload-fixtures";
import { sameBrowserOn, scale, storedObject, waitUntilGone, withDatabase } from "./scale-env";

const MiB = 1024 ** 2;
/** Above the 64 MiB multipart threshold: five parts of 16 MiB, the last 1 MiB and a few bytes. */
const SIZE = 65 * MiB + 123;

type Part = { partNumber: number; url: string };
type Plan = {
  uploadId: string;
  status?: string;
  multipart: { partSize: number; partCount: number; parts: Part[]; done: { partNumber: number; etag: string; size: number }[] };
};

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** PUTs one part straight to the bucket through its signed URL, as the browser does; returns its ETag. */
async function sendPart(video: Buffer, partSize: number, { partNumber, url }: Part): Promise<string> {
  const bytes = video.subarray((partNumber - 1) * partSize, partNumber * partSize);
  const response = await fetch(url, { method: "PUT", body: new Uint8Array(bytes) });
  expect(response.status, `part ${partNumber}: ${await response.clone().text()}`).toBe(200);
  return response.headers.get("etag")!;
}

describe("a multipart upload across a stopped instance", () => {
  it("started on A, two parts sent, A stopped with SIGTERM: resumed and completed through nginx on B, stored byte for byte", async () => {
    const owner = await newAccount("INSTRUCTOR", "scale-multipart");
    const onA = sameBrowserOn(scale.a, owner.client);
    const throughNginx = sameBrowserOn(scale.balancer, owner.client);
    const { courseId, moduleId, lessonId } = await createCourseTree(onA, { title: `Scale multipart ${Date.now()}` });
    const video = Buffer.concat([files.mp4, randomBytes(SIZE - files.mp4.length)]);

    const start = await onA.post("/api/upload/video", {
      courseId,
      moduleId,
      lessonId,
      fileName: "long lecture.mp4",
      contentType: "video/mp4",
      size: SIZE,
    });
    expect(start.status).toBe(201);
    const plan = start.json<Plan>();
    const { partSize, partCount } = plan.multipart;
    expect(partCount).toBe(5);
    const sentBeforeStop = [];
    for (const part of plan.multipart.parts.slice(0, 2))
      sentBeforeStop.push({ partNumber: part.partNumber, etag: await sendPart(video, partSize, part) });

    process.kill(scale.aPid, "SIGTERM");
    await waitUntilGone(scale.a);

    // The browser's resume after a reload (src/components/upload/upload-engine.ts): GET the upload, send what is missing.
    const resumed = await throughNginx.get(`/api/upload/${plan.uploadId}`);
    expect(resumed.status).toBe(200);
    const state = resumed.json<Plan>();
    expect(state.status).toBe("pending");
    expect(state.multipart.done.map((p) => [p.partNumber, p.etag, p.size])).toEqual(
      sentBeforeStop.map((p) => [p.partNumber, p.etag, partSize]),
    );
    expect(state.multipart.parts.map((p) => p.partNumber)).toEqual([3, 4, 5]);
    const sentAfterStop = [];
    for (const part of state.multipart.parts)
      sentAfterStop.push({ partNumber: part.partNumber, etag: await sendPart(video, partSize, part) });

    const completed = await throughNginx.post("/api/upload/video/complete", {
      uploadId: plan.uploadId,
      parts: [...state.multipart.done.map(({ partNumber, etag }) => ({ partNumber, etag })), ...sentAfterStop],
    });
    expect(completed.status, completed.text.slice(0, 300)).toBe(200);
    const attached = completed.json<{ video: { lessonId: string; videoKey: string; videoSize: number } }>().video;
    expect(attached).toMatchObject({ lessonId, videoSize: SIZE });
    const lesson = await withDatabase(
      async (db) => (await db.query<{ video_key: string }>("select video_key from lessons where id = $1", [lessonId])).rows[0],
    );
    expect(lesson?.video_key).toBe(attached.videoKey);
    const stored = fs.readFileSync(storedObject(attached.videoKey));
    expect({ size: stored.length, sha256: sha256(stored) }).toEqual({ size: SIZE, sha256: sha256(video) });
    console.info(
      `[scale] multipart upload of ${SIZE} bytes in ${partCount} parts: 2 sent while A ran, A stopped, ` +
        `resumed through nginx (${state.multipart.done.length} listed as done, ${state.multipart.parts.length} re-signed), completed, stored byte for byte`,
    );
  });
});
