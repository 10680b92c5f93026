import { beforeAll } from "vitest";
import { ApiClient, demoAdmin, newAccount } from "../helpers/api-client";
import { runPermissionMatrix, type Expected, type MatrixRow } from "../helpers/permission-matrix";

/**
 * The job queue's retry and run-now, for every kind of actor: admins only (401 signed out, 403 for anyone else signed in). No request
 * can make a job fail, so the ids name none: the admin's answer is the 404, which shows the request got past the role
 * check and into the look-up. Retrying a real failed job is tested in src/lib/jobs/admin-jobs.test.ts.
 */

const ACTORS = ["anonymous", "learner", "instructor", "admin", "disabled"] as const;
type Actor = (typeof ACTORS)[number];
type Fixtures = { jobId: string };

const adminsOnly = (ok: Expected): Record<Actor, Expected> => ({
  anonymous: 401,
  learner: 403,
  instructor: 403,
  admin: ok,
  disabled: 401,
});

const rows: MatrixRow<Actor, Fixtures>[] = [
  { method: "POST", path: (f) => `/api/admin/jobs/${f.jobId}/retry`, expect: adminsOnly(404), note: "an id that names no job" },
  {
    method: "POST",
    path: "/api/admin/jobs/not-a-job/retry",
    expect: Object.fromEntries(ACTORS.map((a) => [a, 404])) as Record<Actor, Expected>,
    note: "not a job id: a 404 for everyone, before the session is looked at, so ids cannot be probed",
  },
  {
    method: "POST",
    path: "/api/admin/jobs/run",
    body: () => ({ queue: "reminders" }),
    expect: adminsOnly(202),
    note: "a scheduled job now: the reminders (harmless to run again)",
  },
];

const named: Fixtures = { jobId: "[a random job id]" };
const clients = {} as Record<Actor, ApiClient>;
const fixtures = {} as Fixtures;

beforeAll(async () => {
  const [learner, instructor, disabled, admin] = await Promise.all([
    newAccount("LEARNER", "jmatrix-learner"),
    newAccount("INSTRUCTOR", "jmatrix-instructor"),
    newAccount("LEARNER", "jmatrix-disabled"),
    demoAdmin(),
  ]);
  const disabling = await admin.patch(`/api/admin/users/${disabled.id}`, { disabled: true });
  if (disabling.status !== 200) throw new Error(`disabling the matrix's disabled user answered ${disabling.status}`);
  fixtures.jobId = crypto.randomUUID();
  Object.assign(clients, {
    anonymous: new ApiClient(),
    learner: learner.client,
    instructor: instructor.client,
    admin,
    disabled: disabled.client,
  });
}, 180_000);

runPermissionMatrix<Actor, Fixtures>({
  title: "permission matrix: the job queue",
  actors: ACTORS,
  rows,
  named,
  clients: () => clients,
  fixtures: () => fixtures,
});
