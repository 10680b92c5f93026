import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { assignmentCourse, enrolledLearner } from "../../../tests/helpers/assignment-db";
import { buildAnalyticsFixture, NOW, series, statusOf } from "../../../tests/helpers/analytics-fixture";
import { insertEnrollment, insertGradedAttempt, insertQuizCourse, RIGHT } from "../../../tests/helpers/quiz-results-fixtures";
import { db } from "@/lib/db/client";
import { assignmentSubmissions, cohortMembers, cohorts } from "@/lib/db/schema";
import { analyticsQuerySchema, learnersQuerySchema } from "@/lib/validation/analytics";
import { exportAdminAnalytics } from "./export-admin-analytics";
import { exportCourseLearners } from "./export-course-learners";
import { adminCohortChoices, getAdminAnalytics } from "./get-admin-analytics";
import { getCourseAnalytics } from "./get-course-analytics";
import { getCourseAnalyticsPage } from "./get-course-analytics-page";
import { exportGradebook, getGradebook } from "./gradebook";
import { getInstructorAnalytics, instructorCohortChoices } from "./get-instructor-analytics";
import { listCourseLearners } from "./list-course-learners";

withTestDatabase();

async function cohort(name: string, members: { id: string }[]) {
  const [row] = await db.insert(cohorts).values({ name }).returning({ id: cohorts.id });
  if (members.length > 0) await db.insert(cohortMembers).values(members.map((m) => ({ cohortId: row!.id, userId: m.id })));
  return row!.id;
}

const of = (cohortId: string | undefined, range?: string) => analyticsQuerySchema.parse({ range, cohortId });
const UNKNOWN = "6f1c2a9e-0000-4000-8000-00000000dead";

