import fs from "node:fs";
import path from "node:path";

/**
 * The check every fault test ends with, read straight from the database and the storage folder of a stopped (or
 * recovered) server:
 * - every enrollment's progress equals the one recomputed from its lessons (the rule of src/lib/learning/progress.ts);
 * - no row points at a missing object;
 * - no object is left that nothing points at (a pending upload's objects are the sweeper's, not counted while pending);
 * - no job lost: none failed for good, none left active by a dead worker once its expiry has passed;
 * - every submitted quiz attempt graded (score, passed, and a graded answer row for each of its questions), and a quiz
 *   lesson completed exactly when one of the enrollment's attempts at it passed;
 * - every discussion counter equal to what it counts (a thread's replies not hidden and upvotes, a reply's upvotes).
 */
export type Query = (text: string) => Promise<Record<string, unknown>[]>;
export type Consistency = {
  enrollments: number;
  progressMismatches: Record<string, unknown>[];
  missingObjects: string[];
  unreferencedObjects: string[];
  failedJobs: Record<string, unknown>[];
  ungradedAttempts: Record<string, unknown>[];
  quizCompletionMismatches: Record<string, unknown>[];
  counterMismatches: Record<string, unknown>[];
  objects: number;
  attempts: number;
  threads: number;
};

const PROGRESS = `
  with total as (
    select m.course_id, count(*)::int as n from lessons l join modules m on m.id = l.module_id group by m.course_id
  ), done as (
    select lp.enrollment_id, count(*)::int as n
    from lesson_progress lp join lessons l on l.id = lp.lesson_id join modules m on m.id = l.module_id
    join enrollments e on e.id = lp.enrollment_id and e.course_id = m.course_id
    where lp.completed group by lp.enrollment_id
  )
  select e.id, e.progress as stored, e.completed_at is not null as completed,
         case when coalesce(t.n, 0) = 0 then 0 else (100 * coalesce(d.n, 0)) / t.n end as expected
  from enrollments e left join total t on t.course_id = e.course_id left join done d on d.enrollment_id = e.id`;

const REFERENCED = `
  select thumbnail_key as key from courses where thumbnail_key is not null
  union all select video_key from lessons where video_key is not null
  union all select file_key from course_materials
  union all select object_key from submission_files`;

const PENDING = `select object_key, staging_key, multipart_upload_id from upload_sessions where status = 'pending'`;
const CERTIFICATES = `select code from certificates`;
const FAILED_JOBS = `select name, state, output::text as output from pgboss.job where state = 'failed'`;

const UNGRADED = `
  select qa.id, qa.score, qa.passed from quiz_attempts qa
  where qa.submitted_at is not null and (qa.score is null or qa.passed is null or exists (
    select 1 from quiz_questions q where q.id = any(qa.question_order) and not exists (
      select 1 from quiz_answers a where a.attempt_id = qa.id and a.question_id = q.id and a.correct is not null)))`;
const SUBMITTED = `select count(*)::int as n from quiz_attempts where submitted_at is not null`;

const QUIZ_COMPLETION = `
  select * from (
    select e.id as enrollment_id, l.id as lesson_id, coalesce(lp.completed, false) as completed,
           exists (select 1 from quiz_attempts qa where qa.enrollment_id = e.id and qa.lesson_id = l.id and qa.passed) as passed
    from enrollments e join modules m on m.course_id = e.course_id join lessons l on l.module_id = m.id and l.kind = 'quiz'
    left join lesson_progress lp on lp.enrollment_id = e.id and lp.lesson_id = l.id
  ) q where completed <> passed`;

const COUNTERS = `
  select * from (
    select 'thread replies' as counter, t.id, t.reply_count as stored,
           (select count(*)::int from discussion_replies r where r.thread_id = t.id and not r.hidden) as counted
    from discussion_threads t
    union all
    select 'thread upvotes', t.id, t.upvote_count, (select count(*)::int from discussion_thread_upvotes u where u.thread_id = t.id)
    from discussion_threads t
    union all
    select 'reply upvotes', r.id, r.upvote_count, (select count(*)::int from discussion_reply_upvotes u where u.reply_id = r.id)
    from discussion_replies r
  ) c where stored <> counted`;
const THREADS = `select count(*)::int as n from discussion_threads`;

export function listStored(storageDir: string, dir = storageDir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listStored(storageDir, path.join(dir, e.name)) : [path.relative(storageDir, path.join(dir, e.name))],
    )
    .map((key) => key.split(path.sep).join("/"));
}

export async function checkConsistency(query: Query, storedKeys: string[]): Promise<Consistency> {
  const progress = await query(PROGRESS);
  const progressMismatches = progress.filter(
    (r) => Number(r.stored) !== Number(r.expected) || r.completed !== (Number(r.expected) === 100),
  );
  const referenced = new Set((await query(REFERENCED)).map((r) => String(r.key)));
  // A pending upload's objects (its staging key, its key, a multipart upload's parts in the local driver's
  // .multipart/<id>/) are the sweeper's to remove once it expires.
  const pendingRows = await query(PENDING);
  const pending = new Set(pendingRows.flatMap((r) => [r.object_key, r.staging_key].filter(Boolean).map(String)));
  const pendingParts = pendingRows.filter((r) => r.multipart_upload_id).map((r) => `.multipart/${String(r.multipart_upload_id)}/`);
  const certificatePdfs = new Set((await query(CERTIFICATES)).map((r) => `certificates/${String(r.code)}.pdf`));
  const stored = new Set(storedKeys);
  const isPending = (key: string) => pending.has(key) || pendingParts.some((prefix) => key.startsWith(prefix));
  return {
    enrollments: progress.length,
    progressMismatches,
    missingObjects: [...referenced].filter((key) => !stored.has(key)),
    unreferencedObjects: storedKeys.filter((key) => !referenced.has(key) && !certificatePdfs.has(key) && !isPending(key)),
    failedJobs: await query(FAILED_JOBS),
    ungradedAttempts: await query(UNGRADED),
    quizCompletionMismatches: await query(QUIZ_COMPLETION),
    counterMismatches: await query(COUNTERS),
    objects: storedKeys.length,
    attempts: Number((await query(SUBMITTED))[0]!.n),
    threads: Number((await query(THREADS))[0]!.n),
  };
}

/** What a clean check has: for `expect(consistency).toMatchObject(CLEAN)`. */
export const CLEAN = {
  progressMismatches: [],
  missingObjects: [],
  unreferencedObjects: [],
  failedJobs: [],
  ungradedAttempts: [],
  quizCompletionMismatches: [],
  counterMismatches: [],
} satisfies Partial<Consistency>;

export const isClean = (c: Consistency) => Object.keys(CLEAN).every((key) => c[key as keyof typeof CLEAN].length === 0);

/** The figures on one line, for a script's output. */
export const describeConsistency = (c: Consistency) =>
  `enrollments ${c.enrollments}, progress mismatches ${c.progressMismatches.length}, objects ${c.objects}, ` +
  `missing objects ${c.missingObjects.length}, unreferenced objects ${c.unreferencedObjects.length}, failed jobs ${c.failedJobs.length}, ` +
  `submitted attempts ${c.attempts}, ungraded ${c.ungradedAttempts.length}, quiz completions not matching a pass ` +
  `${c.quizCompletionMismatches.length}, threads ${c.threads}, discussion counters off ${c.counterMismatches.length}`;
