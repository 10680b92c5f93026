import "server-only";
import { issueCertificates } from "@/lib/certificates/issue-certificates";
import fs from "node:fs";
import path from "node:path";
import { count, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import {
  discussionReplies,
  discussionThreads,
  discussionThreadUpvotes,
  categories,
  courseMaterials,
  courses,
  enrollments,
  lessonProgress,
  lessons,
  modules,
  type NewCourse,
  type NewCourseMaterial,
  type NewEnrollment,
  type NewLesson,
  type NewLessonProgress,
  type NewModule,
  type NewQuiz,
  type NewQuizAnswer,
  type NewQuizAttempt,
  type NewQuizQuestion,
  type NewUser,
  type NewAssignment,
  type NewAssignmentSubmission,
  type NewSubmissionFile,
  type NewSubmissionVersion,
  assignmentSubmissions,
  assignments,
  submissionFiles,
  submissionVersions,
  quizAnswers,
  quizAttempts,
  quizExtraAttempts,
  quizQuestions,
  quizzes,
  users,
} from "@/lib/db/schema";
import { log } from "@/lib/log/logger";
import { getStorage } from "@/lib/storage";
import { storageKeys } from "@/lib/storage/keys";
import { slugify } from "@/lib/courses/slugify";
import { questionColumns } from "@/lib/quizzes/authored-question";
import { DEFAULT_ASSIGNMENT_SETTINGS, assignmentSettingsSchema } from "@/lib/validation/assignment";
import { DEFAULT_QUIZ_SETTINGS, questionSchema } from "@/lib/validation/quiz";
import { demoCourses, type DemoCourse } from "./courses";
import { demoAssignments } from "./assignments";
import { demoDiscussionRows } from "./discussions";
import { demoQuizzes } from "./quizzes";
import { demoQuizAttempt, type QuizOutcome } from "./quiz-attempts";

export const DEMO_PASSWORD = "budhhub-demo";

export const demoAccounts = [
  { key: "admin", email: "admin@budhhub.test", name: "Avery Admin", role: "ADMIN" },
  {
    key: "ada",
    email: "ada@budhhub.test",
    name: "Ada Lovelace",
    role: "INSTRUCTOR",
    bio: "Ada writes software for a living and teaches the way she learned: one small program that works, then the next. She has taught Python, statistics and accessible web design to evening classes and company teams for ten years.",
  },
  {
    key: "alan",
    email: "alan@budhhub.test",
    name: "Alan Turing",
    role: "INSTRUCTOR",
    bio: "Alan has spent fifteen years turning business questions into SQL and TypeScript. He teaches analysts and developers to write queries and types they can still read a year later, and product people to ask the questions worth answering.",
  },
  ...[1, 2, 3, 4, 5].map((n) => ({
    key: `learner${n}`,
    email: `learner${n}@budhhub.test`,
    name: ["Grace Hopper", "Katherine Johnson", "Tim Berners-Lee", "Margaret Hamilton", "Edsger Dijkstra"][n - 1]!,
    role: "LEARNER" as const,
  })),
] as const satisfies readonly { key: string; email: string; name: string; role: NewUser["role"]; bio?: string }[];

const assetsDir = path.join(process.cwd(), "src", "lib", "demo", "assets");
const SAMPLE_VIDEO = { file: "sample-video.webm", type: "video/webm", durationSeconds: 8 };
const SAMPLE_PDF = { file: "sample-handout.pdf", type: "application/pdf" };
/** assets/thumbnails/<demo course id>.png, drawn by scripts/demo-thumbnails.ts. */
const thumbnailFile = (course: DemoCourse) => path.join("thumbnails", `${course.slug}.png`);

/** The module that ends with the course's assignment: the last one with room for it (five lessons at most, a quiz counted). */
function assignmentModule(course: DemoCourse): number {
  const sizes = course.modules.map(
    (m, i) => m.lessons.length + demoQuizzes.filter((q) => q.course === course.slug && q.module === i).length,
  );
  for (let i = sizes.length - 1; i >= 0; i--) if (sizes[i]! < 5) return i;
  return sizes.length - 1;
}

/** Reading speed for the demo's text, in words a minute. */
const READING_WPM = 200;

/** The lesson with the video takes as long as the video and its text: no more than the sample holds. */
export function videoLessonMinutes(content: string, videoSeconds: number): number {
  const words = content.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.ceil(videoSeconds / 60 + words / READING_WPM));
}

