import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignmentCourse } from "../../../tests/helpers/assignment-db";
import { quizCourse } from "../../../tests/helpers/quiz-taking-db";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { submitAssignment } from "@/lib/assignments/submissions";
import { exportCourseLearners } from "@/lib/analytics/export-course-learners";
import { listCourseLearners } from "@/lib/analytics/list-course-learners";
import { addCohortMembers, createCohort, removeCohortMember } from "@/lib/cohorts/manage-cohorts";
import { db } from "@/lib/db/client";
import { cohortCourses, courses, enrollments, lessonProgress, quizAttempts } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { ENROLLMENT_ENDED_MESSAGE, SELF_ENROLLMENT_OFF_MESSAGE } from "@/lib/format";
import { enroll } from "@/lib/learning/enroll";
import { saveVideoPosition, setLessonCompleted } from "@/lib/learning/lesson-progress";
import { startAttempt, submitAttempt } from "@/lib/quizzes/attempts";
import { saveAnswer } from "@/lib/quizzes/attempts-answers";
import { enrollByStaff, setEnrollmentEnd, staffEnrollmentsPage, unenrollByStaff } from "./staff-enrollment";

withTestDatabase();

const countOf = async (courseId: string) => (await db.select().from(courses).where(eq(courses.id, courseId)))[0]!.enrollmentCount;
const enrolledIds = async (courseId: string) =>
  (await db.select({ id: enrollments.learnerId }).from(enrollments).where(eq(enrollments.courseId, courseId))).map((r) => r.id).sort();
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("enrollment by staff", () => {
  it("enrolls users, reports the already enrolled, records who enrolled them and keeps enrollment_count right", async () => {
    const f = await quizCourse();
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => insertUser()));
    await enroll(a!, f.courseId);
    expect(await countOf(f.courseId)).toBe(1);
    const endsAt = new Date(Date.now() + 86_400_000);
    const result = await enrollByStaff(f.instructor, f.courseId, { userIds: [a!.id, b!.id, c!.id], endsAt });
    expect(result.enrolled.sort()).toEqual([b!.id, c!.id].sort());
    expect(result.alreadyEnrolled).toEqual([a!.id]);
    expect(await countOf(f.courseId)).toBe(3);
    const rows = await db.select().from(enrollments).where(eq(enrollments.courseId, f.courseId));
    expect(rows.find((r) => r.learnerId === a!.id)).toMatchObject({ enrolledBy: null, endsAt: null });
    expect(rows.find((r) => r.learnerId === b!.id)).toMatchObject({ enrolledBy: f.instructor.id, endsAt });
    // The same request again changes nothing.
    const again = await enrollByStaff(f.instructor, f.courseId, { userIds: [b!.id] });
    expect(again).toMatchObject({ enrolled: [], alreadyEnrolled: [b!.id] });
    expect(await countOf(f.courseId)).toBe(3);
  });

  it("refuses unknown and disabled users, another instructor's course and a learner, writing nothing", async () => {
    const f = await quizCourse();
    const ok = await insertUser();
    const disabled = await insertUser({ disabled: true });
    expect((await refusal(enrollByStaff(f.instructor, f.courseId, { userIds: [ok.id, "nobody-here"] }))).status).toBe(400);
    expect((await refusal(enrollByStaff(f.instructor, f.courseId, { userIds: [ok.id, disabled.id] }))).status).toBe(400);
    const other = await insertUser({ role: "INSTRUCTOR" });
    expect((await refusal(enrollByStaff(other, f.courseId, { userIds: [ok.id] }))).status).toBe(403);
    expect((await refusal(enrollByStaff(ok, f.courseId, { userIds: [ok.id] }))).status).toBe(403);
    expect(await enrolledIds(f.courseId)).toEqual([]);
    expect(await countOf(f.courseId)).toBe(0);
  });

  it("enrolls a cohort's members through a link, and a member added later in the same transaction", async () => {
    const f = await quizCourse();
    const admin = await insertUser({ role: "ADMIN" });
    const [m1, m2, late, outsider] = await Promise.all([1, 2, 3, 4].map(() => insertUser()));
    const cohort = await createCohort(admin, "Class of 2027");
    await addCohortMembers(admin, cohort.id, [m1!.id, m2!.id]);
    await enroll(m2!, f.courseId);
    const result = await enrollByStaff(f.instructor, f.courseId, { cohortId: cohort.id });
    expect(result.cohort).toEqual({ id: cohort.id, name: "Class of 2027" });
    expect(result.enrolled).toEqual([m1!.id]);
    expect(result.alreadyEnrolled).toEqual([m2!.id]);
    expect(await db.select().from(cohortCourses).where(eq(cohortCourses.cohortId, cohort.id))).toHaveLength(1);
    expect(await countOf(f.courseId)).toBe(2);

    const added = await addCohortMembers(admin, cohort.id, [late!.id, m1!.id]);
    expect(added).toMatchObject({ added: [late!.id], alreadyMembers: [m1!.id], enrolledIn: [{ courseId: f.courseId, enrolled: 1 }] });
    expect(await enrolledIds(f.courseId)).toEqual([m1!.id, m2!.id, late!.id].sort());
    expect(await countOf(f.courseId)).toBe(3);
    expect(await enrolledIds(f.courseId)).not.toContain(outsider!.id);

    // Removing a member keeps their enrollment.
    await removeCohortMember(admin, cohort.id, late!.id);
    expect(await enrolledIds(f.courseId)).toContain(late!.id);

    // A member whose addition fails (a disabled account in the same request) is neither added nor enrolled.
    const disabled = await insertUser({ disabled: true });
    expect((await refusal(addCohortMembers(admin, cohort.id, [outsider!.id, disabled.id]))).status).toBe(400);
    expect(await enrolledIds(f.courseId)).not.toContain(outsider!.id);
  });

  it("unenrolls: the enrollment, its progress and attempts go, and the count moves back", async () => {
    const f = await quizCourse();
    const learner = await insertUser();
    await enrollByStaff(f.instructor, f.courseId, { userIds: [learner.id] });
    await setLessonCompleted(learner, f.courseId, f.readingLessonId, true);
    await startAttempt(learner, f.courseId, f.quizLessonId);
    const [enrollment] = await db.select().from(enrollments).where(eq(enrollments.learnerId, learner.id));
    await unenrollByStaff(f.instructor, f.courseId, learner.id);
    expect(await enrolledIds(f.courseId)).toEqual([]);
    expect(await countOf(f.courseId)).toBe(0);
    expect(await db.select().from(lessonProgress).where(eq(lessonProgress.enrollmentId, enrollment!.id))).toHaveLength(0);
    expect(await db.select().from(quizAttempts).where(eq(quizAttempts.enrollmentId, enrollment!.id))).toHaveLength(0);
    expect((await refusal(unenrollByStaff(f.instructor, f.courseId, learner.id))).status).toBe(404);
  });
});

