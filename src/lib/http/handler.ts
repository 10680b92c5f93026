import "server-only";
import { z } from "zod";
import { AppError, type ErrorBody } from "./errors";

export const REQUEST_ID_HEADER = "x-request-id";

export function errorResponse(error: AppError, requestId?: string) {
  const body: ErrorBody = {
    error: { code: error.code, message: error.userMessage, ...(error.options.fields ? { fields: error.options.fields } : {}) },
  };
  if (requestId && error.status >= 500) body.error.requestId = requestId;
  const response = Response.json(body, { status: error.status });
  if (error.options.retryAfterSeconds) response.headers.set("Retry-After", String(error.options.retryAfterSeconds));
  return response;
}

/** Zod issues as { "field.path": "message" }, first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "body";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** The largest JSON body any route takes: lesson content (200,000 characters) with room to spare. */
export const MAX_JSON_BYTES = 2 * 1024 * 1024;

/** The body as text, refused with 413 past `max` bytes, whether or not the client declared its length. */
async function readText(request: Request, max: number): Promise<string> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${max / 1024 / 1024} MiB.`);
  if (Number(request.headers.get("content-length") ?? 0) > max) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a JSON body with a schema; bad JSON or bad fields are a 400 that names them, a body past 2 MiB a 413. */
export async function parseJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON (Content-Type: application/json).");
  }
  const text = await readText(request, MAX_JSON_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "Some fields are not valid.", { fields: fieldErrors(parsed.error) });
  }
  return parsed.data;
}

/** Parses route params or search params with a schema; a malformed id is a 404, as if it did not exist. */
export function parseParams<S extends z.ZodType>(input: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND", "Not found.");
  return parsed.data;
}

/** Parses the query string with a schema; bad values are a 400 that names them. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "Some parameters are not valid.", { fields: fieldErrors(parsed.error) });
  }
  return parsed.data;
}