/**
 * Which learners take which published course (by position in demoCourses, drafts skipped) and how many of its lessons
 * they have completed: "all", or a count. Gives partial progress, one finished course and one learner with nothing.
 */
const demoEnrollments: {
  learner: string;
  course: number;
  completed: number | "all";
  daysAgo: number;
  /** Their attempts at the course's quiz, in order; a passed one completes the quiz lesson. */
  quiz?: QuizOutcome[];
  /** Attempts the instructor granted beyond the quiz's maxAttempts. */
  extraAttempts?: number;
  /** Where their work on the course's assignment stands; a passing grade completes the assignment lesson. */
  assignment?: DemoSubmission;
}[] = [
  { learner: "learner1", course: 0, completed: 3, daysAgo: 20, quiz: ["fail"], assignment: "late" },
  { learner: "learner1", course: 1, completed: 1, daysAgo: 9 },
  { learner: "learner1", course: 2, completed: 0, daysAgo: 2 },
  { learner: "learner2", course: 0, completed: "all", daysAgo: 45, quiz: ["fail", "pass"], assignment: "passed" },
  { learner: "learner2", course: 3, completed: 2, daysAgo: 12, quiz: ["pass"], assignment: "submitted" },
  { learner: "learner3", course: 0, completed: 1, daysAgo: 30, quiz: ["pass"], assignment: "returned" },
  { learner: "learner3", course: 4, completed: 4, daysAgo: 6, quiz: ["fail", "pass"], assignment: "failed" },
  { learner: "learner4", course: 5, completed: 2, daysAgo: 3, quiz: ["fail", "fail"], extraAttempts: 1 },
];

/** The states a demo learner's submission can be in: waiting (on time or late), graded (passed or not), sent back. */
type DemoSubmission = "submitted" | "late" | "passed" | "failed" | "returned";

export async function isDatabaseEmpty(): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

/**
 * Writes the demo accounts, courses, enrollments and sample media. Media objects are stored first and every row is
 * written in one transaction; if the transaction fails the objects are removed again, so nothing points at a missing
 * object and no object is left without a row.
 */
