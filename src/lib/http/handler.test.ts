import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors";
import { parseJson, route } from "./handler";

const call = (handler: ReturnType<typeof route<Record<string, string>>>, request: Request) => handler(request, { params: Promise.resolve({}) });
const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/x", {
    method: "POST",
    headers: { "content-type": "application/json", "x-request-id": "req-12345678", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("route handler wrapper", () => {
  it("answers an unexpected failure with 500, the request id, and nothing internal", async () => {
    const handler = route(async () => {
      throw new Error("connection to 10.0.0.5 refused: password authentication failed for user admin");
    });
    const response = await call(handler, json({}));
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({ error: { code: "INTERNAL", message: "Something went wrong. Please try again.", requestId: "req-12345678" } });
    expect(JSON.stringify(body)).not.toMatch(/10\.0\.0\.5|password|admin/);
  });

  it("answers an AppError with its status, one error shape and Retry-After when given", async () => {
    const handler = route(async () => {
      throw new AppError("RATE_LIMITED", "Too many attempts. Try again in 60 seconds.", { retryAfterSeconds: 60 });
    });
    const response = await call(handler, json({}));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("60");
    expect(await response.json()).toEqual({ error: { code: "RATE_LIMITED", message: "Too many attempts. Try again in 60 seconds." } });
  });

  it("parses JSON bodies with a schema and names the bad fields", async () => {
    const schema = z.object({ title: z.string().min(1, "Title is required"), n: z.number() });
    const handler = route(async (request) => Response.json(await parseJson(request, schema)));
    expect((await call(handler, json({ title: "ok", n: 1 }))).status).toBe(200);

    const bad = await call(handler, json({ title: "", n: "x" }));
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.fields.title).toBe("Title is required");
    expect(body.error.fields.n).toBeTruthy();

    expect((await call(handler, json("{not json"))).status).toBe(400);
    expect((await call(handler, json({ title: "a", n: 1 }, { "content-type": "text/plain" }))).status).toBe(415);
  });
});
