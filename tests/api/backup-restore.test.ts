import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ApiClient, DEMO_ADMIN, DEMO_PASSWORD } from "../helpers/api-client";
import { startApp, type AppServer } from "../helpers/app-server";
import { earnCertificate } from "../helpers/certificate-fixtures";
import { buildCourse, enrollIn } from "../helpers/learning-fixtures";
import { takeQuiz } from "../helpers/quiz-attempt-api";
import { buildQuizCourse } from "../helpers/quiz-fixtures";

/**
 * `npm run backup` and `npm run restore` end to end: a server on the embedded database with the demo data and activity
 * (a course with uploaded video, handouts and thumbnail, an enrollment half done, a graded quiz, a certificate and its
 * PDF), backed up into one file and restored into an empty folder; both started side by side answer the same through
 * the API, and their stored files are the same bytes.
 */

const root = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-backup-restore-"));
const original = path.join(root, "original");
const restored = path.join(root, "restored");
const file = path.join(root, "school.budhhub");
const servers: AppServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  fs.rmSync(root, { recursive: true, force: true });
});

const start = async (dataDir: string) => {
  const server = await startApp({ DATA_DIR: dataDir });
  servers.push(server);
  return server;
};

function run(script: "backup" | "restore", dataDir: string, ...args: string[]) {
  return spawnSync("npx", ["tsx", "--conditions=react-server", `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: "production", LOG_LEVEL: "silent", DATABASE_URL: "" },
    encoding: "utf8",
  });
}

async function signedIn(base: string, email: string): Promise<ApiClient> {
  const client = new ApiClient(base);
  const response = await client.signIn(email, DEMO_PASSWORD);
  if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}: ${response.text}`);
  return client;
}

/** The same session on another server (a token is only good there if that server has the same secret). */
function sameSession(client: ApiClient, base: string): ApiClient {
  const copy = new ApiClient(base, client.ip);
  copy.setCookie("authjs.session-token", client.sessionToken!);
  return copy;
}

const sha256 = (bytes: Buffer | ArrayBuffer) =>
  createHash("sha256")
    .update(Buffer.from(bytes as ArrayBuffer))
    .digest("hex");

/** Every stored file under DATA_DIR/storage as key → SHA-256 of its bytes. */
function storedFiles(dataDir: string, dir = path.join(dataDir, "storage"), prefix = ""): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) Object.assign(out, storedFiles(dataDir, path.join(dir, e.name), `${prefix}${e.name}/`));
    else out[`${prefix}${e.name}`] = sha256(fs.readFileSync(path.join(dir, e.name)));
  }
  return out;
}

type Activity = { courseId: string; quizCourseId: string; certificateCode: string; materialId: string; lessonId: string };
type Actors = { admin: ApiClient; ada: ApiClient; learner: ApiClient };

async function ok(response: Promise<{ status: number; text: string; json: <T>() => T }>, what: string) {
  const r = await response;
  if (r.status !== 200) throw new Error(`${what} answered ${r.status}: ${r.text}`);
  return r.json<Record<string, unknown>>();
}

async function download(url: string): Promise<string> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`downloading ${url} answered ${response.status}`);
  return sha256(await response.arrayBuffer());
}