export async function seedDemoData(): Promise<{ users: number; courses: number; lessons: number; enrollments: number }> {
  const logger = log("SEED");
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();

  const userRows: NewUser[] = demoAccounts.map((a, i) => ({
    id: crypto.randomUUID(),
    email: a.email,
    name: a.name,
    bio: "bio" in a ? a.bio : null,
    role: a.role,
    passwordHash,
    emailVerified: now,
    onboardedAt: now,
    createdAt: daysAgo(60 - i),
  }));
  const userId = (key: string) => userRows[demoAccounts.findIndex((a) => a.key === key)]!.id!;

  const courseRows: NewCourse[] = [];
  const moduleRows: NewModule[] = [];
  const lessonRows: NewLesson[] = [];
  const materialRows: NewCourseMaterial[] = [];
  const uploads: { key: string; file: string; type: string; size: number }[] = [];
  const lessonIdsByCourse = new Map<string, string[]>();
  const quizRows: NewQuiz[] = [];
  const questionRows: NewQuizQuestion[] = [];
  const assignmentRows: NewAssignment[] = [];
  const seedAssignments = new Map<string, { maxPoints: number; passingPoints: number; dueAt: Date | null; acceptsPdf: boolean }>();
  const seedQuizzes = new Map<
    string,
    { passingScore: number; timeLimitMinutes: number | null; questions: Parameters<typeof demoQuizAttempt>[0] }
  >();

  demoCourses.forEach((course, courseIndex) => {
    const courseId = crypto.randomUUID();
    const created = daysAgo(90 - courseIndex * 7);
    let totalLessons = 0;
    let totalMinutes = 0;
    const lessonIds: string[] = [];
    course.modules.forEach((mod, moduleIndex) => {
      const moduleId = crypto.randomUUID();
      moduleRows.push({ id: moduleId, courseId, title: mod.title, ord: moduleIndex, createdAt: created });
      mod.lessons.forEach((lesson, lessonIndex) => {
        const lessonId = crypto.randomUUID();
        lessonIds.push(lessonId);
        totalLessons += 1;
        const minutes = lesson.video ? videoLessonMinutes(lesson.content, SAMPLE_VIDEO.durationSeconds) : (lesson.durationMinutes ?? 0);
        totalMinutes += minutes;
        const row: NewLesson = {
          id: lessonId,
          moduleId,
          title: lesson.title,
          content: lesson.content.trim(),
          durationMinutes: minutes,
          ord: lessonIndex,
          createdAt: created,
        };
        if (lesson.video) {
          const key = storageKeys.lessonVideo(lessonId, SAMPLE_VIDEO.file);
          const size = fs.statSync(path.join(assetsDir, SAMPLE_VIDEO.file)).size;
          uploads.push({ key, file: SAMPLE_VIDEO.file, type: SAMPLE_VIDEO.type, size });
          Object.assign(row, {
            videoKey: key,
            videoSize: size,
            videoMimeType: SAMPLE_VIDEO.type,
            videoDuration: SAMPLE_VIDEO.durationSeconds,
          });
        }
        lessonRows.push(row);
        if (lesson.pdf) {
          const materialId = crypto.randomUUID();
          const key = storageKeys.lessonMaterial(lessonId, materialId, SAMPLE_PDF.file);
          const size = fs.statSync(path.join(assetsDir, SAMPLE_PDF.file)).size;
          uploads.push({ key, file: SAMPLE_PDF.file, type: SAMPLE_PDF.type, size });
          materialRows.push({
            id: materialId,
            courseId,
            lessonId,
            fileName: SAMPLE_PDF.file,
            fileKey: key,
            fileType: SAMPLE_PDF.type,
            fileSize: size,
            materialType: "pdf",
          });
        }
      });
      for (const quiz of demoQuizzes.filter((q) => q.course === course.slug && q.module === moduleIndex)) {
        const lessonId = crypto.randomUUID();
        lessonIds.push(lessonId);
        totalLessons += 1;
        totalMinutes += quiz.durationMinutes;
        lessonRows.push({
          id: lessonId,
          moduleId,
          kind: "quiz",
          title: quiz.title,
          content: quiz.content,
          durationMinutes: quiz.durationMinutes,
          ord: mod.lessons.length,
          createdAt: created,
        });
        const settings = { ...DEFAULT_QUIZ_SETTINGS, ...quiz.settings };
        quizRows.push({ lessonId, ...settings, updatedAt: created });
        // Checked and stored as the authoring API would (questionSchema, questionColumns).
        const rows = quiz.questions.map((question, ord) => ({
          id: crypto.randomUUID(),
          lessonId,
          ord,
          // The schema drops `mistake`; questionColumns sets every column.
          ...(questionColumns(questionSchema.parse(question)) as Required<ReturnType<typeof questionColumns>>),
          createdAt: created,
          updatedAt: created,
        }));
        questionRows.push(...rows);
        const questions = rows.map((row, i) => ({ ...row, mistake: quiz.questions[i]!.mistake }));
        seedQuizzes.set(lessonId, { passingScore: settings.passingScore, timeLimitMinutes: settings.timeLimitMinutes, questions });
      }
      const assignment = moduleIndex === assignmentModule(course) ? demoAssignments.find((a) => a.course === course.slug) : undefined;
      if (assignment) {
        const lessonId = crypto.randomUUID();
        lessonIds.push(lessonId);
        totalLessons += 1;
        totalMinutes += assignment.durationMinutes;
        lessonRows.push({
          id: lessonId,
          moduleId,
          kind: "assignment",
          title: assignment.title,
          content: assignment.content,
          durationMinutes: assignment.durationMinutes,
          ord: lessonRows.filter((l) => l.moduleId === moduleId).length,
          createdAt: created,
        });
        const { dueInDays, ...settings } = assignment.settings;
        const row = assignmentSettingsSchema.parse({ ...DEFAULT_ASSIGNMENT_SETTINGS, ...settings });
        const dueAt = dueInDays === null ? null : new Date(now.getTime() + dueInDays * 86_400_000);
        assignmentRows.push({ lessonId, ...row, dueAt, updatedAt: created });
        seedAssignments.set(lessonId, {
          maxPoints: row.maxPoints,
          passingPoints: row.passingPoints,
          dueAt,
          acceptsPdf: row.acceptFiles && (row.acceptedTypes.length === 0 || row.acceptedTypes.includes(SAMPLE_PDF.type)),
        });
      }
    });
    lessonIdsByCourse.set(courseId, lessonIds);
    const thumbnail = thumbnailFile(course);
    const thumbnailKey = storageKeys.courseThumbnail(courseId, path.basename(thumbnail));
    uploads.push({ key: thumbnailKey, file: thumbnail, type: "image/png", size: fs.statSync(path.join(assetsDir, thumbnail)).size });
    courseRows.push({
      id: courseId,
      instructorId: userId(course.instructor),
      title: course.title,
      // The URL an instructor creating the course would get (src/lib/courses/course-slug.ts); the demo's titles differ.
      slug: slugify(course.title),
      description: course.description,
      outcomes: course.outcomes,
      thumbnailKey,
      category: course.category,
      difficulty: course.difficulty,
      estimatedDuration: totalMinutes,
      totalLessons,
      isPublished: course.published,
      // Every published demo course awards a certificate, so that the demo shows them.
      certificateEnabled: course.published,
      publishedAt: course.published ? created : null,
      createdAt: created,
      updatedAt: created,
    });
  });

  const published = courseRows.filter((c) => c.isPublished);
  const enrollmentRows: NewEnrollment[] = [];
  const progressRows: NewLessonProgress[] = [];
  const attemptRows: NewQuizAttempt[] = [];
  const answerRows: NewQuizAnswer[] = [];
  const extraAttemptRows: (typeof quizExtraAttempts.$inferInsert)[] = [];
  const submissionRows: NewAssignmentSubmission[] = [];
  const versionRows: NewSubmissionVersion[] = [];
  const fileRows: NewSubmissionFile[] = [];
  demoEnrollments.forEach((e, enrollmentIndex) => {
    const course = published[e.course];
    if (!course) return;
    const lessonIds = lessonIdsByCourse.get(course.id!)!;
    const done = e.completed === "all" ? lessonIds.length : Math.min(e.completed, lessonIds.length);
    const enrollmentId = crypto.randomUUID();
    const enrolledAt = daysAgo(e.daysAgo);
    // The first `done` lessons, in curriculum order; a quiz among them only when passed, and a passed quiz always.
    const completedAt = new Map<string, Date>();
    lessonIds.slice(0, done).forEach((lessonId, i) => {
      if (!seedQuizzes.has(lessonId) && !seedAssignments.has(lessonId)) completedAt.set(lessonId, daysAgo(Math.max(0, e.daysAgo - i - 1)));
    });
    const quizLessonId = lessonIds.find((id) => seedQuizzes.has(id));
    if (e.quiz?.length && quizLessonId) {
      const quiz = seedQuizzes.get(quizLessonId)!;
      const day = Math.max(1, e.daysAgo - done);
      e.quiz.forEach((outcome, i) => {
        const { answers, graded } = demoQuizAttempt(quiz.questions, quiz.passingScore, outcome, enrollmentIndex + i);
        const attemptId = crypto.randomUUID();
        const startedAt = new Date(daysAgo(day).getTime() + i * 3_600_000);
        const submittedAt = new Date(startedAt.getTime() + (6 + i) * 60_000);
        attemptRows.push({
          id: attemptId,
          lessonId: quizLessonId,
          enrollmentId,
          number: i + 1,
          startedAt,
          deadlineAt: quiz.timeLimitMinutes === null ? null : new Date(startedAt.getTime() + quiz.timeLimitMinutes * 60_000),
          submittedAt,
          questionOrder: quiz.questions.map((q) => q.id),
          optionOrder: Object.fromEntries(
            quiz.questions.filter((q) => q.options.length > 0).map((q) => [q.id, q.options.map((o) => o.id)]),
          ),
          score: graded.score,
          pointsEarned: graded.pointsEarned,
          pointsPossible: graded.pointsPossible,
          passed: graded.passed,
        });
        answerRows.push(
          ...graded.answers.map((a) => ({
            attemptId,
            questionId: a.questionId,
            answer: answers.get(a.questionId) ?? null,
            correct: a.correct,
            pointsAwarded: a.points,
            updatedAt: submittedAt,
          })),
        );
        if (graded.passed && !completedAt.has(quizLessonId)) completedAt.set(quizLessonId, submittedAt);
      });
      if (e.extraAttempts) {
        extraAttemptRows.push({ lessonId: quizLessonId, enrollmentId, extra: e.extraAttempts, grantedBy: course.instructorId });
      }
    }
    const assignmentLessonId = lessonIds.find((id) => seedAssignments.has(id));
    if (e.assignment && assignmentLessonId) {
      const a = seedAssignments.get(assignmentLessonId)!;
      const { submission, versions, files } = demoSubmission(e.assignment, a, {
        lessonId: assignmentLessonId,
        enrollmentId,
        learnerId: userId(e.learner),
        gradedBy: course.instructorId!,
      });
      submissionRows.push(submission);
      versionRows.push(...versions);
      fileRows.push(...files);
      if (submission.passed) completedAt.set(assignmentLessonId, submission.gradedAt!);
    }
    const last = [...completedAt.values()].reduce<Date | null>((a, b) => (a && a > b ? a : b), null);
    enrollmentRows.push({
      id: enrollmentId,
      courseId: course.id!,
      learnerId: userId(e.learner),
      enrolledAt,
      progress: lessonIds.length === 0 ? 0 : Math.floor((completedAt.size * 100) / lessonIds.length),
      completedAt: completedAt.size === lessonIds.length && lessonIds.length > 0 ? last : null,
      lastAccessedAt: last ?? enrolledAt,
    });
    for (const [lessonId, at] of completedAt) {
      progressRows.push({ enrollmentId, lessonId, completed: true, completedAt: at, updatedAt: at });
    }
  });

  const discussion = demoDiscussionRows(
    published.map((c) => ({ id: c.id!, instructorId: c.instructorId })),
    lessonIdsByCourse,
    userId,
    daysAgo,
  );

  for (const f of fileRows) {
    uploads.push({ key: f.objectKey, file: SAMPLE_PDF.file, type: SAMPLE_PDF.type, size: f.size });
  }
  const storage = getStorage();
  for (const u of uploads) {
    await storage.put(u.key, fs.createReadStream(path.join(assetsDir, u.file)), { contentType: u.type, size: u.size });
  }
  try {
    await db.transaction(async (tx) => {
      await tx.insert(users).values(userRows);
      const names = [...new Set(demoCourses.map((c) => c.category))];
      await tx
        .insert(categories)
        .values(names.map((name) => ({ name })))
        .onConflictDoNothing();
      await tx.insert(courses).values(courseRows);
      await tx.insert(modules).values(moduleRows);
      await tx.insert(lessons).values(lessonRows);
      if (materialRows.length) await tx.insert(courseMaterials).values(materialRows);
      if (enrollmentRows.length) await tx.insert(enrollments).values(enrollmentRows);
      if (progressRows.length) await tx.insert(lessonProgress).values(progressRows);
      if (quizRows.length) await tx.insert(quizzes).values(quizRows);
      if (questionRows.length) await tx.insert(quizQuestions).values(questionRows);
      if (attemptRows.length) await tx.insert(quizAttempts).values(attemptRows);
      if (answerRows.length) await tx.insert(quizAnswers).values(answerRows);
      if (extraAttemptRows.length) await tx.insert(quizExtraAttempts).values(extraAttemptRows);
      if (assignmentRows.length) await tx.insert(assignments).values(assignmentRows);
      if (submissionRows.length) await tx.insert(assignmentSubmissions).values(submissionRows);
      if (versionRows.length) await tx.insert(submissionVersions).values(versionRows);
      if (fileRows.length) await tx.insert(submissionFiles).values(fileRows);
      // Demo questions, written as rows: nobody is notified.
      if (discussion.threads.length) await tx.insert(discussionThreads).values(discussion.threads);
      if (discussion.replies.length) await tx.insert(discussionReplies).values(discussion.replies);
      if (discussion.upvotes.length) await tx.insert(discussionThreadUpvotes).values(discussion.upvotes);
      await tx.execute(sql`update courses c set enrollment_count = (select count(*)::int from enrollments e where e.course_id = c.id)`);
      // The demo learners who completed a course hold its certificate, as if they had completed it in the app.
      for (const course of courseRows) {
        const completed = enrollmentRows.filter((e) => e.courseId === course.id && e.completedAt).map((e) => e.id!);
        await issueCertificates(tx, course.id!, completed);
      }
    });
  } catch (error) {
    await Promise.all(uploads.map((u) => storage.delete(u.key).catch(() => undefined)));
    throw error;
  }
  const summary = {
    users: userRows.length,
    courses: courseRows.length,
    lessons: lessonRows.length,
    enrollments: enrollmentRows.length,
  };
  logger.info(summary, "demo data written");
  return summary;
}

