import { AppError } from "./errors";

/**
 * Whether an error means the database (or, below, the bucket) cannot be reached right now (down, restarting, failing over, a connection cut),
 * as opposed to a bug or a refused statement. Such a request is answered 503 with Retry-After: the transaction it was in
 * never committed, and the same request later will work. Drizzle wraps a driver's error in `cause`, node-postgres gives
 * several failed addresses as an AggregateError, Neon's driver a WebSocket ErrorEvent, so the whole chain is read.
 */

/** SQLSTATE class 08 (connection exception) and the shutdown/starting codes of class 57. */
const UNAVAILABLE_SQLSTATES = new Set(["08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03"]);
const UNAVAILABLE_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/** What node-postgres and Neon's driver say when a connection ends or never comes, without a code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /WebSocket (connection|was closed|closed)/i,
];

export const DATABASE_RETRY_AFTER_SECONDS = 5;
export const DATABASE_UNAVAILABLE_MESSAGE = "BudhHub cannot reach its database right now. Please try again in a few seconds.";

/** The answer to a request that needed the database while it could not be reached: 503 with Retry-After. */
export const databaseUnavailable = () =>
  new AppError("SERVICE_UNAVAILABLE", DATABASE_UNAVAILABLE_MESSAGE, { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });

export function isDatabaseUnavailable(error: unknown): boolean {
  return !fromStorage(error) && unreachable(error);
}

/**
 * Whether an error means the bucket cannot be reached (S3, R2, MinIO down or cut off): the AWS SDK's errors carry
 * `$metadata`, a network failure its node code, a gateway in front of the bucket a 502/503/504.
 */
export function isStorageUnavailable(error: unknown): boolean {
  if (!fromStorage(error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return unreachable(error) || status === 502 || status === 503 || status === 504;
}

export const STORAGE_UNAVAILABLE_MESSAGE = "BudhHub cannot reach its file storage right now. Please try again in a few seconds.";

export const storageUnavailable = () =>
  new AppError("SERVICE_UNAVAILABLE", STORAGE_UNAVAILABLE_MESSAGE, { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });

const fromStorage = (error: unknown) => typeof error === "object" && error !== null && "$metadata" in error;

function unreachable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 8) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  // A WebSocket's ErrorEvent (Neon's driver) carries the socket's error as `error`.
  const inner = (error as { error?: unknown }).error;
  if (typeof code === "string" && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
  if (typeof message === "string" && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  if (Array.isArray(errors) && errors.some((e) => unreachable(e, depth + 1))) return true;
  return unreachable(cause, depth + 1) || unreachable(inner, depth + 1);
}

/** The same answer for a page (the route guard gives it, before any page code runs): a plain page, 503, Retry-After. */
export function databaseUnavailablePage(path: string): Response {
  const again = path.startsWith("/") && !path.startsWith("//") ? path : "/";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Back in a moment · BudhHub</title></head><body><main><h1>Back in a moment</h1><p>${DATABASE_UNAVAILABLE_MESSAGE}</p><p><a href="${encodeURI(again)}">Try again</a></p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "retry-after": String(DATABASE_RETRY_AFTER_SECONDS),
      "cache-control": "no-store",
    },
  });
}
