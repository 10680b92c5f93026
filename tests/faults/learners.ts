import { ApiClient, DEMO_PASSWORD, strongPassword, type ApiResponse } from "../helpers/api-client";

/**
 * Simulated learners for the fault tests and the soak: each signs in, takes a course and does what a learner does,
 * every answer recorded with its action, status and time.
 */
export type Outcome = { at: number; action: string; status: number; ms: number; retryAfter: string | null; body: string };

export type CourseLessons = { courseId: string; lessonIds: string[] };

export class Learner {
  readonly client: ApiClient;
  readonly outcomes: Outcome[] = [];
  /** Lessons whose completion the server acknowledged with a 200: each must be a row afterwards. */
  readonly acknowledged: { courseId: string; lessonId: string }[] = [];
  course: CourseLessons | null = null;
  email = "";
  private step = 0;

  constructor(base: string) {
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

  /** Enrolls in the course (an existing enrollment is fine) and learns its plain lessons. */
  async join(courseId: string) {
    await this.record("enroll", () => this.client.post(`/api/courses/${courseId}/enroll`));
    const mine = await this.record("open course", () => this.client.get(`/api/my-courses/${courseId}`));
    if (mine?.status !== 200) throw new Error(`opening course ${courseId} answered ${mine?.status}: ${mine?.text}`);
    const { curriculum } = mine.json<{ curriculum: { lessons: { id: string; kind: string }[] }[] }>();
    this.course = { courseId, lessonIds: curriculum.flatMap((m) => m.lessons.filter((l) => l.kind === "lesson").map((l) => l.id)) };
  }

  /** One learner action, in turn: list my courses, open the course, save a video position, complete the next lesson. */
  async act() {
    const course = this.course!;
    const lessonId = course.lessonIds[this.step % course.lessonIds.length]!;
    const lessonPath = `/api/my-courses/${course.courseId}/lessons/${lessonId}`;
    switch (this.step++ % 4) {
      case 0:
        await this.record("my courses", () => this.client.get("/api/my-courses"));
        break;
      case 1:
        await this.record("open course", () => this.client.get(`/api/my-courses/${course.courseId}`));
        break;
      case 2:
        await this.record("save position", () => this.client.put(`${lessonPath}/position`, { seconds: this.step }));
        break;
      default: {
        const done = await this.record("complete lesson", () => this.client.post(`${lessonPath}/complete`, { completed: true }));
        if (done?.status === 200) this.acknowledged.push({ courseId: course.courseId, lessonId });
      }
    }
  }
}

/** `count` new learners (signed up and in, ten at a time), each enrolled in the course. */
export async function newLearners(base: string, count: number, courseId: string, prefix: string): Promise<Learner[]> {
  const learners = Array.from({ length: count }, () => new Learner(base));
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