describe("the cohort filter of the analytics", () => {
  it("counts only the cohort's members in every figure of a course, and leaves the unfiltered figures as they were", async () => {
    const f = await buildAnalyticsFixture();
    const { alice, carol, dave } = f.learners;
    const morning = await cohort("Morning", [alice, carol, dave]);

    const all = await getCourseAnalytics(f.instructor, f.courses.data, of(undefined), NOW);
    expect(all.cohort).toBeNull();
    expect(all.summary.enrollments).toBe(3);

    const a = await getCourseAnalytics(f.instructor, f.courses.data, of(morning), NOW);
    expect(a.cohort).toEqual({ id: morning, name: "Morning" });
    // Of e1 (Alice), e2 (Bob) and e4 (Dave) made in the range, Bob's is not a member's. Progress 100 and 0 → 50.
    // Active: Alice in 7 days; Carol's lessons (02-20 … 03-10) in 30; Bob's on 03-12 not counted.
    expect(a.summary).toEqual({
      enrollments: 2,
      completions: 1,
      completionRate: 50,
      averageProgress: 50,
      activeLearners7d: 1,
      activeLearners30d: 2,
    });
    expect(a.enrollmentsOverTime).toEqual(series("2026-02-17", 30, { "2026-03-12": 1, "2026-03-18": 1 }));
    expect(a.completionsOverTime).toEqual(series("2026-02-17", 30, { "2026-03-10": 1, "2026-03-15": 1 }));
    // L1: Alice of 2 (Bob's completion and his video position 40 are left out).
    expect(a.funnel[0]).toMatchObject({ completed: 1, completedPercent: 50, averageVideoPosition: 80 });

    const unchanged = await getCourseAnalytics(f.instructor, f.courses.data, of(undefined), NOW);
    expect(unchanged).toEqual(all);
  });

  it("starts 'all' at the first member's enrollment", async () => {
    const f = await buildAnalyticsFixture();
    const late = await cohort("Late", [f.learners.dave]);
    const a = await getCourseAnalytics(f.instructor, f.courses.data, of(late, "all"), NOW);
    expect(a.range.from).toBe("2026-03-18");
    expect(a.summary.enrollments).toBe(1);
  });

  it("narrows the quizzes and the assignments sections to the members", async () => {
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    const [a, b] = await Promise.all([insertUser(), insertUser()]);
    const quiz = await insertQuizCourse(instructor.id);
    const ea = await insertEnrollment(quiz.courseId, a.id);
    const eb = await insertEnrollment(quiz.courseId, b.id);
    await insertGradedAttempt(quiz, ea, RIGHT); // 100
    await insertGradedAttempt(quiz, eb, {}); // 0
    await insertGradedAttempt(quiz, eb, {}, { number: 2 });
    const onlyA = await cohort("Only A", [a]);
    const onlyB = await cohort("Only B", [b]);
    const now = new Date();
    expect((await getCourseAnalytics(instructor, quiz.courseId, of(undefined, "all"), now)).quizzes).toMatchObject({
      averageScore: 50,
      attempts: 3,
    });
    const forA = (await getCourseAnalytics(instructor, quiz.courseId, of(onlyA, "all"), now)).quizzes;
    expect(forA).toMatchObject({ averageScore: 100, attempts: 1 });
    expect(forA.perQuiz[0]).toMatchObject({ attempts: 1, learners: 1, passed: 1, passRate: 100 });
    expect((await getCourseAnalytics(instructor, quiz.courseId, of(onlyB, "all"), now)).quizzes.perQuiz[0]).toMatchObject({
      attempts: 2,
      learners: 1,
      passed: 0,
    });

    const essay = await assignmentCourse({ maxPoints: 10, passingPoints: 5 });
    const [c, d] = await Promise.all([insertUser(), insertUser()]);
    const ec = await insertEnrollment(essay.courseId, c.id);
    const ed = await insertEnrollment(essay.courseId, d.id);
    await db.insert(assignmentSubmissions).values([
      { lessonId: essay.lessonId, enrollmentId: ec, status: "graded", points: 8, passed: true, gradedAt: now },
      { lessonId: essay.lessonId, enrollmentId: ed, status: "submitted", late: true },
    ]);
    const onlyC = await cohort("Only C", [c]);
    const [every] = (await getCourseAnalytics(essay.instructor, essay.courseId, of(undefined, "all"), now)).assignments;
    expect(every).toMatchObject({ submitted: 2, graded: 1, waiting: 1, late: 1 });
    const [members] = (await getCourseAnalytics(essay.instructor, essay.courseId, of(onlyC, "all"), now)).assignments;
    expect(members).toMatchObject({ submitted: 1, graded: 1, waiting: 0, late: 0, passed: 1, averagePoints: 8 });
  });

  it("filters the learners table, its CSV and the page's figures by the one cohort of the page", async () => {
    const f = await buildAnalyticsFixture();
    const morning = await cohort("Morning", [f.learners.alice, f.learners.dave]);
    // The page reads the real clock: "all" holds the fixture's enrollments whatever today is.
    const page = await getCourseAnalyticsPage(f.instructor, f.courses.data, of(morning, "all"), learnersQuerySchema.parse({}));
    expect(page.analytics.summary.enrollments).toBe(2);
    expect(page.learners.rows.map((r) => r.email)).toEqual(["dave@example.test", "alice@example.test"]);
    expect(page.cohorts).toEqual([{ id: morning, name: "Morning" }]);
    const list = await listCourseLearners(f.instructor, f.courses.data, learnersQuerySchema.parse({ cohortId: morning }));
    expect(list.total).toBe(2);
    const csv = await new Response(
      (await exportCourseLearners(f.instructor, f.courses.data, learnersQuerySchema.parse({ cohortId: morning }))).body,
    ).text();
    expect(csv.split("\r\n").map((l) => l.split(",")[1])).toEqual(["E-mail", "dave@example.test", "alice@example.test", undefined]);
  });

  it("narrows the gradebook and its CSV to the members", async () => {
    const essay = await assignmentCourse();
    const [ann, ben] = [await enrolledLearner(essay.courseId), await enrolledLearner(essay.courseId)];
    const onlyAnn = await cohort("Ann's group", [ann]);
    expect((await getGradebook(essay.instructor, essay.courseId)).rows.map((r) => r.email).sort()).toEqual([ann.email, ben.email].sort());
    const book = await getGradebook(essay.instructor, essay.courseId, onlyAnn);
    expect(book.cohort).toEqual({ id: onlyAnn, name: "Ann's group" });
    expect(book.rows.map((r) => r.email)).toEqual([ann.email]);
    const csv = await new Response((await exportGradebook(essay.instructor, essay.courseId, onlyAnn)).body).text();
    expect(csv).toContain(ann.email);
    expect(csv).not.toContain(ben.email);
    expect(await statusOf(getGradebook(essay.instructor, essay.courseId, UNKNOWN))).toBe(404);
  });

  it("adds up the instructor's courses over the members, and never counts a member's enrollment in another's course", async () => {
    const f = await buildAnalyticsFixture();
    const { alice, carol, dave } = f.learners;
    const morning = await cohort("Morning", [alice, carol, dave]);
    const ivy = await getInstructorAnalytics(f.instructor, of(morning), NOW);
    expect(ivy.cohort).toEqual({ id: morning, name: "Morning" });
    // e1 (Alice) and e4 (Dave) in Data, e5 (Alice) in No lessons yet; Bob's e2 is not a member's, and Carol's e6 (made
    // 03-14, completed 03-17, active on 03-17) is in Otto's course: had it counted, 4 enrollments and 2 active in 7 days.
    expect(ivy.summary).toEqual({
      enrollments: 3,
      completions: 1,
      completionRate: 33.3,
      averageProgress: 33.3,
      activeLearners7d: 1,
      activeLearners30d: 2,
    });
    expect(ivy.courses.map((c) => [c.title, c.enrollments, c.activeLearners30d])).toEqual([
      ['Data, "analysis"', 2, 2],
      ["No lessons yet", 1, 0],
      ["No learners yet", 0, 0],
    ]);
    expect(ivy.enrollmentsOverTime).toEqual(series("2026-02-17", 30, { "2026-03-12": 1, "2026-03-17": 1, "2026-03-18": 1 }));
    expect(ivy.completionsOverTime.find((p) => p.date === "2026-03-17")?.count).toBe(0);

    // Otto may filter by the cohort too (Carol is in his course) and sees his course only.
    const otto = await getInstructorAnalytics(f.otherInstructor, of(morning), NOW);
    expect(otto.courses.map((c) => [c.title, c.enrollments])).toEqual([["Other course", 1]]);
    expect(otto.summary.enrollments).toBe(1);
  });

  it("lets an instructor pick only cohorts with a member in their courses; an admin any cohort", async () => {
    const f = await buildAnalyticsFixture();
    const morning = await cohort("Morning", [f.learners.alice]);
    const nobody = await cohort("Nobody here", []);
    const bobs = await cohort("Bob's", [f.learners.bob]);
    expect(await instructorCohortChoices(f.instructor)).toEqual([
      { id: bobs, name: "Bob's" },
      { id: morning, name: "Morning" },
    ]);
    // Otto's only learner is Carol, in no cohort.
    expect(await instructorCohortChoices(f.otherInstructor)).toEqual([]);
    expect(await statusOf(getInstructorAnalytics(f.otherInstructor, of(morning), NOW))).toBe(404);
    expect(await statusOf(getCourseAnalytics(f.otherInstructor, f.courses.other, of(morning), NOW))).toBe(404);
    expect(await statusOf(getCourseAnalytics(f.instructor, f.courses.data, of(nobody), NOW))).toBe(404);
    expect((await adminCohortChoices(f.admin)).map((c) => c.name)).toEqual(["Bob's", "Morning", "Nobody here"]);
    const empty = await getCourseAnalytics(f.admin, f.courses.data, of(nobody), NOW);
    expect(empty.summary.enrollments).toBe(0);
    expect(empty.funnel.every((s) => s.completed === 0)).toBe(true);
  });

  it("keeps shared figures per cohort, and shows a member added or removed at once", async () => {
    const f = await buildAnalyticsFixture();
    const morning = await cohort("Morning", [f.learners.alice]);
    // Without a fixed clock the figures are shared (src/lib/analytics/shared-figures.ts); "all" holds the fixture.
    const enrollments = async (cohortId?: string) =>
      (await getCourseAnalytics(f.instructor, f.courses.data, of(cohortId, "all"))).summary.enrollments;
    expect(await enrollments()).toBe(4);
    expect(await enrollments(morning)).toBe(1);
    expect(await enrollments()).toBe(4);
    await db.insert(cohortMembers).values({ cohortId: morning, userId: f.learners.bob.id });
    expect(await enrollments(morning)).toBe(2);
    expect(await enrollments()).toBe(4);
  });

  it("answers 404 for a cohort that does not exist, on every view", async () => {
    const f = await buildAnalyticsFixture();
    const learners = learnersQuerySchema.parse({ cohortId: UNKNOWN });
    const error = await getCourseAnalytics(f.instructor, f.courses.data, of(UNKNOWN), NOW).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "NOT_FOUND", message: "That cohort was not found." });
    expect(await statusOf(getInstructorAnalytics(f.instructor, of(UNKNOWN), NOW))).toBe(404);
    expect(await statusOf(getAdminAnalytics(f.admin, of(UNKNOWN), NOW))).toBe(404);
    expect(await statusOf(exportAdminAnalytics(f.admin, of(UNKNOWN), NOW))).toBe(404);
    expect(await statusOf(listCourseLearners(f.instructor, f.courses.data, learners))).toBe(404);
    expect(await statusOf(exportCourseLearners(f.instructor, f.courses.data, learners))).toBe(404);
    // The course's own rule comes first: another instructor gets its 403, whatever the cohort.
    expect(await statusOf(getCourseAnalytics(f.otherInstructor, f.courses.data, of(UNKNOWN), NOW))).toBe(403);
  });

  it("gives admins the platform's people figures over the members, and the CSV rows of their enrollments", async () => {
    const f = await buildAnalyticsFixture();
    const { alice, carol, dave } = f.learners;
    const morning = await cohort("Morning", [alice, carol, dave]);
    const all = await getAdminAnalytics(f.admin, of(undefined), NOW);
    const a = await getAdminAnalytics(f.admin, of(morning), NOW);
    expect(a.cohort).toEqual({ id: morning, name: "Morning" });
    expect(a.usersByRole).toEqual({ ADMIN: 0, INSTRUCTOR: 0, LEARNER: 3 });
    // Bob signed up on 03-11 and is not a member; Dave on 03-18 is.
    expect(a.signUpsOverTime).toEqual(series("2026-02-17", 30, { "2026-03-18": 1 }));
    expect(all.signUpsOverTime).toEqual(series("2026-02-17", 30, { "2026-03-11": 1, "2026-03-18": 1 }));
    expect(a.enrollmentsOverTime).toEqual(series("2026-02-17", 30, { "2026-03-12": 1, "2026-03-14": 1, "2026-03-17": 1, "2026-03-18": 1 }));
    expect(a.topByEnrollments.map((t) => [t.title, t.count])).toEqual([
      ['Data, "analysis"', 2],
      ["No lessons yet", 1],
      ["Other course", 1],
    ]);
    expect(all.topByEnrollments[0]).toMatchObject({ title: 'Data, "analysis"', count: 3 });
    // Courses and storage are the platform's whoever is counted.
    expect(a.courses).toEqual(all.courses);
    expect(a.storage).toEqual(all.storage);

    const csv = await exportAdminAnalytics(f.admin, of(morning), NOW);
    expect(csv.fileName).toBe("budhhub-courses-morning-30d-2026-03-18.csv");
    const rows = (await new Response(csv.body).text()).split("\r\n");
    expect(rows[1]).toBe('"Data, ""analysis""",Ivy Instructor,published,2,1,50,50');
  });
});
