import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { asAnonymous, asUser } from "../../../tests/helpers/request-as";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { unreachableDatabase } from "../../../tests/helpers/unreachable-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { AppError } from "@/lib/http/errors";
import { defer } from "@/lib/jobs/defer";
import { route } from "./route";

// The wrapper reads the session, as the edge does: this test stands in for the request (tests/helpers/request-as.ts).
vi.mock("next/headers", async () => (await import("../../../tests/helpers/request-as")).nextHeadersMock);

withTestDatabase();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const call = (handler: Handler, request: Request, params: Record<string, string> = {}) =>
  handler(request, { params: Promise.resolve(params) });
const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/api/x", {
    method: "POST",
    headers: { "content-type": "application/json", "x-request-id": "req-12345678", host: "localhost:3000", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const get = (url = "http://localhost:3000/api/x") => new Request(url, { headers: { "x-request-id": "req-12345678" } });
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error;

describe("the route wrapper", () => {
  it("answers an unexpected failure with 500, the request id, and nothing internal", async () => {
    const handler = route({ access: "anyone" }, async () => {
      throw new Error("connection to 10.0.0.5 refused: password authentication failed for user admin");
    });
    const response = await asAnonymous(() => call(handler, post({})));
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({ error: { code: "INTERNAL", message: "Something went wrong. Please try again.", requestId: "req-12345678" } });
    expect(JSON.stringify(body)).not.toMatch(/10\.0\.0\.5|password|admin/);
  });

  it("answers 503 with Retry-After and a plain message when the database cannot be reached, never a 500", async () => {
    const unreachable = await unreachableDatabase();
    const handler = route({ access: "anyone" }, async () => {
      await unreachable.db.execute(sql`select 1`);
      return Response.json({});
    });
    const response = await asAnonymous(() => call(handler, post({})));
    await unreachable.close();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = await response.json();
    expect(body).toEqual({
      error: {
        code: "SERVICE_UNAVAILABLE",
        message: "BudhHub cannot reach its database right now. Please try again in a few seconds.",
        requestId: "req-12345678",
      },
    });
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|secret-pw|at /);
  });

  it("answers an AppError with its status, one error shape and Retry-After when given", async () => {
    const handler = route({ access: "anyone" }, async () => {
      throw new AppError("RATE_LIMITED", "Too many attempts. Try again in 60 seconds.", { retryAfterSeconds: 60 });
    });
    const response = await asAnonymous(() => call(handler, post({})));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("60");
    expect(await response.json()).toEqual({ error: { code: "RATE_LIMITED", message: "Too many attempts. Try again in 60 seconds." } });
  });

  it("parses the body with its schema and names the bad fields; not JSON is 415, broken JSON 400", async () => {
    const body = z.object({ title: z.string().min(1, "Title is required"), n: z.number() });
    const handler = route({ access: "anyone", body }, async ({ body }) => Response.json(body));
    expect(await (await asAnonymous(() => call(handler, post({ title: "ok", n: 1 })))).json()).toEqual({ title: "ok", n: 1 });
    const bad = await asAnonymous(() => call(handler, post({ title: "", n: "x" })));
    expect(bad.status).toBe(400);
    const error = await errorOf(bad);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields!.title).toBe("Title is required");
    expect(error.fields!.n).toBeTruthy();
    expect((await asAnonymous(() => call(handler, post("{not json")))).status).toBe(400);
    expect((await asAnonymous(() => call(handler, post({ title: "a", n: 1 }, { "content-type": "text/plain" })))).status).toBe(415);
  });

  it("answers in the house order: cross-site 403, malformed id 404, bad input 400, then 401 and 403", async () => {
    const learner = await insertUser({ role: "LEARNER" });
    const handler = route(
      { access: ["ADMIN"], params: z.object({ id: z.uuid() }), body: z.object({ n: z.number() }) },
      async ({ viewer, params, body }) => Response.json({ viewer: viewer.id, id: params.id, n: body.n }),
    );
    const id = crypto.randomUUID();
    const status = (request: Request, params: Record<string, string>, as: "anonymous" | "learner") =>
      (as === "anonymous" ? asAnonymous(() => call(handler, request, params)) : asUser(learner, () => call(handler, request, params))).then(
        (r) => r.status,
      );
    expect(await status(post({ n: 1 }, { origin: "https://evil.example" }), { id: "nope" }, "anonymous")).toBe(403);
    expect(await status(post({ n: "x" }), { id: "nope" }, "anonymous")).toBe(404);
    expect(await status(post({ n: "x" }), { id }, "anonymous")).toBe(400);
    expect(await status(post({ n: 1 }), { id }, "anonymous")).toBe(401);
    expect(await status(post({ n: 1 }), { id }, "learner")).toBe(403);
    const admin = await insertUser({ role: "ADMIN" });
    const ok = await asUser(admin, () => call(handler, post({ n: 1 }), { id }));
    expect(await ok.json()).toEqual({ viewer: admin.id, id, n: 1 });
  });

  it("checks the origin of writes by default, not of reads, and not where a route says its URL is its authority", async () => {
    const reads = route({ access: "anyone" }, async () => Response.json({ ok: true }));
    const signed = route({ access: "anyone", sameOrigin: false }, async () => Response.json({ ok: true }));
    const foreign = { origin: "https://evil.example" };
    expect((await asAnonymous(() => call(reads, new Request("http://localhost:3000/api/x", { headers: foreign })))).status).toBe(200);
    expect((await asAnonymous(() => call(reads, post({}, foreign)))).status).toBe(403);
    expect((await asAnonymous(() => call(signed, post({}, foreign)))).status).toBe(200);
  });

  it("parses the query and hands a signed-in user, or null to a route open to anyone", async () => {
    const user = await insertUser({ role: "INSTRUCTOR" });
    const handler = route({ access: "anyone", query: z.object({ page: z.coerce.number().int().min(1) }) }, async ({ viewer, query }) =>
      Response.json({ viewer: viewer?.role ?? null, page: query.page }),
    );
    expect(await (await asAnonymous(() => call(handler, get("http://localhost:3000/api/x?page=2")))).json()).toEqual({
      viewer: null,
      page: 2,
    });
    expect(await (await asUser(user, () => call(handler, get("http://localhost:3000/api/x?page=3")))).json()).toEqual({
      viewer: "INSTRUCTOR",
      page: 3,
    });
    const bad = await asAnonymous(() => call(handler, get("http://localhost:3000/api/x?page=0")));
    expect(bad.status).toBe(400);
    expect(Object.keys((await errorOf(bad)).fields!)).toEqual(["page"]);
  });

  it("runs deferred work after the handler, and none of it when the handler fails", async () => {
    const done: string[] = [];
    const ok = route({ access: "anyone" }, async () => {
      await defer("note", async () => void done.push("deferred"));
      done.push("handler");
      return Response.json({});
    });
    const failing = route({ access: "anyone" }, async () => {
      await defer("note", async () => void done.push("never"));
      throw new AppError("CONFLICT", "No.");
    });
    await asAnonymous(() => call(ok, post({})));
    await asAnonymous(() => call(failing, post({})));
    expect(done).toEqual(["handler", "deferred"]);
  });
});
