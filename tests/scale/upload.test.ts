import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { newAccount } from "../helpers/api-client";
import { createCourseTree, sendUpload } from "../helpers/authoring";
import { files } from "../helpers/upload-fixtures";
import { sameBrowserOn, scale, storedObject } from "./scale-env";

describe("an upload across instances", () => {
  it("started on A, sent straight to the bucket, completed on B, attached and stored", async () => {
    const owner = await newAccount("INSTRUCTOR", "scale-upload");
    const onA = sameBrowserOn(scale.a, owner.client);
    const onB = sameBrowserOn(scale.b, owner.client);
    const { courseId, moduleId, lessonId } = await createCourseTree(onA, { title: `Scale upload ${Date.now()}` });

    const started = await sendUpload(onA, "video", { courseId, moduleId, lessonId }, files.mp4, {
      fileName: "lecture.mp4",
      contentType: "video/mp4",
    });
    // The signed URL is the bucket's, not an instance's: the bytes never passed through either.
    expect(new URL(started.single!.url).origin).not.toBe(new URL(scale.a).origin);

    const completed = await onB.post("/api/upload/video/complete", { uploadId: started.uploadId });
    expect(completed.status).toBe(200);
    const video = completed.json<{ video: { lessonId: string; videoKey: string } }>().video;
    expect(video.lessonId).toBe(lessonId);
    // Completion copied the checked bytes from the staging key to the final one, in the bucket both instances use.
    expect(fs.readFileSync(storedObject(video.videoKey))).toEqual(files.mp4);
  });
});
