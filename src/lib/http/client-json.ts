/** For the browser: sends JSON to our API and turns its one error shape into a message and field errors. */

export const NETWORK_ERROR_MESSAGE = "Could not reach the server. Check your connection and try again.";
const GENERIC_ERROR_MESSAGE = "Something went wrong. Please try again.";

export type ApiFailure = { status: number; code: string; message: string; fields: Record<string, string> };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

function readFailure(status: number, body: unknown): ApiFailure {
  const error = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null)?.error;
  const fields: Record<string, string> = {};
  if (error?.fields && typeof error.fields === "object") {
    for (const [key, value] of Object.entries(error.fields)) if (typeof value === "string") fields[key] = value;
  }
  return {
    status,
    code: typeof error?.code === "string" ? error.code : "UNKNOWN",
    message: typeof error?.message === "string" ? error.message : GENERIC_ERROR_MESSAGE,
    fields,
  };
}

export async function sendJson<T>(url: string, body: unknown, method: "POST" | "PUT" | "PATCH" = "POST"): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, error: { status: 0, code: "NETWORK", message: NETWORK_ERROR_MESSAGE, fields: {} } };
  }
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) return { ok: false, error: readFailure(response.status, parsed) };
  return { ok: true, data: parsed as T };
}

/** A GET or DELETE to our API (no body), with the same answer shape as sendJson. */
export async function requestJson<T>(url: string, method: "GET" | "DELETE" = "GET"): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { method, headers: { accept: "application/json" }, credentials: "same-origin", cache: "no-store" });
  } catch {
    return { ok: false, error: { status: 0, code: "NETWORK", message: NETWORK_ERROR_MESSAGE, fields: {} } };
  }
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) return { ok: false, error: readFailure(response.status, parsed) };
  return { ok: true, data: parsed as T };
}
