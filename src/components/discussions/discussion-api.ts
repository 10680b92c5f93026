import type { ReplyView } from "@/lib/discussions/replies";
import type { ThreadSummary as ServerThreadSummary, ThreadView } from "@/lib/discussions/threads";
import { requestJson, sendJson } from "@/lib/http/client-json";

/** The browser's side of the discussion API (src/app/api/courses/[courseId]/discussions), as the panel and board use it. */

/** What JSON makes of a server type: dates become ISO strings. */
type Json<T> = T extends Date
  ? string
  : T extends string
    ? T // a branded string (SanitizedHtml) stays itself
    : T extends (infer U)[]
      ? Json<U>[]
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;

export type ThreadSummary = Json<ServerThreadSummary>;
export type Thread = Json<ThreadView>;
export type Reply = Json<ReplyView>;
export type Author = ThreadSummary["author"];
export type ThreadPage = { threads: ThreadSummary[]; nextCursor: string | null };

export const discussionsUrl = (courseId: string) => `/api/courses/${courseId}/discussions`;

export const getJson = <T>(url: string) => requestJson<T>(url);
export const deleteJson = (url: string) => requestJson<unknown>(url, "DELETE");

export { sendJson };
