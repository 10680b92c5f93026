import { ApiClient, DEMO_PASSWORD, strongPassword, type ApiResponse } from "../helpers/api-client";
import type { Query } from "./consistency";
import { takeDemoQuiz, type SubmittedAttempt } from "./learner-quiz";

/**
 * Simulated learners for the fault tests and the soak: each signs in, takes a course and does what a learner does,
 * every answer recorded with its action, status and time.
 */
export type Outcome = { at: number; action: string; status: number; ms: number; retryAfter: string | null; body: string };

/** The course's plain lessons (for video positions), and the lessons and quizzes in curriculum order (to complete). */
export type CourseLessons = { courseId: string; lessonIds: string[]; items: { id: string; kind: "lesson" | "quiz" }[] };

/**
 * What a learner does besides reading, saving positions and completing plain lessons: take the course's quizzes when
 * their turn comes, and ask a question on the lesson at hand about every `questionEveryMs` (the first one at a random
 * moment within that span; the posting limit is 10 a minute). Off unless asked for.
 */
export type LearnerOptions = { quizzes?: boolean; questionEveryMs?: number; startAt?: number | "quiz" };

export class Learner {
  readonly client: ApiClient;
  readonly outcomes: Outcome[] = [];
  /** Lessons whose completion the server acknowledged with a 200: each must be a row afterwards. */
  readonly acknowledged: { courseId: string; lessonId: string }[] = [];
  /** Quiz attempts whose submission the server acknowledged with a 200: each must be a graded attempt afterwards. */
  readonly submitted: SubmittedAttempt[] = [];
  /** Questions the server acknowledged with a 201: each must be a thread afterwards. */
  readonly asked: string[] = [];
  course: CourseLessons | null = null;
  email = "";
  private step = 0;
  private nextQuestionAt = Infinity;

  constructor(
    base: string,
    private readonly options: LearnerOptions = {},
  ) {
    this.client = new ApiClient(base);
  }

  async record(action: string, send: () => Promise<ApiResponse>): Promise<ApiResponse | null> {
    const started = Date.now();
    try {
      const response = await send();
      this.outcomes.push({
        at: started,
        action,
        status: response.status,
        ms: Date.now() - started,
        retryAfter: response.headers.get("retry-after"),
        body: response.status >= 400 ? response.text.slice(0, 2000) : "",
      });
      return response;
    } catch (error) {
      // No answer at all (connection refused or reset): status 0.
      this.outcomes.push({ at: started, action, status: 0, ms: Date.now() - started, retryAfter: null, body: String(error) });
      return null;
    }
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    this.email = email;
    const response = await this.record("sign in", () => this.client.signIn(email, password));
    if (response?.status !== 200) throw new Error(`sign-in of ${email} answered ${response?.status}: ${response?.text}`);
  }

  /** A new account (its address unconfirmed, which may learn), signed in. */
  async signUp(email: string) {
    const password = strongPassword();
    const response = await this.record("sign up", () => this.client.signUp({ email, password, name: email.split("@")[0] }));
    if (response?.status !== 202) throw new Error(`sign-up of ${email} answered ${response?.status}: ${response?.text}`);
    await this.signIn(email, password);
  }

  /** Enrolls in the course (an existing enrollment is fine) and learns its lessons and quizzes. */
  async join(courseId: string) {
    await this.record("enroll", () => this.client.post(`/api/courses/${courseId}/enroll`));
    const mine = await this.record("open course", () => this.client.get(`/api/my-courses/${courseId}`));
    if (mine?.status !== 200) throw new Error(`opening course ${courseId} answered ${mine?.status}: ${mine?.text}`);
    const { curriculum } = mine.json<{ curriculum: { lessons: { id: string; kind: string }[] }[] }>();
    const lessons = curriculum.flatMap((m) => m.lessons);
    const items = lessons.filter((l) => l.kind === "lesson" || (this.options.quizzes && l.kind === "quiz"));
    this.course = {
      courseId,
      lessonIds: lessons.filter((l) => l.kind === "lesson").map((l) => l.id),
      items: items.map((l) => ({ id: l.id, kind: l.kind as "lesson" | "quiz" })),
    };
    if (this.options.questionEveryMs) this.nextQuestionAt = Date.now() + Math.random() * this.options.questionEveryMs;
  }