describe("an enrollment's end date", () => {
  it("after it, completion, video position, quiz start, save and submit are refused with a 403; before it they work", async () => {
    const f = await quizCourse();
    const learner = await insertUser();
    await enrollByStaff(f.instructor, f.courseId, { userIds: [learner.id], endsAt: new Date(Date.now() + 3_600_000) });
    const { attempt } = await startAttempt(learner, f.courseId, f.quizLessonId);
    await saveVideoPosition(learner, f.courseId, f.readingLessonId, 10);

    await setEnrollmentEnd(f.instructor, f.courseId, learner.id, new Date(Date.now() - 1000));
    // One at a time: started together, a refusal not yet awaited would be an unhandled rejection.
    const writes = [
      () => setLessonCompleted(learner, f.courseId, f.readingLessonId, true),
      () => saveVideoPosition(learner, f.courseId, f.readingLessonId, 20),
      () => startAttempt(learner, f.courseId, f.quizLessonId),
      () =>
        saveAnswer(learner, f.courseId, f.quizLessonId, attempt.id, { questionId: f.q.single, answer: null } as Parameters<
          typeof saveAnswer
        >[4]),
      () => submitAttempt(learner, f.courseId, f.quizLessonId, attempt.id),
    ];
    for (const write of writes) {
      const error = await refusal(write());
      expect(error.status).toBe(403);
      expect(error.message).toBe(ENROLLMENT_ENDED_MESSAGE);
    }
    const [progress] = await db
      .select()
      .from(lessonProgress)
      .innerJoin(enrollments, eq(enrollments.id, lessonProgress.enrollmentId))
      .where(and(eq(enrollments.learnerId, learner.id), eq(lessonProgress.lessonId, f.readingLessonId)));
    expect(progress!.lesson_progress).toMatchObject({ completed: false, videoPosition: 10 });
    expect((await db.select().from(quizAttempts).where(eq(quizAttempts.id, attempt.id)))[0]!.submittedAt).toBeNull();

    // Cleared, the course is writable again.
    await setEnrollmentEnd(f.instructor, f.courseId, learner.id, null);
    await setLessonCompleted(learner, f.courseId, f.readingLessonId, true);
  });

  it("refuses an assignment hand-in after it", async () => {
    const f = await assignmentCourse();
    const learner = await insertUser();
    await enrollByStaff(f.instructor, f.courseId, { userIds: [learner.id], endsAt: new Date(Date.now() - 1000) });
    const error = await refusal(submitAssignment(learner, f.courseId, f.lessonId, { text: "My essay", uploadIds: [] }));
    expect(error.status).toBe(403);
    expect(error.message).toBe(ENROLLMENT_ENDED_MESSAGE);
  });
});

