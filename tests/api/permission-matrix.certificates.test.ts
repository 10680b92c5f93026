import { randomBytes } from "node:crypto";
import { beforeAll } from "vitest";
import { ApiClient, demoAdmin, newAccount } from "../helpers/api-client";
import { earnCertificate } from "../helpers/certificate-fixtures";
import { DENIED, runPermissionMatrix, SIGN_IN, type Expected, type MatrixRow } from "../helpers/permission-matrix";

/**
 * The certificate routes for every kind of actor. Verification and the PDF are public (anyone, signed in or not, gets
 * the same answer; a wrong code is a 404 for everyone); My certificates is any signed-in user's own; listing, revoking
 * and restoring are admins'. Turning a course's certificates on is its instructor's and admins' (another instructor: 403
 * for a published course they can see). The admin's revoke is followed by their restore, so the matrix leaves it valid.
 */

const ACTORS = ["anonymous", "holder", "otherLearner", "otherInstructor", "owner", "admin"] as const;
type Actor = (typeof ACTORS)[number];
type Fixtures = { code: string; courseId: string };

const everyone = (status: Expected) => Object.fromEntries(ACTORS.map((a) => [a, status])) as Record<Actor, Expected>;
const signedIn = (status: Expected) => ({ ...everyone(status), anonymous: 401 as Expected });
const adminsOnly = (status: Expected) => ({ ...everyone(403), anonymous: 401 as Expected, admin: status });

const rows: MatrixRow<Actor, Fixtures>[] = [
  { method: "GET", path: (f) => `/api/certificates/${f.code}`, expect: everyone(200), note: "public verification" },
  { method: "GET", path: (f) => `/api/certificates/${f.code}/pdf`, expect: everyone(200), note: "the PDF, public" },
  { method: "GET", path: "/api/certificates/00000000AAAA", expect: everyone(404), note: "a code that names nothing" },
  { method: "GET", path: (f) => `/certificates/${f.code}`, expect: everyone(200), note: "the verification page" },
  { method: "GET", path: "/api/my-certificates", expect: signedIn(200) },
  { method: "GET", path: "/my-certificates", expect: { ...everyone(200), anonymous: SIGN_IN } },
  { method: "GET", path: "/api/admin/certificates?q=a&status=valid&page=1", expect: adminsOnly(200) },
  { method: "GET", path: "/admin/certificates", expect: { ...everyone(DENIED), anonymous: SIGN_IN, admin: 200 } },
  {
    method: "POST",
    path: (f) => `/api/admin/certificates/${f.code}/revoke`,
    body: () => ({ reason: "Checked by the permission matrix" }),
    expect: adminsOnly(200),
  },
  { method: "POST", path: (f) => `/api/admin/certificates/${f.code}/restore`, expect: adminsOnly(200) },
  { method: "POST", path: "/api/admin/certificates/00000000AAAA/restore", expect: adminsOnly(404), note: "no such certificate" },
  {
    method: "PATCH",
    path: (f) => `/api/instructor/courses/${f.courseId}`,
    body: () => ({ certificateEnabled: true, certificateLine: "Checked by the matrix" }),
    expect: { ...everyone(403), anonymous: 401, owner: 200, admin: 200 },
    note: "certificates on",
  },
];

const named: Fixtures = { code: "[code]", courseId: "[courseId]" };
const clients = {} as Record<Actor, ApiClient>;
const fixtures = {} as Fixtures;

beforeAll(async () => {
  const [holder, otherLearner, otherInstructor, owner, admin] = await Promise.all([
    newAccount("LEARNER", "cmatrix-holder"),
    newAccount("LEARNER", "cmatrix-other"),
    newAccount("INSTRUCTOR", "cmatrix-other-teacher"),
    newAccount("INSTRUCTOR", "cmatrix-owner"),
    demoAdmin(),
  ]);
  Object.assign(fixtures, await earnCertificate(owner.client, holder.client, `Matrix certificate ${randomBytes(3).toString("hex")}`));
  Object.assign(clients, {
    anonymous: new ApiClient(),
    holder: holder.client,
    otherLearner: otherLearner.client,
    otherInstructor: otherInstructor.client,
    owner: owner.client,
    admin,
  });
}, 180_000);

runPermissionMatrix<Actor, Fixtures>({
  title: "permission matrix: certificates",
  actors: ACTORS,
  rows,
  named,
  clients: () => clients,
  fixtures: () => fixtures,
});
