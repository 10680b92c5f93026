import fs from "node:fs";
import path from "node:path";
import type { ApiClient, ApiResponse } from "./api-client";
import { testDataDir } from "./base-url";

/** Course trees and uploads made over HTTP as an instructor, and a look at the test server's storage folder. */

/** The local storage driver's folder of the app under test (src/env.ts: DATA_DIR/storage). */
export const storageRoot = () => path.join(testDataDir(), "storage");

/** Every file stored under a key prefix ("courses/<id>/"), as keys; temporary and half-written files included. */
export function storedFiles(prefix: string): string[] {
  const root = storageRoot();
  const walk = (dir: string): string[] =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
      : [];
  return walk(path.join(root, prefix)).map((file) => path.relative(root, file).split(path.sep).join("/"));
}

export const isStored = (key: string) => fs.existsSync(path.join(storageRoot(), key));

/** The demo data's sample files (a small WebM video and a PDF handout). */
export const demoAsset = (name: "sample-video.webm" | "sample-handout.pdf") =>
  fs.readFileSync(path.join(process.cwd(), "src/lib/demo/assets", name));

export type CourseTree = { courseId: string; moduleId: string; lessonId: string };

function expectStatus(response: ApiResponse, status: number, what: string) {
  if (response.status !== status) throw new Error(`${what} answered ${response.status}: ${response.text}`);
  return response;
}

/** A course with a description, one module and one lesson, published when asked. */
export async function createCourseTree(client: ApiClient, { published = false, title = "Matrix course" } = {}): Promise<CourseTree> {
  const course = expectStatus(
    await client.post("/api/instructor/courses", { title, description: "What it teaches." }),
    201,
    "creating a course",
  );
  const courseId = course.json<{ course: { id: string } }>().course.id;
  const added = expectStatus(await client.post(`/api/instructor/courses/${courseId}/modules`, { title: "Week 1" }), 201, "adding a module");
  const moduleId = added.json<{ module: { id: string } }>().module.id;
  const lesson = expectStatus(
    await client.post(`/api/instructor/courses/${courseId}/modules/${moduleId}/lessons`, { title: "Intro" }),
    201,
    "adding a lesson",
  );
  const lessonId = lesson.json<{ lesson: { id: string } }>().lesson.id;
  if (published) expectStatus(await client.post(`/api/instructor/courses/${courseId}/publish`, { published: true }), 200, "publishing");
  return { courseId, moduleId, lessonId };
}

export type UploadKind = "video" | "material" | "thumbnail" | "submission";
export type StartedUpload = { uploadId: string; key: string; single?: { url: string; headers: Record<string, string> } };

/** Where a single-PUT upload's bytes land before completion: its staging key, the path of its signed URL. */
export function stagingKey(started: StartedUpload): string {
  if (!started.single) throw new Error("a multipart plan writes its final key");
  const { pathname } = new URL(started.single.url);
  return pathname
    .replace(/^\/api\/storage\/objects\//, "")
    .split("/")
    .map(decodeURIComponent)
    .join("/");
}

/** POST /api/upload/{kind}; throws unless it answers 201. */
export async function startUpload(
  client: ApiClient,
  kind: UploadKind,
  target: { courseId: string; moduleId?: string; lessonId?: string },
  file: { fileName: string; contentType: string; size: number },
): Promise<StartedUpload> {
  const response = expectStatus(await client.post(`/api/upload/${kind}`, { ...target, ...file }), 201, `starting a ${kind} upload`);
  return response.json<StartedUpload>();
}

/** PUTs the bytes to the upload's signed URL, as the browser does (straight to storage, no session cookie). */
export async function putBytes(started: StartedUpload, bytes: Buffer): Promise<Response> {
  if (!started.single) throw new Error("a multipart plan: these tests send small files in one PUT");
  return fetch(started.single.url, { method: "PUT", headers: started.single.headers, body: new Uint8Array(bytes) });
}

/** Starts an upload and sends its bytes; the caller completes it (through /api/upload/… or the materials routes). */
export async function sendUpload(
  client: ApiClient,
  kind: UploadKind,
  target: { courseId: string; moduleId?: string; lessonId?: string },
  bytes: Buffer,
  file: { fileName: string; contentType: string },
): Promise<StartedUpload> {
  const started = await startUpload(client, kind, target, { ...file, size: bytes.length });
  const put = await putBytes(started, bytes);
  if (!put.ok) throw new Error(`the signed PUT answered ${put.status}: ${await put.text()}`);
  return started;
}

/** Starts, sends and completes an upload through /api/upload/{kind}/complete; returns the attached file. */
export async function uploadFile<T = Record<string, unknown>>(
  client: ApiClient,
  kind: UploadKind,
  target: { courseId: string; moduleId?: string; lessonId?: string },
  bytes: Buffer,
  file: { fileName: string; contentType: string },
): Promise<T> {
  const started = await sendUpload(client, kind, target, bytes, file);
  const complete = expectStatus(
    await client.post(`/api/upload/${kind}/complete`, { uploadId: started.uploadId }),
    200,
    `completing a ${kind} upload`,
  );
  // A learner's file for an assignment is not attached to anything yet: the answer names it `file`.
  return complete.json<Record<string, T>>()[kind === "submission" ? "file" : kind]!;
}
