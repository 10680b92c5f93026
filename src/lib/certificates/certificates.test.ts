import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { waitingJobs, withTestDatabase } from "../../../tests/helpers/test-database";
import { enrolledLearner, quizCourse, RIGHT, WRONG, type QuestionKey, type QuizFixture } from "../../../tests/helpers/quiz-taking-db";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { env } from "@/env";
import { JOB_NAMES } from "@/lib/jobs/names";
import { JobQueue } from "@/lib/jobs/queue";
import { registerWorkers } from "@/lib/jobs/workers";
import { db } from "@/lib/db/client";
import { certificates, courses, enrollments, lessons, modules, users } from "@/lib/db/schema";
import { deleteCourse, updateCourse } from "@/lib/courses/manage-course";
import { selectLearnerRows } from "@/lib/analytics/learner-rows";
import { setLessonCompleted } from "@/lib/learning/lesson-progress";
import { startAttempt, submitAttempt } from "@/lib/quizzes/attempts";
import { saveAnswer } from "@/lib/quizzes/attempts-answers";
import type { SignedInAccount } from "@/lib/users/session-user";
import { listMyCertificates, restoreCertificate, revokeCertificate, verifyCertificate, CERTIFICATE_MISS_LIMIT } from "./certificates";
import {
  backIssueCertificates,
  CODE_ALPHABET,
  formatCode,
  issueCertificates,
  newCertificateCode,
  normalizeCode,
} from "./issue-certificates";

const database = withTestDatabase();

let ipCounter = 0;
const ip = () => `203.0.113.${(ipCounter += 1)}`;

async function takeQuiz(learner: SignedInAccount, f: QuizFixture, answers: Record<QuestionKey, unknown>) {
  const { attempt } = await startAttempt(learner, f.courseId, f.quizLessonId);
  for (const [key, answer] of Object.entries(answers)) {
    await saveAnswer(learner, f.courseId, f.quizLessonId, attempt.id, { questionId: f.q[key as QuestionKey], answer } as Parameters<
      typeof saveAnswer
    >[4]);
  }
  return submitAttempt(learner, f.courseId, f.quizLessonId, attempt.id);
}

async function certificatesOf(learnerId: string) {
  return db.select().from(certificates).where(eq(certificates.learnerId, learnerId));
}

async function certifiedQuizCourse() {
  const f = await quizCourse({ passingScore: 70, maxAttempts: null });
  await updateCourse(f.instructor, f.courseId, { certificateEnabled: true, certificateLine: "Two lessons and a quiz" });
  return f;
}

