/**
 * How long a new lesson takes to reach every learner of a large course, and how many SQL statements it costs:
 * `npm run bench:fanout -- [--learners 100000] [--database-url postgres://…]`. It makes a fresh database (a PGlite folder
 * under the temp directory, or a new database on the server), a published course with that many enrolled learners, adds
 * a lesson as its instructor would, runs the app's own workers until every learner has the notification, then queues
 * the daily digest (one mail job per learner). Statements are counted at the driver, the queue's own included; the
 * count-polling of this script is left out.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, count, eq } from "drizzle-orm";
import { Client } from "pg";
import { setConnection } from "@/lib/db/client";
import { connectDatabase, type Connection } from "@/lib/db/connect";
import { migrateDatabase } from "@/lib/db/migrate";
import { courses, lessons, modules, notificationDigestItems, notifications, users } from "@/lib/db/schema";
import { createLesson } from "@/lib/curriculum/manage-lessons";
import { JobQueue, setJobQueue } from "@/lib/jobs/queue";
import { defineQueues, JOB_NAMES } from "@/lib/jobs/names";
import { registerWorkers } from "@/lib/jobs/workers";
import { sendDigests } from "@/lib/notifications/digests";
import { FAN_OUT_BATCH } from "@/lib/notifications/fan-out";
import { loadSessionUser } from "@/lib/users/session-user";

const { values: args } = parseArgs({ options: { learners: { type: "string", default: "100000" }, "database-url": { type: "string" } } });
const learners = Number(args.learners);
const serverUrl = args["database-url"] ?? process.env.BENCH_DATABASE_URL;

let counting = false;
let statements = 0;
const onQuery = () => {
  if (counting) statements += 1;
};

async function open(): Promise<{ connection: Connection; label: string; remove: () => Promise<void> }> {
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-fanout-"));
    const connection = connectDatabase({ driver: "pglite", dataDir: path.join(dir, "pglite"), command: "bench:fanout", onQuery });
    return { connection, label: "PGlite (embedded, on disk)", remove: async () => void fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `budhhub_fanout_${randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = connectDatabase({ driver: "pg", url: url.toString(), poolMax: 10, onQuery });
  return {
    connection,
    label: `PostgreSQL server (${url.host})`,
    remove: async () => {
      const cleanup = new Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

async function main() {
  const { connection, label, remove } = await open();
  let queue: JobQueue | undefined;
  try {
    setConnection(connection);
    await migrateDatabase(connection);
    queue = new JobQueue(connection, { supervise: false });
    await defineQueues(queue);
    setJobQueue(queue);
    const { db } = connection;

    const [instructorRow] = await db
      .insert(users)
      .values({
        email: "fanout-instructor@example.test",
        name: "Instructor",
        role: "INSTRUCTOR",
        onboardedAt: new Date(),
        emailVerified: new Date(),
      })
      .returning({ id: users.id });
    const instructor = (await loadSessionUser(instructorRow!.id))!;
    const [course] = await db
      .insert(courses)
      .values({
        instructorId: instructor.id,
        title: "A very large course",
        description: "d",
        isPublished: true,
        publishedAt: new Date(),
        totalLessons: 1,
      })
      .returning({ id: courses.id });
    const [module] = await db.insert(modules).values({ courseId: course!.id, title: "Week 1" }).returning({ id: modules.id });
    await db.insert(lessons).values({ moduleId: module!.id, title: "Welcome", ord: 0 });
    let started = performance.now();
    await connection.executeSql(
      `insert into users (id, email, name, role, onboarded_at, email_verified)
         select 'fanout-' || lpad(i::text, 7, '0'), 'learner' || i || '@example.test', 'Learner ' || i, 'LEARNER', now(), now()
         from generate_series(1, ${learners}) as i`,
    );
    await connection.executeSql(
      `insert into enrollments (course_id, learner_id) select '${course!.id}', id from users where id like 'fanout-%'`,
    );
    await connection.executeSql(`update courses set enrollment_count = ${learners} where id = '${course!.id}'`);
    console.log(`[fan-out] ${label}: ${learners.toLocaleString("en")} learners enrolled in ${seconds(started)} s`);

    const told = async () => {
      counting = false;
      const [row] = await db.select({ n: count() }).from(notifications).where(eq(notifications.kind, "new_lesson"));
      counting = true;
      return row!.n;
    };
    await registerWorkers(queue);
    statements = 0;
    counting = true;
    started = performance.now();
    await createLesson(instructor, course!.id, module!.id, { title: "Week 2: what is new" });
    const added = performance.now();
    let rssPeak = process.memoryUsage().rss;
    while ((await told()) < learners) {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      if (performance.now() - started > 30 * 60_000) throw new Error("the fan-out did not finish in 30 minutes");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const fanOutSeconds = seconds(started);
    const fanOutStatements = statements;
    counting = false;
    const [items] = await db
      .select({ n: count() })
      .from(notificationDigestItems)
      .where(and(eq(notificationDigestItems.kind, "new_lesson"), eq(notificationDigestItems.groupKey, course!.id)));
    const slices = Math.ceil(learners / FAN_OUT_BATCH);
    console.log(
      `[fan-out] adding the lesson (its transaction, the first job enqueued): ${((added - started) / 1000).toFixed(2)} s; ` +
        `every learner told in the app and queued for the digest: ${fanOutSeconds} s, ${slices} slices of ${FAN_OUT_BATCH.toLocaleString("en")}, ` +
        `${fanOutStatements.toLocaleString("en")} SQL statements (${(fanOutStatements / slices).toFixed(1)} per slice, the queue's own included), ` +
        `${items!.n.toLocaleString("en")} digest items; peak RSS ${(rssPeak / 2 ** 20).toFixed(0)} MiB`,
    );

    await queue.stop({ timeoutMs: 5000 });
    queue = new JobQueue(connection, { supervise: false });
    await defineQueues(queue);
    setJobQueue(queue);
    statements = 0;
    counting = true;
    started = performance.now();
    const digests = await sendDigests("daily");
    counting = false;
    const [mailJobs] = (await connection.executeSql(`select count(*)::int as n from pgboss.job where name = $1`, [JOB_NAMES.mailSend]))
      .rows;
    console.log(
      `[fan-out] the daily digest: ${digests.mails.toLocaleString("en")} mails queued (${String(mailJobs!.n)} mail jobs) for ` +
        `${digests.items.toLocaleString("en")} items in ${seconds(started)} s, ${statements.toLocaleString("en")} SQL statements`,
    );
  } finally {
    await queue?.stop({ timeoutMs: 5000 }).catch(() => undefined);
    setJobQueue(undefined);
    setConnection(undefined);
    await connection.close();
    await remove();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
