import fs from "node:fs";
import path from "node:path";

/**
 * The check every fault test ends with, read straight from the database and the storage folder of a stopped (or
 * recovered) server:
 * - every enrollment's progress equals the one recomputed from its lessons (the rule of src/lib/learning/progress.ts);
 * - no row points at a missing object;
 * - no object is left that nothing points at (a pending upload's objects are the sweeper's, not counted while pending);
 * - no job lost: none failed for good, none left active by a dead worker once its expiry has passed.
 */
export type Query = (text: string) => Promise<Record<string, unknown>[]>;
export type Consistency = {
  enrollments: number;
  progressMismatches: Record<string, unknown>[];
  missingObjects: string[];
  unreferencedObjects: string[];
  failedJobs: Record<string, unknown>[];
  objects: number;
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
    objects: storedKeys.length,
  };
}

/** The figures on one line, for a script's output. */
export const describeConsistency = (c: Consistency) =>
  `enrollments ${c.enrollments}, progress mismatches ${c.progressMismatches.length}, objects ${c.objects}, ` +
  `missing objects ${c.missingObjects.length}, unreferenced objects ${c.unreferencedObjects.length}, failed jobs ${c.failedJobs.length}`;
