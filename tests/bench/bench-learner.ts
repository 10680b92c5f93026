import bcrypt from "bcryptjs";
import { sql } from "drizzle-orm";
import type { Connection } from "@/lib/db/connect";
import type { AppServer } from "../helpers/app-server";

/**
 * The learner whose requests the learner scenarios make: the first generated learner, given a password so that the bench
 * can sign in as they would (the analytics instructor gets the same), and one of their enrolled courses. Generated lessons have no video; the bench lesson gets a
 * video key so that the video-url route signs a URL (signing does not read the object, which does not exist).
 */

export const BENCH_LEARNER_EMAIL = "learner0@bench.budhhub.test";
const BENCH_PASSWORD = "bench-learner-password";

export type BenchLearner = { email: string; courseId: string; courseSlug: string; lessonIds: [string, string] };

/** Gives a generated user the bench password, so that the bench can sign in as them. */
export async function setBenchPassword(connection: Connection, email: string) {
  // Cost 4: the bench signs in once; the hash's cost does not change what is measured.
  const hash = bcrypt.hashSync(BENCH_PASSWORD, 4);
  await connection.db.execute(sql`update users set password_hash = ${hash} where email = ${email}`);
}

/** Questions the bench learner asked on their first lesson (the discussions scenario reads its first page). */
const BENCH_QUESTIONS = 60;

export async function prepareBenchLearner(connection: Connection): Promise<BenchLearner> {
  await setBenchPassword(connection, BENCH_LEARNER_EMAIL);
  const result = await connection.db.execute(sql`
    select e.course_id, c.slug, l.id as lesson_id
    from enrollments e
    join courses c on c.id = e.course_id
    join users u on u.id = e.learner_id
    join modules m on m.course_id = e.course_id
    join lessons l on l.module_id = m.id
    where u.email = ${BENCH_LEARNER_EMAIL}
    order by e.enrolled_at, e.id, m.ord, l.ord
    limit 2`);
  type Row = { course_id: string; slug: string; lesson_id: string };
  const rows = (result as unknown as { rows: Row[] }).rows;
  if (rows.length < 2 || rows[0]!.course_id !== rows[1]!.course_id) {
    throw new Error(`${BENCH_LEARNER_EMAIL} has no enrolled course with two lessons: generate some enrollments`);
  }
  const [first, second] = rows as [Row, Row];
  await connection.db.execute(sql`
    update lessons set video_key = ${`lessons/${first.lesson_id}/videos/bench.webm`}, video_mime_type = 'video/webm', video_size = 1000
    where id = ${first.lesson_id}`);
  // Questions on the first lesson, for the "questions" scenario: more than one page of them, some upvoted and replied to.
  await connection.db.execute(sql`
    insert into discussion_threads (course_id, lesson_id, author_id, title, body, upvote_count, reply_count, created_at)
    select ${first.course_id}, ${first.lesson_id}, u.id, 'Question ' || i || ' about this lesson',
           'How does step ' || i || ' work when the input is empty? I tried it **twice** and got different results.',
           i % 7, i % 3, now() - i * interval '1 hour'
    from generate_series(1, ${BENCH_QUESTIONS}) i, users u
    where u.email = ${BENCH_LEARNER_EMAIL}`);
  return {
    email: BENCH_LEARNER_EMAIL,
    courseId: first.course_id,
    courseSlug: first.slug,
    lessonIds: [first.lesson_id, second.lesson_id],
  };
}

/** Signs a bench user in through the app's own sign-in route; returns the Cookie header for their requests. */
export async function signInBenchUser(server: AppServer, email: string): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`${email}'s sign-in answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .filter((pair) => pair.startsWith("authjs.session-token="));
  if (cookie.length === 0) throw new Error(`${email}'s sign-in set no session cookie`);
  return cookie.join("; ");
}