const DEMO_ANSWERS: Record<DemoSubmission, string> = {
  submitted: "Here is my work. I kept it short and tested it on the examples from the lessons.",
  late: "Sorry this is late: here is my answer, with the file attached.",
  passed: "My answer, with the steps I took and what I would do next.",
  failed: "A first go at it; I was not sure about the second part.",
  returned: "A draft: the main idea is here, the details are not yet.",
};
const DEMO_FEEDBACK: Partial<Record<DemoSubmission, string>> = {
  passed: "Clear and complete. **Well done**: the next step you suggest is the right one.",
  failed: "The first part is right; the second misses the question. Have another look at the module's last lesson.",
  returned: "Good start. Please add the details for each step and hand it in again.",
};

/**
 * One demo learner's submission in the given state, with its versions (a returned one has its first version sent back)
 * and, for a late one on an assignment that takes PDFs, the sample handout as its file. Grades follow the assignment's
 * points: a pass at 90 % of the maximum, a fail below the pass mark.
 */
function demoSubmission(
  state: DemoSubmission,
  a: { maxPoints: number; passingPoints: number; dueAt: Date | null; acceptsPdf: boolean },
  ids: { lessonId: string; enrollmentId: string; learnerId: string; gradedBy: string },
) {
  const id = crypto.randomUUID();
  const versionId = crypto.randomUUID();
  const late = state === "late" && a.dueAt !== null;
  const submittedAt = late ? new Date(a.dueAt!.getTime() + 3_600_000) : daysAgo(3);
  const graded = state === "passed" || state === "failed" || state === "returned";
  const points =
    state === "passed" ? Math.round(a.maxPoints * 0.9) : graded ? Math.max(0, a.passingPoints - Math.ceil(a.maxPoints / 5)) : null;
  const gradedAt = graded ? new Date(submittedAt.getTime() + 86_400_000) : null;
  const passed = state === "passed" ? true : state === "failed" ? false : null;
  const submission: NewAssignmentSubmission = {
    id,
    lessonId: ids.lessonId,
    enrollmentId: ids.enrollmentId,
    status: state === "returned" ? "returned" : graded ? "graded" : "submitted",
    late,
    versions: 1,
    submittedAt,
    points,
    passed,
    gradedAt,
  };
  const versions: NewSubmissionVersion[] = [
    {
      id: versionId,
      submissionId: id,
      number: 1,
      text: DEMO_ANSWERS[state],
      late,
      submittedAt,
      points,
      feedback: DEMO_FEEDBACK[state] ?? null,
      returnedForRevision: state === "returned",
      gradedAt,
      gradedBy: graded ? ids.gradedBy : null,
    },
  ];
  const size = fs.statSync(path.join(assetsDir, SAMPLE_PDF.file)).size;
  const files: NewSubmissionFile[] =
    state === "late" && a.acceptsPdf
      ? [
          {
            versionId,
            objectKey: storageKeys.submissionFile(ids.lessonId, ids.learnerId, "my-answer.pdf"),
            fileName: "my-answer.pdf",
            contentType: SAMPLE_PDF.type,
            size,
          },
        ]
      : [];
  return { submission, versions, files };
}

/** Empties every table (and the stored objects the rows point at), for `npm run db:seed -- --reset`. */
export async function wipeAllData(): Promise<void> {
  const storage = getStorage();
  const [courseIds, lessonIds] = await Promise.all([
    db.select({ id: courses.id }).from(courses),
    db.select({ id: lessons.id }).from(lessons),
  ]);
  await db.execute(
    sql`truncate table users, accounts, verification_tokens, password_reset_tokens, rate_limits, courses, modules, lessons, course_materials, enrollments, lesson_progress, quizzes, quiz_questions, quiz_attempts, quiz_answers, quiz_extra_attempts, assignments, assignment_submissions, submission_versions, submission_files, app_settings, cohorts, cohort_members, cohort_courses, invitations, upload_sessions, user_sessions, categories, course_slug_redirects restart identity cascade`,
  );
  await Promise.all([
    ...courseIds.map((c) => storage.deletePrefix(storageKeys.coursePrefix(c.id))),
    ...lessonIds.map((l) => storage.deletePrefix(storageKeys.lessonPrefix(l.id))),
  ]);
}