/** What a school would check after a restore, read through the API: counts, a sample of records, files' bytes. */
async function snapshot({ admin, ada, learner }: Actors, activity: Activity) {
  const catalog = await ok(admin.get("/api/courses"), "the catalog");
  const users = await ok(admin.get("/api/admin/users"), "the users list");
  const learners = await ok(admin.get("/api/admin/users?role=LEARNER"), "the learners list");
  const myCourses = await ok(learner.get("/api/my-courses"), "my courses");
  const myCertificates = await ok(learner.get("/api/my-certificates"), "my certificates");
  const certificate = await ok(new ApiClient(admin.base).get(`/api/certificates/${activity.certificateCode}`), "the certificate");
  const gradebook = await ok(ada.get(`/api/instructor/courses/${activity.quizCourseId}/gradebook`), "the gradebook");
  const course = await ok(learner.get(`/api/my-courses/${activity.courseId}`), "the course");
  const material = await ok(learner.get(`/api/my-courses/${activity.courseId}/materials/${activity.materialId}/url`), "a handout's URL");
  const video = await ok(learner.get(`/api/my-courses/${activity.courseId}/lessons/${activity.lessonId}/video-url`), "the video's URL");
  const pdf = await fetch(`${admin.base}/api/certificates/${activity.certificateCode}/pdf`);
  return unsigned({
    catalog,
    users,
    learners,
    myCourses,
    myCertificates,
    certificate,
    gradebook,
    course,
    materialBytes: await download(material.url as string),
    videoBytes: await download(video.url as string),
    certificatePdf: pdf.status === 200 ? sha256(await pdf.arrayBuffer()) : pdf.status,
  });
}

/** Signed file URLs name their server and expire: compared by the key they sign. */
const unsigned = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value).replace(/https?:\/\/[^/"]+(\/api\/storage\/objects\/[^?"]*)\?[^"]*/g, "$1")) as T;

describe("a backup restored into an empty folder", { timeout: 900_000 }, () => {
  it("answers the same through the API, with the same files byte for byte", async () => {
    const first = await start(original);
    const [admin, ada, learner] = await Promise.all([
      signedIn(first.url, DEMO_ADMIN),
      signedIn(first.url, "ada@budhhub.test"),
      signedIn(first.url, "learner1@budhhub.test"),
    ]);
    const course = await buildCourse(ada, { title: "Backed-up botany", lessons: 2, media: true, thumbnail: true });
    await enrollIn(learner, course.courseId);
    await ok(learner.post(`/api/my-courses/${course.courseId}/lessons/${course.lessonIds[0]}/complete`, { completed: true }), "completing");
    const quiz = await buildQuizCourse(ada, { title: "Backed-up quiz" });
    await enrollIn(learner, quiz.courseId);
    const graded = await takeQuiz(learner, quiz, { numeric: "wrong" });
    expect(graded.attempt.passed).toBe(true);
    const { code } = await earnCertificate(ada, learner, "Backed-up certificate");
    const activity: Activity = {
      courseId: course.courseId,
      quizCourseId: quiz.courseId,
      certificateCode: code,
      materialId: course.courseMaterialId!,
      lessonId: course.videoLessonId!,
    };
    const before = await snapshot({ admin, ada, learner }, activity);
    expect(before.certificatePdf).toMatch(/^[0-9a-f]{64}$/);

    // While the server holds the folder, the backup is refused, says why, and writes nothing.
    const refused = run("backup", original, file, "--with-files");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/open in pid \d+ .*\n.*PGlite allows one process per data folder.*Stop it/);
    expect(fs.existsSync(file)).toBe(false);

    await first.stop();
    const backup = run("backup", original, file, "--with-files");
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Backed up .* the database, its secret and \d+ stored files/);
    const restore = run("restore", restored, file);
    expect(restore.status, restore.stderr).toBe(0);
    expect(run("restore", restored, file).stderr).toMatch(/is not empty .*--force/);

    const files = storedFiles(original);
    // The video, two handouts, the thumbnail and the certificate's PDF, at least.
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(5);
    expect(storedFiles(restored)).toEqual(files);

    const [again, copy] = await Promise.all([start(original), start(restored)]);
    const on = (server: AppServer): Actors => ({
      admin: sameSession(admin, server.url),
      ada: sameSession(ada, server.url),
      learner: sameSession(learner, server.url),
    });
    const [fromOriginal, fromCopy] = [await snapshot(on(again), activity), await snapshot(on(copy), activity)];
    expect(fromOriginal).toEqual(before);
    expect(fromCopy).toEqual(before);
    expect(fromCopy.myCourses.courses).toEqual(
      expect.arrayContaining([expect.objectContaining({ courseId: course.courseId, progress: 50 })]),
    );
  });
});
