import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ApiClient, DEMO_ADMIN, demoAdmin, newAccount } from "../helpers/api-client";
import { sameBrowserOn, scale, withDatabase } from "./scale-env";

type Readiness = { status: string; checks: Record<string, string> };

describe("two instances started at once on an empty database", () => {
  it("migrated it once between them, wrote the demo data once, and both are ready", async () => {
    const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "drizzle", "meta", "_journal.json"), "utf8")) as {
      entries: unknown[];
    };
    const { migrations, distinct, admins } = await withDatabase(async (db) => {
      const rows = await db.query<{ n: string; distinct: string }>(
        "select count(*) as n, count(distinct hash) as distinct from drizzle.__drizzle_migrations",
      );
      const demo = await db.query<{ n: string }>("select count(*) as n from users where email = $1", [DEMO_ADMIN]);
      return { migrations: Number(rows.rows[0]!.n), distinct: Number(rows.rows[0]!.distinct), admins: Number(demo.rows[0]!.n) };
    });
    expect(migrations).toBe(journal.entries.length);
    expect(distinct).toBe(journal.entries.length);
    expect(admins).toBe(1);
    // Each instance went through the migrations (one waited for the other's advisory lock, then found nothing to do),
    // with the driver the run asked for.
    for (const instance of ["a", "b"] as const) {
      expect(scale.startLog(instance)).toMatch(new RegExp(`"driver":"${scale.driver}".*database ready`));
    }

    for (const base of [scale.a, scale.b, scale.balancer]) {
      const response = await fetch(`${base}/api/ready`);
      expect(response.status).toBe(200);
      expect((await response.json()) as Readiness).toEqual({
        status: "pass",
        checks: { database: "pass", migrations: "pass", storage: "pass" },
      });
    }
  });
});

describe("sessions across instances", () => {
  it("a session made on A works on B", async () => {
    const account = await newAccount("LEARNER", "scale-session");
    const onA = new ApiClient(scale.a);
    expect((await onA.signIn(account.email, account.password)).status).toBe(200);
    const onB = sameBrowserOn(scale.b, onA);
    const profile = await onB.get("/api/profile");
    expect(profile.status).toBe(200);
    expect(profile.json<{ user: { id: string } }>().user.id).toBe(account.id);
  });

  it("a sign-out on A counts on B's next request", async () => {
    const account = await newAccount("LEARNER", "scale-signout");
    const onA = new ApiClient(scale.a);
    expect((await onA.signIn(account.email, account.password)).status).toBe(200);
    const onB = sameBrowserOn(scale.b, onA);
    expect((await onB.get("/api/profile")).status).toBe(200);
    await onA.signOut();
    expect(onA.sessionToken).toBeUndefined();
    // B still holds the token the browser had: it must be refused now.
    expect((await onB.get("/api/profile")).status).toBe(401);
  });

  it("a session ended from another device on A is refused by B", async () => {
    const account = await newAccount("LEARNER", "scale-device");
    const phone = new ApiClient(scale.b);
    expect((await phone.signIn(account.email, account.password)).status).toBe(200);
    const sessions = (await phone.get("/api/profile/sessions")).json<{ sessions: { id: string; current: boolean }[] }>().sessions;
    const phoneSession = sessions.find((s) => s.current)!;
    const laptopOnA = sameBrowserOn(scale.a, account.client);
    expect((await laptopOnA.request("DELETE", `/api/profile/sessions/${phoneSession.id}`)).status).toBe(204);
    expect((await phone.get("/api/profile")).status).toBe(401);
  });

  it("a role change made on A counts on B's next request", async () => {
    const account = await newAccount("LEARNER", "scale-role");
    const onB = sameBrowserOn(scale.b, account.client);
    expect((await onB.get("/api/instructor/courses")).status).toBe(403);
    const adminOnA = await demoAdmin(scale.a);
    expect((await adminOnA.patch(`/api/admin/users/${account.id}`, { role: "INSTRUCTOR" })).status).toBe(200);
    expect((await onB.get("/api/instructor/courses")).status).toBe(200);
    expect((await onB.get("/api/profile")).json<{ user: { role: string } }>().user.role).toBe("INSTRUCTOR");
    expect((await adminOnA.patch(`/api/admin/users/${account.id}`, { disabled: true })).status).toBe(200);
    expect((await onB.get("/api/profile")).status).toBe(401);
  });
});
