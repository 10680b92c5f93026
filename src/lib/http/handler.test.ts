import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors";
import { MAX_JSON_BYTES, parseJson, parseParams, parseQuery } from "./handler";

const refusal = (promise: Promise<unknown> | (() => unknown)) =>
  (typeof promise === "function" ? Promise.resolve().then(promise) : promise).then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => error as AppError,
  );

const schema = z.object({ title: z.string().min(1, "Title is required") });
const jsonRequest = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/x", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);

describe("input parsing", () => {
  it("parses a JSON body with its schema, naming the bad fields; refuses what is not JSON", async () => {
    expect(await parseJson(jsonRequest(JSON.stringify({ title: "ok" })), schema)).toEqual({ title: "ok" });
    expect(await refusal(parseJson(jsonRequest(JSON.stringify({ title: "" })), schema))).toMatchObject({
      code: "VALIDATION_FAILED",
      options: { fields: { title: "Title is required" } },
    });
    expect((await refusal(parseJson(jsonRequest("{not json"), schema))).code).toBe("BAD_REQUEST");
    expect((await refusal(parseJson(jsonRequest("{}", { "content-type": "text/plain" }), schema))).code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses a body past the limit with 413, declared or streamed without a length", async () => {
    const big = JSON.stringify({ title: "x".repeat(MAX_JSON_BYTES) });
    expect((await refusal(parseJson(jsonRequest(big), schema))).code).toBe("PAYLOAD_TOO_LARGE");
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 3 * MAX_JSON_BYTES) controller.close();
        else controller.enqueue(chunk);
      },
    });
    expect((await refusal(parseJson(jsonRequest(stream), schema))).code).toBe("PAYLOAD_TOO_LARGE");
    // It stopped reading soon after the limit, not at the end of the stream.
    expect(sent).toBeLessThan(MAX_JSON_BYTES + 4 * chunk.length);
  });

  it("answers a malformed route param with 404 and a bad query value with 400 naming it", async () => {
    expect((await refusal(() => parseParams({ id: "nope" }, z.object({ id: z.uuid() })))).code).toBe("NOT_FOUND");
    const query = z.object({ page: z.coerce.number().int().min(1, "Page starts at 1.") });
    expect(parseQuery(new Request("http://localhost/x?page=2"), query)).toEqual({ page: 2 });
    expect(await refusal(() => parseQuery(new Request("http://localhost/x?page=0"), query))).toMatchObject({
      code: "VALIDATION_FAILED",
      options: { fields: { page: "Page starts at 1." } },
    });
  });
});
