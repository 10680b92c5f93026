import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withTestStorage } from "../../../tests/helpers/test-storage";
import { enrolledLearner, quizCourse, RIGHT } from "../../../tests/helpers/quiz-taking-db";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { certificates, users } from "@/lib/db/schema";
import { updateCourse } from "@/lib/courses/manage-course";
import { setLessonCompleted } from "@/lib/learning/lesson-progress";
import { startAttempt, submitAttempt } from "@/lib/quizzes/attempts";
import { saveAnswer } from "@/lib/quizzes/attempts-answers";
import { getStorage } from "@/lib/storage";
import { storageKeys } from "@/lib/storage/keys";
import { sweepUploads } from "@/lib/uploads";
import { certificatePdf } from "./certificate-pdf";
import { revokeCertificate } from "./certificates";

withTestDatabase();
const storage = withTestStorage();
const run = promisify(execFile);
let ipCounter = 0;
const ip = () => `198.51.100.${(ipCounter += 1)}`;

/** A learner named `name` who completed a course with certificates on: their certificate. */
async function earned(name: string) {
  const f = await quizCourse();
  await updateCourse(f.instructor, f.courseId, { certificateEnabled: true, title: "Ботаника для всех" });
  const learner = await enrolledLearner(f.courseId);
  await db.update(users).set({ name }).where(eq(users.id, learner.id));
  await setLessonCompleted(learner, f.courseId, f.readingLessonId, true);
  const { attempt } = await startAttempt(learner, f.courseId, f.quizLessonId);
  for (const [key, answer] of Object.entries(RIGHT)) {
    await saveAnswer(learner, f.courseId, f.quizLessonId, attempt.id, { questionId: f.q[key as keyof typeof RIGHT], answer } as Parameters<
      typeof saveAnswer
    >[4]);
  }
  await submitAttempt(learner, f.courseId, f.quizLessonId, attempt.id);
  const [certificate] = await db.select().from(certificates).where(eq(certificates.learnerId, learner.id));
  return { learner, code: certificate!.code };
}

describe("a certificate's PDF", () => {
  it("is made once, kept in storage by its code, and readable by poppler", async () => {
    const { code } = await earned("Αλέξανδρος Παπαδόπουλος");
    const first = await certificatePdf(code, ip());
    expect(first.disposition).toContain(`certificate-${code}.pdf`);
    const key = storageKeys.certificatePdf(code);
    expect(fs.readFileSync(path.join(storage.root, key)).equals(first.bytes)).toBe(true);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "certificate-")), "c.pdf");
    fs.writeFileSync(file, first.bytes);
    const { stdout } = await run("pdftotext", ["-layout", file, "-"]);
    expect(stdout).toContain("Αλέξανδρος Παπαδόπουλος");
    expect(stdout).toContain("Ботаника для всех");
    expect(stdout).toContain(code.match(/.{4}/g)!.join("-"));
    // The kept file is what the next download gets (not a new render).
    await getStorage().put(key, Buffer.from("%PDF-kept"), { contentType: "application/pdf", size: 9 });
    expect((await certificatePdf(code, ip())).bytes.toString()).toBe("%PDF-kept");
  });

  it("is refused once revoked (410), and swept from storage once its certificate is gone", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const { learner, code } = await earned("Анна Каренина");
    await certificatePdf(code, ip());
    const other = await earned("Zoë Łukasiewicz");
    await certificatePdf(other.code, ip());
    await revokeCertificate(admin, code, "Checked by a test");
    await expect(certificatePdf(code, ip())).rejects.toMatchObject({ code: "GONE" });

    await db.delete(users).where(eq(users.id, learner.id));
    const before = fs.readdirSync(path.join(storage.root, "certificates"));
    const swept = await sweepUploads();
    // Only the PDF whose certificate stands is kept (the other test's certificate went with its database reset).
    expect(before).toContain(`${code}.pdf`);
    expect(fs.readdirSync(path.join(storage.root, "certificates"))).toEqual([`${other.code}.pdf`]);
    expect(swept.certificates).toBe(before.length - 1);
  });
});
