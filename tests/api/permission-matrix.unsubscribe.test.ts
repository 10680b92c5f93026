import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient, demoAdmin, newAccount, type Account } from "../helpers/api-client";
import { runPermissionMatrix, type Expected, type MatrixRow } from "../helpers/permission-matrix";
import { unsubscribeTokenFor } from "../helpers/unsubscribe";

/**
 * One-click unsubscribe is public: the signed token is the authority, whoever posts it (a mail client, with no cookie).
 * A changed token or a security kind is a 400 for every actor; a good token is a 200 for every actor and turns off only
 * its own user's kind (checked after the matrix). The page that holds the button opens for everyone and changes nothing.
 */

const ACTORS = ["anonymous", "learner", "instructor", "admin", "disabled"] as const;
type Actor = (typeof ACTORS)[number];
type Fixtures = { good: string; tampered: string; locked: string };

const all = (status: Expected): Record<Actor, Expected> => Object.fromEntries(ACTORS.map((a) => [a, status])) as Record<Actor, Expected>;
const post = (token: string) => `/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`;

const rows: MatrixRow<Actor, Fixtures>[] = [
  { method: "POST", path: (f) => post(f.tampered), expect: all(400), note: "a token with its signature changed" },
  { method: "POST", path: (f) => post(f.locked), expect: all(400), note: "a security kind (role_changed)" },
  { method: "POST", path: () => post("1.x.enrolled.short"), expect: all(400), note: "not a token" },
  {
    method: "GET",
    path: (f) => `/unsubscribe?token=${encodeURIComponent(f.good)}`,
    expect: all(200),
    note: "the page: reading it changes nothing",
  },
  { method: "POST", path: (f) => post(f.good), expect: all(200), note: "the learner's token for `enrolled`, whoever posts it" },
];

const clients = {} as Record<Actor, ApiClient>;
let fixtures: Fixtures;
let learner: Account;
let instructor: Account;

beforeAll(async () => {
  let disabled: Account;
  let admin: ApiClient;
  [learner, instructor, disabled, admin] = await Promise.all([
    newAccount("LEARNER", "umatrix-learner"),
    newAccount("INSTRUCTOR", "umatrix-instructor"),
    newAccount("LEARNER", "umatrix-disabled"),
    demoAdmin(),
  ]);
  const disabling = await admin.patch(`/api/admin/users/${disabled.id}`, { disabled: true });
  if (disabling.status !== 200) throw new Error(`disabling the matrix's disabled user answered ${disabling.status}`);
  Object.assign(clients, {
    anonymous: new ApiClient(),
    learner: learner.client,
    instructor: instructor.client,
    admin,
    disabled: disabled.client,
  });
  const good = unsubscribeTokenFor(learner.id, "enrolled");
  fixtures = {
    good,
    tampered: good.slice(0, -2) + (good.at(-2) === "A" ? "B" : "A") + good.at(-1),
    locked: unsubscribeTokenFor(learner.id, "role_changed"),
  };
}, 180_000);

runPermissionMatrix<Actor, Fixtures>({
  title: "permission matrix: one-click unsubscribe",
  actors: ACTORS,
  rows,
  named: { good: "[good]", tampered: "[tampered]", locked: "[locked]" },
  clients: () => clients,
  fixtures: () => fixtures,
});

type Preferences = { preferences: { kind: string; channels: Record<string, boolean> }[] };
const emailOf = async (client: ApiClient, kind: string) =>
  (await client.get("/api/profile/notifications")).json<Preferences>().preferences.find((p) => p.kind === kind)!.channels;

describe("after the matrix", () => {
  it("the good token turned off the learner's `enrolled` mail only: not its app notice, not another kind, not another user", async () => {
    expect(await emailOf(learner.client, "enrolled")).toEqual({ app: true, email: false });
    expect(await emailOf(learner.client, "assignment_graded")).toEqual({ app: true, email: true });
    expect(await emailOf(learner.client, "role_changed")).toEqual({ email: true });
    expect(await emailOf(instructor.client, "enrolled")).toEqual({ app: true, email: true });
  });
});