describe("self-enrollment switched off", () => {
  it("refuses a learner's enroll with the school's message; staff still enroll them", async () => {
    const f = await quizCourse();
    await db.update(courses).set({ selfEnrollment: false }).where(eq(courses.id, f.courseId));
    const learner = await insertUser();
    const error = await refusal(enroll(learner, f.courseId));
    expect(error.status).toBe(403);
    expect(error.message).toBe(SELF_ENROLLMENT_OFF_MESSAGE);
    expect(await countOf(f.courseId)).toBe(0);
    await enrollByStaff(f.instructor, f.courseId, { userIds: [learner.id] });
    // Once enrolled, enrolling again answers the enrollment as before.
    expect((await enroll(learner, f.courseId)).created).toBe(false);
  });
});

describe("the cohort filter on a course's learners", () => {
  it("counts and lists only the cohort's members, in the table and the CSV", async () => {
    const f = await quizCourse();
    const admin = await insertUser({ role: "ADMIN" });
    const [inside, outside] = await Promise.all([insertUser(), insertUser()]);
    const cohort = await createCohort(admin, "Filter cohort");
    await addCohortMembers(admin, cohort.id, [inside.id]);
    await enrollByStaff(f.instructor, f.courseId, { userIds: [inside.id, outside.id] });
    const query = { q: undefined, sort: "enrolled" as const, dir: "desc" as const, page: 1 };
    expect((await listCourseLearners(f.instructor, f.courseId, query)).total).toBe(2);
    const filtered = await listCourseLearners(f.instructor, f.courseId, { ...query, cohortId: cohort.id });
    expect(filtered.total).toBe(1);
    expect(filtered.rows.map((r) => r.learnerId)).toEqual([inside.id]);
    const csv = await new Response((await exportCourseLearners(f.instructor, f.courseId, { ...query, cohortId: cohort.id })).body).text();
    expect(csv).toContain(inside.email);
    expect(csv).not.toContain(outside.email);
  });
});

describe("the staff's enrollments page", () => {
  it("lists the learners with their end dates, and finds a person by their whole address only", async () => {
    const f = await quizCourse();
    const [enrolled, other] = await Promise.all([insertUser(), insertUser()]);
    const endsAt = new Date("2030-06-30T23:59:59Z");
    await enrollByStaff(f.instructor, f.courseId, { userIds: [enrolled.id], endsAt });
    const page = await staffEnrollmentsPage(f.instructor, f.courseId, 1, other.email.toUpperCase());
    expect(page.total).toBe(1);
    expect(page.rows).toMatchObject([{ learnerId: enrolled.id, endsAt }]);
    expect(page.match).toMatchObject({ id: other.id, enrolled: false, disabled: false });
    expect((await staffEnrollmentsPage(f.instructor, f.courseId, 1, enrolled.email)).match).toMatchObject({ enrolled: true });
    expect((await staffEnrollmentsPage(f.instructor, f.courseId, 1, other.email.slice(0, 6))).match).toBeNull();
    const stranger = await insertUser({ role: "INSTRUCTOR" });
    expect((await refusal(staffEnrollmentsPage(stranger, f.courseId, 1, undefined))).status).toBe(403);
  });
});