describe("certificate codes", () => {
  it("are 12 characters of Crockford's alphabet, typed back in any case, with dashes, O for 0 and I or L for 1", () => {
    const codes = Array.from({ length: 2000 }, newCertificateCode);
    expect(codes.every((c) => c.length === 12 && [...c].every((ch) => CODE_ALPHABET.includes(ch)))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    // Every letter of the alphabet turns up: the draw is not stuck on part of it.
    expect(new Set(codes.join("")).size).toBe(32);
    expect(formatCode("K7MQ2XRP9TWD")).toBe("K7MQ-2XRP-9TWD");
    expect(normalizeCode("k7mq-2xrp-9twd")).toBe("K7MQ2XRP9TWD");
    expect(normalizeCode(" 0O1I L2345678 ".replace(/ /g, ""))).toBe("00111" + "2345678");
    expect(normalizeCode("K7MQ2XRP9TW")).toBeNull();
    expect(normalizeCode("K7MQ2XRP9TWU")).toBeNull();
  });
});

describe("issuing certificates", () => {
  it("issues nothing while the quiz is not passed, then one certificate on completion, copying what it shows", async () => {
    const f = await certifiedQuizCourse();
    const learner = await enrolledLearner(f.courseId);
    await setLessonCompleted(learner, f.courseId, f.readingLessonId, true);
    const failed = await takeQuiz(learner, f, WRONG);
    expect(failed.attempt.passed).toBe(false);
    expect(await certificatesOf(learner.id)).toEqual([]);

    await takeQuiz(learner, f, RIGHT);
    const [issued, ...more] = await certificatesOf(learner.id);
    expect(more).toEqual([]);
    const [instructor] = await db.select().from(users).where(eq(users.id, f.instructorId));
    expect(issued).toMatchObject({
      courseId: f.courseId,
      learnerName: learner.name,
      courseTitle: "Quiz course",
      instructorName: instructor!.name,
      line: "Two lessons and a quiz",
      completed: {
        lessons: [
          { title: "Reading", kind: "lesson" },
          { title: "Check", kind: "quiz" },
        ],
      },
      revokedAt: null,
    });
    expect(issued!.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    // The course's learners table (and its CSV) show who earned one.
    const { rows } = await selectLearnerRows(f.courseId, { q: undefined, sort: "name", dir: "asc" }, { limit: 10 });
    expect(rows.map((r) => [r.learnerId, r.certificateCode])).toEqual([[learner.id, issued!.code]]);

    // Undone and done again, the learner still has the one certificate.
    await setLessonCompleted(learner, f.courseId, f.readingLessonId, false);
    await setLessonCompleted(learner, f.courseId, f.readingLessonId, true);
    expect((await certificatesOf(learner.id)).map((c) => c.code)).toEqual([issued!.code]);
  });

  it("issues nothing when the course has certificates off", async () => {
    const f = await quizCourse();
    const learner = await enrolledLearner(f.courseId);
    await setLessonCompleted(learner, f.courseId, f.readingLessonId, true);
    await takeQuiz(learner, f, RIGHT);
    const [enrollment] = await db.select().from(enrollments).where(eq(enrollments.learnerId, learner.id));
    expect(enrollment!.completedAt).not.toBeNull();
    expect(await certificatesOf(learner.id)).toEqual([]);
  });

  it(`issues one certificate under concurrent completions (${env.TEST_DATABASE_URL ? "Postgres server" : "PGlite, serial"})`, async () => {
    const f = await certifiedQuizCourse();
    const learner = await enrolledLearner(f.courseId);
    await takeQuiz(learner, f, RIGHT);
    // The last lesson completed twice at once: both transactions reach 100; the pair is unique, so one certificate.
    await Promise.all([
      setLessonCompleted(learner, f.courseId, f.readingLessonId, true),
      setLessonCompleted(learner, f.courseId, f.readingLessonId, true),
      db.transaction(async (tx) => {
        const [e] = await tx.select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.learnerId, learner.id));
        await issueCertificates(tx, f.courseId, [e!.id]);
      }),
    ]);
    expect(await certificatesOf(learner.id)).toHaveLength(1);
  });

  it("draws a code again when the drawn one is taken", async () => {
    const f = await certifiedQuizCourse();
    const first = await enrolledLearner(f.courseId);
    await setLessonCompleted(first, f.courseId, f.readingLessonId, true);
    await takeQuiz(first, f, RIGHT);
    const [taken] = await certificatesOf(first.id);
    // Issued by hand for a learner whose first draw is the taken code.
    const third = await enrolledLearner(f.courseId);
    await db.update(enrollments).set({ progress: 100, completedAt: new Date() }).where(eq(enrollments.learnerId, third.id));
    const draws = [taken!.code, "ZZZZ2222YYYY"];
    const [e] = await db.select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.learnerId, third.id));
    const issued = await db.transaction((tx) => issueCertificates(tx, f.courseId, [e!.id], { newCode: () => draws.shift()! }));
    expect(issued).toEqual(["ZZZZ2222YYYY"]);
    expect(draws).toEqual([]);
    expect((await certificatesOf(third.id)).map((c) => c.code)).toEqual(["ZZZZ2222YYYY"]);
  });

  it("back-issues to those who completed before certificates were on, in batches, once", async () => {
    const f = await quizCourse();
    const done = [];
    for (let i = 0; i < 5; i += 1) {
      const learner = await enrolledLearner(f.courseId);
      await setLessonCompleted(learner, f.courseId, f.readingLessonId, true);
      await takeQuiz(learner, f, RIGHT);
      done.push(learner);
    }
    const halfway = await enrolledLearner(f.courseId);
    await setLessonCompleted(halfway, f.courseId, f.readingLessonId, true);
    await db.update(courses).set({ certificateEnabled: true }).where(eq(courses.id, f.courseId));
    expect(await backIssueCertificates(f.courseId, 2)).toBe(5);
    expect(await backIssueCertificates(f.courseId, 2)).toBe(0);
    for (const learner of done) expect(await certificatesOf(learner.id)).toHaveLength(1);
    expect(await certificatesOf(halfway.id)).toEqual([]);

    // Turning certificates on through the course's settings enqueues it (once, however often it is turned on), and the
    // app's worker runs it.
    const g = await quizCourse();
    const early = await enrolledLearner(g.courseId);
    await setLessonCompleted(early, g.courseId, g.readingLessonId, true);
    await takeQuiz(early, g, RIGHT);
    await updateCourse(g.instructor, g.courseId, { certificateEnabled: true });
    await updateCourse(g.instructor, g.courseId, { certificateEnabled: true });
    expect((await waitingJobs(database.connection!, JOB_NAMES.certificateBackIssue)).map((j) => j.data)).toEqual([
      { courseId: g.courseId },
    ]);
    expect(await certificatesOf(early.id)).toEqual([]);
    const worker = new JobQueue(database.connection!, { supervise: false });
    try {
      await registerWorkers(worker);
      for (let i = 0; i < 100 && (await certificatesOf(early.id)).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await worker.stop({ timeoutMs: 1000 });
    }
    expect(await certificatesOf(early.id)).toHaveLength(1);
  });

  it("survives new lessons and the course's deletion; the account's deletion removes it", async () => {
    const f = await certifiedQuizCourse();
    const learner = await enrolledLearner(f.courseId);
    await setLessonCompleted(learner, f.courseId, f.readingLessonId, true);
    await takeQuiz(learner, f, RIGHT);
    const [issued] = await certificatesOf(learner.id);
    const [m] = await db.select({ id: modules.id }).from(modules).where(eq(modules.courseId, f.courseId));
    await db.insert(lessons).values({ moduleId: m!.id, title: "New", ord: 5 });
    expect((await verifyCertificate(issued!.code, ip())).status).toBe("valid");

    await deleteCourse(f.instructor, f.courseId);
    const after = await verifyCertificate(issued!.code, ip());
    expect(after).toMatchObject({ status: "valid", courseOffered: false, courseTitle: "Quiz course", lessons: 2 });

    await db.delete(users).where(eq(users.id, learner.id));
    await expect(verifyCertificate(issued!.code, ip())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("verifying and revoking", () => {
  it("says valid, revoked with the date and reason, and valid again once restored; the learner lists theirs", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const f = await certifiedQuizCourse();
    const learner = await enrolledLearner(f.courseId);
    await setLessonCompleted(learner, f.courseId, f.readingLessonId, true);
    await takeQuiz(learner, f, RIGHT);
    const [issued] = await certificatesOf(learner.id);
    const code = issued!.code;
    expect(await verifyCertificate(formatCode(code).toLowerCase(), ip())).toMatchObject({ code, status: "valid", revokedAt: null });

    await expect(revokeCertificate(learner, code, "no reason")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const revoked = await revokeCertificate(admin, code, "Completed by someone else", new Date("2031-01-02T03:04:05Z"));
    expect(revoked).toMatchObject({
      status: "revoked",
      revokedReason: "Completed by someone else",
      revokedAt: new Date("2031-01-02T03:04:05Z"),
    });
    expect((await verifyCertificate(code, ip())).status).toBe("revoked");
    expect((await listMyCertificates(learner)).map((c) => [c.code, c.status])).toEqual([[code, "revoked"]]);

    expect(await restoreCertificate(admin, code)).toMatchObject({ status: "valid", revokedAt: null, revokedReason: null });
    expect((await verifyCertificate(code, ip())).status).toBe("valid");
  });

  it("answers a wrong code with a plain 404, and too many from one network with a 429", async () => {
    const from = ip();
    const t = Date.parse("2031-05-01T00:00:00Z");
    for (let i = 0; i < CERTIFICATE_MISS_LIMIT.limit; i += 1) {
      await expect(verifyCertificate(newCertificateCode(), from, t)).rejects.toMatchObject({ code: "NOT_FOUND", message: "Not found." });
    }
    await expect(verifyCertificate(newCertificateCode(), from, t)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(verifyCertificate("not a code at all", ip(), t)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