  /**
   * One learner action, in turn: list my courses, open the course (and ask a question when one is due), save a video
   * position, complete the next lesson or take the quiz when the next one is a quiz. `startAt` shifts where in the
   * course a learner begins (a lesson's index, or the first quiz).
   */
  async act() {
    const course = this.course!;
    const lessonId = course.lessonIds[this.step % course.lessonIds.length]!;
    const lessonPath = `/api/my-courses/${course.courseId}/lessons/${lessonId}`;
    const startAt = this.options.startAt === "quiz" ? course.items.findIndex((i) => i.kind === "quiz") : (this.options.startAt ?? 0);
    const round = Math.floor(this.step / 4) + Math.max(0, startAt);
    const item = course.items[round % course.items.length]!;
    switch (this.step++ % 4) {
      case 0:
        await this.record("my courses", () => this.client.get("/api/my-courses"));
        break;
      case 1:
        await this.record("open course", () => this.client.get(`/api/my-courses/${course.courseId}`));
        if (Date.now() >= this.nextQuestionAt) await this.ask(item.id);
        break;
      case 2:
        await this.record("save position", () => this.client.put(`${lessonPath}/position`, { seconds: this.step }));
        break;
      default: {
        if (item.kind === "quiz") {
          const submitted = await takeDemoQuiz(this.client, (action, send) => this.record(action, send), course.courseId, item.id);
          if (submitted) this.submitted.push(submitted);
          // Passing a quiz completes its lesson.
          if (submitted?.passed) this.acknowledged.push({ courseId: course.courseId, lessonId: item.id });
          break;
        }
        const done = await this.record("complete lesson", () =>
          this.client.post(`/api/my-courses/${course.courseId}/lessons/${item.id}/complete`, { completed: true }),
        );
        if (done?.status === 200) this.acknowledged.push({ courseId: course.courseId, lessonId: item.id });
      }
    }
  }

  /** Asks a question on the lesson at hand. */
  private async ask(lessonId: string) {
    this.nextQuestionAt = Date.now() + this.options.questionEveryMs!;
    const n = this.asked.length + 1;
    const posted = await this.record("ask question", () =>
      this.client.post(`/api/courses/${this.course!.courseId}/discussions`, {
        lessonId,
        title: `Question ${n} from ${this.email.split("@")[0]}`,
        body: `Could someone explain this part again? (question ${n}, ${new Date().toISOString()})`,
      }),
    );
    if (posted?.status === 201) this.asked.push(posted.json<{ thread: { id: string } }>().thread.id);
  }
}

/**
 * `count` new learners (signed up and in, ten at a time), each enrolled in the course; where each starts is `startAt`
 * of its index (by default one lesson further on than the one before).
 */
export async function newLearners(
  base: string,
  count: number,
  courseId: string,
  prefix: string,
  options: Omit<LearnerOptions, "startAt"> = {},
  startAt: (index: number) => LearnerOptions["startAt"] = (index) => index,
): Promise<Learner[]> {
  const learners = Array.from({ length: count }, (_, i) => new Learner(base, { ...options, startAt: startAt(i) }));
  for (let i = 0; i < count; i += 10) {
    await Promise.all(
      learners.slice(i, i + 10).map(async (learner, j) => {
        await learner.signUp(`${prefix}-${i + j}-${Date.now().toString(36)}@example.test`);
        await learner.join(courseId);
      }),
    );
  }
  return learners;
}

/** Runs every learner's actions back to back until `until()` says stop. */
export async function keepActing(learners: Learner[], until: () => boolean, pauseMs = 100) {
  await Promise.all(
    learners.map(async (learner) => {
      while (!until()) {
        await learner.act();
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    }),
  );
}

/**
 * The learners' acknowledged writes that the database does not hold: completions without their completed row, quiz
 * submissions not there as a submitted attempt with the score answered, questions without their thread.
 */
export async function lostWrites(query: Query, learners: Learner[]) {
  const completedRows = await query(`
    select u.email, e.course_id, lp.lesson_id from lesson_progress lp
    join enrollments e on e.id = lp.enrollment_id join users u on u.id = e.learner_id where lp.completed`);
  const completed = new Set(completedRows.map((r) => `${String(r.email)}/${String(r.course_id)}/${String(r.lesson_id)}`));
  const attemptRows = await query(`select id, score from quiz_attempts where submitted_at is not null`);
  const graded = new Map(attemptRows.map((r) => [String(r.id), Number(r.score)]));
  const threads = new Set((await query(`select id from discussion_threads`)).map((r) => String(r.id)));
  return {
    completions: learners.flatMap((l) =>
      l.acknowledged.filter((a) => !completed.has(`${l.email}/${a.courseId}/${a.lessonId}`)).map((a) => ({ ...a, email: l.email })),
    ),
    attempts: learners.flatMap((l) => l.submitted.filter((s) => graded.get(s.attemptId) !== s.score)),
    threads: learners.flatMap((l) => l.asked.filter((id) => !threads.has(id))),
  };
}

/** How many writes the learners had acknowledged, for a script's output. */
export const acknowledgedWrites = (learners: Learner[]) => ({
  completions: learners.reduce((n, l) => n + l.acknowledged.length, 0),
  attempts: learners.reduce((n, l) => n + l.submitted.length, 0),
  threads: learners.reduce((n, l) => n + l.asked.length, 0),
});
