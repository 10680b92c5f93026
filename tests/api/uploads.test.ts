import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { baseUrl, testDataDir } from "../helpers/base-url";
import { files, sendBytes } from "../helpers/upload-fixtures";

/** Uploads over HTTP against the built app with its demo data: refusals and who may upload. */

const PASSWORD = "budhhub-demo";
let ipCounter = 0;

type Client = { call: (path: string, init?: RequestInit) => Promise<Response> };

/** A client with its own address (sign-in limits count per IP) and, when an e-mail is given, a session cookie. */
async function client(email?: string): Promise<Client> {
  ipCounter += 1;
  const ip = `10.77.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
  let cookie = "";
  if (email) {
    const response = await fetch(`${baseUrl()}/api/auth/signin`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  }
  return {
    call: (path, init = {}) =>
      fetch(`${baseUrl()}${path}`, {
        redirect: "manual",
        ...init,
        headers: { "content-type": "application/json", "x-forwarded-for": ip, ...(cookie ? { cookie } : {}), ...init.headers },
      }),
  };
}

const post = (c: Client, path: string, body: unknown) => c.call(path, { method: "POST", body: JSON.stringify(body) });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

/** The ids and titles of the courses on an instructor's dashboard. */
async function coursesOf(c: Client): Promise<{ id: string; title: string; draft: boolean }[]> {
  const html = await (await c.call("/instructor")).text();
  const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);
  return rows.flatMap((row) => {
    // The table links each course to its editor.
    const link = /href="\/instructor\/courses\/([0-9a-f-]{36})"[^>]*>([^<]+)</.exec(row);
    return link ? [{ id: link[1]!, title: link[2]!, draft: row.includes("Draft") }] : [];
  });
}

const sendOverHttp = (url: string, init: RequestInit) => fetch(url, init);

/** What the app under test holds at a storage key (its local driver's folder), or null. */
const storedAt = (key: string) => {
  const file = path.join(testDataDir(), "storage", key);
  return fs.existsSync(file) ? fs.readFileSync(file) : null;
};
/** The key a local signed URL writes: its path after /api/storage/objects/. */
const keyOfUrl = (url: string) => decodeURIComponent(new URL(url).pathname.replace(/^\/api\/storage\/objects\//, ""));

let ada: Client;
let alan: Client;
let learner: Client;
let anonymous: Client;
let adaPublished: string;
let adaDraft: string;

beforeAll(async () => {
  [ada, alan, learner, anonymous] = await Promise.all([
    client("ada@budhhub.test"),
    client("alan@budhhub.test"),
    client("learner1@budhhub.test"),
    client(),
  ]);
  const courses = await coursesOf(ada);
  adaPublished = courses.find((c) => !c.draft)!.id;
  adaDraft = courses.find((c) => c.draft)!.id;
  expect(adaPublished).toBeTruthy();
  expect(adaDraft).toBeTruthy();
});

/** Starts as ada, sends the bytes to the signed URL, and completes; returns the completion's response. */
async function uploadAsAda(kind: "material" | "thumbnail", bytes: Buffer, contentType: string, fileName: string) {
  const start = await post(ada, `/api/upload/${kind}`, { courseId: adaDraft, fileName, contentType, size: bytes.length });
  expect(start.status).toBe(201);
  const started = (await start.json()) as { uploadId: string; key: string; single: { url: string; headers: Record<string, string> } };
  await sendBytes(started, bytes, sendOverHttp);
  const complete = await post(ada, `/api/upload/${kind}/complete`, { uploadId: started.uploadId });
  return { started, complete };
}

describe("uploads over HTTP", () => {
  it("uploads a course material and a thumbnail end to end", async () => {
    const { started, complete } = await uploadAsAda("material", files.pdf, "application/pdf", "../../etc/passwd.pdf");
    expect(started.key).toMatch(new RegExp(`^courses/${adaDraft}/materials/[0-9a-f-]{36}-passwd\\.pdf$`));
    expect(complete.status).toBe(200);
    expect(await complete.json()).toMatchObject({
      material: { courseId: adaDraft, lessonId: null, fileName: "passwd.pdf", fileType: "application/pdf", materialType: "pdf" },
    });
    const thumbnail = await uploadAsAda("thumbnail", files.png, "image/png", "cover.png");
    expect(await thumbnail.complete.json()).toMatchObject({ thumbnail: { courseId: adaDraft, thumbnailKey: thumbnail.started.key } });
  });

  it("refuses an HTML page named .pdf and an SVG thumbnail at completion with 415, and forgets the upload", async () => {
    for (const [kind, bytes, type, name] of [
      ["material", files.html, "application/pdf", "invoice.pdf"],
      ["material", files.elf, "application/pdf", "setup.pdf"],
      ["thumbnail", files.svg, "image/png", "logo.png"],
    ] as const) {
      const { started, complete } = await uploadAsAda(kind, bytes, type, name);
      expect(complete.status).toBe(415);
      expect((await errorOf(complete)).message).toMatch(/not accepted for a (material|thumbnail)/);
      // The session is aborted: it cannot be completed again, and resuming says so.
      expect((await post(ada, `/api/upload/${kind}/complete`, { uploadId: started.uploadId })).status).toBe(404);
      expect(await (await ada.call(`/api/upload/${started.uploadId}`)).json()).toMatchObject({ status: "aborted" });
    }
  });

  it("refuses a declaration above the limit with 413 naming it, a type outside the whitelist with 415, bad input with 400", async () => {
    const big = await post(ada, "/api/upload/thumbnail", {
      courseId: adaDraft,
      fileName: "a.png",
      contentType: "image/png",
      size: 50 * 1024 ** 2,
    });
    expect(big.status).toBe(413);
    expect((await errorOf(big)).message).toBe("Thumbnails can be at most 5 MiB; this file is 50 MiB.");
    const svg = await post(ada, "/api/upload/thumbnail", {
      courseId: adaDraft,
      fileName: "a.svg",
      contentType: "image/svg+xml",
      size: 100,
    });
    expect(svg.status).toBe(415);
    const exe = await post(ada, "/api/upload/material", {
      courseId: adaDraft,
      fileName: "a.exe",
      contentType: "application/x-msdownload",
      size: 100,
    });
    expect(exe.status).toBe(415);
    const bad = await post(ada, "/api/upload/material", {
      courseId: adaDraft,
      lessonId: randomUUID(),
      fileName: "",
      contentType: "application/pdf",
      size: -1,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(expect.arrayContaining(["fileName", "size", "moduleId"]));
  });

  it("refuses a stored file of another size than declared", async () => {
    const start = await post(ada, "/api/upload/material", { courseId: adaDraft, fileName: "a.csv", contentType: "text/csv", size: 1000 });
    const started = (await start.json()) as { uploadId: string; single: { url: string; headers: Record<string, string> } };
    // The signed URL itself refuses other sizes.
    const put = await fetch(started.single.url, { method: "PUT", headers: started.single.headers, body: files.csv });
    expect(put.status).toBe(400);
    const complete = await post(ada, "/api/upload/material/complete", { uploadId: started.uploadId });
    expect(complete.status).toBe(400);
    expect((await errorOf(complete)).message).toMatch(/has not arrived/);
  });

  it("answers anonymous 401, a learner 403, another instructor 404 for a draft and 403 for a published course", async () => {
    const thumbnail = (courseId: string) => ({ courseId, fileName: "a.png", contentType: "image/png", size: 100 });
    const video = (courseId: string) => ({
      ...thumbnail(courseId),
      moduleId: randomUUID(),
      lessonId: randomUUID(),
      contentType: "video/mp4",
    });
    for (const [kind, body] of [
      ["thumbnail", thumbnail],
      ["material", thumbnail],
      ["video", video],
    ] as const) {
      const material = kind === "material" ? { contentType: "application/pdf" } : {};
      expect((await post(anonymous, `/api/upload/${kind}`, { ...body(adaDraft), ...material })).status).toBe(401);
      expect((await post(learner, `/api/upload/${kind}`, { ...body(adaPublished), ...material })).status).toBe(403);
      expect((await post(alan, `/api/upload/${kind}`, { ...body(adaDraft), ...material })).status).toBe(404);
      expect((await post(alan, `/api/upload/${kind}`, { ...body(adaPublished), ...material })).status).toBe(403);
    }
    // Ada's own course, but a lesson that is not in it.
    expect((await post(ada, "/api/upload/video", video(adaDraft))).status).toBe(404);
  });

  it("keeps an upload to its uploader: another instructor cannot see, complete or cancel it", async () => {
    const start = await post(ada, "/api/upload/thumbnail", {
      courseId: adaDraft,
      fileName: "a.png",
      contentType: "image/png",
      size: files.png.length,
    });
    const { uploadId } = (await start.json()) as { uploadId: string };
    expect((await alan.call(`/api/upload/${uploadId}`)).status).toBe(404);
    expect((await post(alan, "/api/upload/thumbnail/complete", { uploadId })).status).toBe(404);
    expect((await alan.call(`/api/upload/${uploadId}`, { method: "DELETE" })).status).toBe(404);
    expect((await anonymous.call(`/api/upload/${uploadId}`)).status).toBe(401);
    const resumed = await ada.call(`/api/upload/${uploadId}`);
    expect(await resumed.json()).toMatchObject({ uploadId, status: "pending", single: { url: expect.any(String) } });
    expect(await (await ada.call(`/api/upload/${uploadId}`, { method: "DELETE" })).json()).toEqual({ uploadId, status: "aborted" });
  });

  it("refuses the old signed URL once its upload was attached or cancelled (403), and the attached file keeps its bytes", async () => {
    const { started, complete } = await uploadAsAda("material", files.pdf, "application/pdf", "syllabus.pdf");
    expect(complete.status).toBe(200);
    expect(keyOfUrl(started.single.url)).toBe(`uploads/${started.uploadId}/syllabus.pdf`);
    const html = Buffer.concat([files.html, Buffer.alloc(files.pdf.length - files.html.length, 0x20)]);
    const late = await fetch(started.single.url, { method: "PUT", headers: started.single.headers, body: new Uint8Array(html) });
    expect(late.status).toBe(403);
    expect(await late.json()).toEqual({ error: { code: "FORBIDDEN", message: "This upload has ended. Start it again." } });
    expect(storedAt(started.key)!.equals(files.pdf)).toBe(true);
    expect(storedAt(keyOfUrl(started.single.url))).toBeNull();

    const start = await post(ada, "/api/upload/thumbnail", {
      courseId: adaDraft,
      fileName: "cover.png",
      contentType: "image/png",
      size: files.png.length,
    });
    const cancelled = (await start.json()) as { uploadId: string; key: string; single: { url: string; headers: Record<string, string> } };
    expect((await ada.call(`/api/upload/${cancelled.uploadId}`, { method: "DELETE" })).status).toBe(200);
    const afterCancel = await fetch(cancelled.single.url, {
      method: "PUT",
      headers: cancelled.single.headers,
      body: new Uint8Array(files.png),
    });
    expect(afterCancel.status).toBe(403);
    expect(storedAt(keyOfUrl(cancelled.single.url))).toBeNull();
    expect(storedAt(cancelled.key)).toBeNull();
  });

  it("answers a chunked PUT longer than signed with 413 in the error shape, and stores nothing", async () => {
    const start = await post(ada, "/api/upload/material", {
      courseId: adaDraft,
      fileName: "long.csv",
      contentType: "text/csv",
      size: 1000,
    });
    const started = (await start.json()) as { uploadId: string; single: { url: string; headers: Record<string, string> } };
    // A stream body: fetch sends it chunked, without Content-Length, so only counting the bytes can refuse it.
    const chunks = [0, 1, 2].map(() => new Uint8Array(600).fill(0x61));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const put = await fetch(started.single.url, { method: "PUT", headers: started.single.headers, body, duplex: "half" } as RequestInit);
    expect(put.status).toBe(413);
    expect(await put.json()).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: "The upload is larger than the 1000 bytes declared." },
    });
    expect(fs.existsSync(path.join(testDataDir(), "storage", "uploads", started.uploadId))).toBe(false);
  });

  it("refuses a cross-site start", async () => {
    const response = await ada.call("/api/upload/thumbnail", {
      method: "POST",
      headers: { origin: "https://evil.example" },
      body: JSON.stringify({ courseId: adaDraft, fileName: "a.png", contentType: "image/png", size: 100 }),
    });
    expect(response.status).toBe(403);
  });
});
