import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, DEMO_ADMIN, DEMO_PASSWORD, outboxCount, strongPassword, uniqueEmail, waitForOutboxMail } from "../helpers/api-client";
import { type AppServer, startApp } from "../helpers/app-server";
import { createCourseTree, startUpload } from "../helpers/authoring";
import { baseUrl, testDataDir } from "../helpers/base-url";
import { linkIn } from "../helpers/mail-text";
import { type Method, listApiRoutes, paramsOf } from "../helpers/route-files";

/**
 * Malformed input to every API route, generated from the route files (tests/helpers/route-files.ts): a new route is
 * fuzzed without anyone adding it. Every route and method gets NUL and other control characters in each path segment
 * and in a query value, broken %-escapes, and, when it takes a JSON body, malformed JSON, bodies of the wrong type and
 * a body past the size limit. A route whose valid body is listed in `samples` below also gets each of its string
 * fields replaced by control characters and each field by a value of the wrong type. No answer may be a 5xx, and, when a
 * Postgres server is at hand (TEST_DATABASE_URL, as in CI), no request may change a row: the suite then runs its own
 * app on a fresh database and compares a digest of every table before and after each request.
 */

type Fixtures = {
  courseId: string;
  moduleId: string;
  lessonId: string;
  materialId: string;
  lessonMaterialId: string;
  userId: string;
  uploadId: string;
  requestId: string;
  /** A session id that names no session: no fuzzed request may sign anyone out. */
  sessionId: string;
  storageKey: string;
  storageQuery: Record<string, string>;
  /** Assignments (issue 15): a submission id that names nothing. */
  submissionId: string;
  /** Running a school (issue 16): ids that name nothing unless an area's set-up makes real ones. */
  cohortId: string;
  invitationId: string;
  /** Certificates (issue 17): a code that names nothing (no fuzzed request reaches its look-up: see the samples). */
  code: string;
  categoryId: string;
  intoCategoryId: string;
  /** Quizzes (issue 14): ids that name nothing unless a quiz area's set-up below makes real ones. */
  questionId: string;
  attemptId: string;
  /** The job queue (issue 18): a job id that names no job. */
  jobId: string;
  /** Discussions (issue 21): ids that name nothing. */
  threadId: string;
  replyId: string;
  reportId: string;
};
type Sample = { body?: (f: Fixtures) => Record<string, unknown>; query?: (f: Fixtures) => Record<string, string> };

const LONG_TOKEN = "A".repeat(43);

/** A valid body (and query) per route and method: the fuzzer spoils one field at a time. */
const samples: Record<string, Sample> = {
  "POST /api/auth/signup": {
    body: () => ({ name: "Fuzz", email: "fuzz@example.test", password: "a long enough passphrase", callbackUrl: "/courses" }),
  },
  "POST /api/auth/signin": { body: () => ({ email: DEMO_ADMIN, password: "not-the-password" }) },
  "POST /api/auth/magic-link": { body: () => ({ email: "fuzz@example.test", callbackUrl: "/courses" }) },
  "POST /api/auth/forgot-password": { body: () => ({ email: "fuzz@example.test" }) },
  "POST /api/auth/reset-password": { body: () => ({ token: LONG_TOKEN, password: "a long enough passphrase" }) },
  "POST /api/auth/verify-email": { body: () => ({ token: LONG_TOKEN, callbackUrl: "/courses" }) },
  "POST /api/profile/email/confirm": { body: () => ({ token: LONG_TOKEN }) },
  "GET /api/courses": { query: () => ({ q: "python", category: "Programming", difficulty: "beginner", sort: "newest", page: "1" }) },
  "GET /api/admin/users": { query: () => ({ q: "learner", role: "LEARNER", page: "1" }) },
  "PATCH /api/admin/users/[userId]": { body: () => ({ role: "LEARNER", disabled: false }) },
  "GET /api/admin/analytics": { query: (f) => ({ range: "30d", bucket: "day", cohortId: f.cohortId, format: "json" }) },
  "GET /api/instructor/analytics": { query: (f) => ({ range: "30d", bucket: "day", cohortId: f.cohortId, format: "json" }) },
  "GET /api/instructor/courses/[courseId]/analytics": {
    query: (f) => ({ range: "30d", bucket: "day", cohortId: f.cohortId, format: "json" }),
  },
  "GET /api/instructor/courses/[courseId]/analytics/learners": {
    query: (f) => ({ q: "ada", sort: "name", dir: "asc", page: "1", cohortId: f.cohortId, format: "json" }),
  },
  "POST /api/instructor/courses": {
    body: () => ({
      title: "Fuzz",
      description: "Text",
      outcomes: ["One thing", "Another"],
      category: "Fuzzing",
      difficulty: "beginner",
      estimatedDuration: 30,
    }),
  },
  "PATCH /api/instructor/courses/[courseId]": {
    body: () => ({
      title: "Fuzz",
      description: "Text",
      outcomes: ["One thing"],
      category: "Fuzzing",
      estimatedDuration: 30,
      certificateEnabled: true,
      certificateLine: "A line",
    }),
  },
  "POST /api/instructor/courses/[courseId]/publish": { body: () => ({ published: false }) },
  "POST /api/instructor/courses/[courseId]/modules": { body: () => ({ title: "Fuzz module" }) },
  "POST /api/instructor/courses/[courseId]/modules/reorder": { body: (f) => ({ moduleIds: [f.moduleId] }) },
  "PATCH /api/instructor/courses/[courseId]/modules/[moduleId]": { body: () => ({ title: "Fuzz module" }) },
  "POST /api/instructor/courses/[courseId]/modules/[moduleId]/lessons": {
    body: () => ({ title: "Fuzz", kind: "quiz", content: "Text", durationMinutes: 5 }),
  },
  "PATCH /api/instructor/courses/[courseId]/modules/[moduleId]/lessons/[lessonId]": {
    body: () => ({ title: "Fuzz", content: "Text", durationMinutes: 5 }),
  },
  "POST /api/instructor/courses/[courseId]/modules/[moduleId]/lessons/[lessonId]/move": {
    body: (f) => ({ moduleId: f.moduleId, position: 0 }),
  },
  "POST /api/instructor/courses/[courseId]/materials": { body: (f) => ({ uploadId: f.uploadId, parts: [{ partNumber: 1, etag: "abc" }] }) },
  "POST /api/instructor/courses/[courseId]/modules/[moduleId]/lessons/[lessonId]/materials": {
    body: (f) => ({ uploadId: f.uploadId, parts: [{ partNumber: 1, etag: "abc" }] }),
  },
  "POST /api/my-courses/[courseId]/lessons/[lessonId]/complete": { body: () => ({ completed: true }) },
  "PUT /api/my-courses/[courseId]/lessons/[lessonId]/position": { body: () => ({ seconds: 12 }) },
  "POST /api/onboarding": { body: () => ({ name: "Fuzz", role: "INSTRUCTOR", message: "Why" }) },
  "PATCH /api/profile": { body: () => ({ name: "Fuzz", bio: "A few lines." }) },
  "PUT /api/profile/password": { body: () => ({ currentPassword: "not-the-password", newPassword: "a long enough passphrase" }) },
  "POST /api/profile/email": { body: () => ({ email: "fuzz-moved@example.test", currentPassword: "not-the-password" }) },
  "POST /api/instructor-requests": { body: () => ({ message: "Why" }) },
  "POST /api/admin/categories": { body: () => ({ name: "Fuzz" }) },
  "PATCH /api/admin/categories/[categoryId]": { body: () => ({ name: "Fuzz" }) },
  "POST /api/admin/categories/[categoryId]/merge": { body: (f) => ({ into: f.intoCategoryId }) },
  "PATCH /api/instructor-requests/[requestId]": { body: () => ({ seen: true }) },
  "GET /api/admin/instructor-requests": { query: () => ({ status: "pending" }) },
  "PATCH /api/admin/instructor-requests/[requestId]": { body: () => ({ decision: "decline" }) },
  "POST /api/upload/video": {
    body: (f) => ({
      courseId: f.courseId,
      moduleId: f.moduleId,
      lessonId: f.lessonId,
      fileName: "a.mp4",
      contentType: "video/mp4",
      size: 100,
    }),
  },
  "POST /api/upload/material": { body: (f) => ({ courseId: f.courseId, fileName: "a.pdf", contentType: "application/pdf", size: 100 }) },
  "POST /api/upload/thumbnail": { body: (f) => ({ courseId: f.courseId, fileName: "a.png", contentType: "image/png", size: 100 }) },
  "POST /api/upload/video/complete": { body: (f) => ({ uploadId: f.uploadId, parts: [{ partNumber: 1, etag: "abc" }] }) },
  "POST /api/upload/material/complete": { body: (f) => ({ uploadId: f.uploadId, parts: [{ partNumber: 1, etag: "abc" }] }) },
  "POST /api/upload/thumbnail/complete": { body: (f) => ({ uploadId: f.uploadId, parts: [{ partNumber: 1, etag: "abc" }] }) },
  // Assignments: the fixture lesson is not an assignment and the submission id names nothing, so a valid body is a 404
  // and every spoiled one must be a 400 that writes nothing.
  "POST /api/upload/submission": {
    body: (f) => ({ courseId: f.courseId, lessonId: f.lessonId, fileName: "a.pdf", contentType: "application/pdf", size: 100 }),
  },
  "POST /api/upload/submission/complete": { body: (f) => ({ uploadId: f.uploadId, parts: [{ partNumber: 1, etag: "abc" }] }) },
  "PATCH /api/instructor/courses/[courseId]/modules/[moduleId]/lessons/[lessonId]/assignment": {
    body: () => ({
      instructions: "Write it.",
      dueAt: "2030-01-31T17:00:00Z",
      maxPoints: 10,
      passingPoints: 5,
      acceptText: true,
      acceptFiles: true,
      acceptedTypes: ["application/pdf"],
      maxFiles: 2,
      maxFileBytes: 1000000,
      allowLate: false,
    }),
  },
  "POST /api/my-courses/[courseId]/lessons/[lessonId]/submission": { body: (f) => ({ text: "My answer.", uploadIds: [f.uploadId] }) },
  "GET /api/instructor/submissions": { query: (f) => ({ courseId: f.courseId, lessonId: f.lessonId, status: "late" }) },
  "GET /api/instructor/courses/[courseId]/gradebook": { query: (f) => ({ format: "csv", cohortId: f.cohortId }) },
  // --- school: sign-up policy and admin help ---
  // "open" with a domain: what every other file signs up under. Each spoiled field (a bad policy, a bad domain) is a 400.
  "PATCH /api/admin/settings": { body: () => ({ signupPolicy: "open", signupDomains: ["school.example"] }) },
  // --- notifications ---
  "GET /api/notifications": { query: () => ({ unread: "1", limit: "5" }) },
  // The id names nothing: a valid body marks nothing; a spoiled one is a 400.
  "POST /api/notifications/read": { body: (f) => ({ ids: [f.cohortId] }) },
  "PUT /api/profile/notifications": { body: () => ({ preferences: [{ kind: "enrolled", channel: "app", enabled: true }] }) },
  // A token whose signature is wrong: a 400 that changes nothing; spoiled, a 400 before any look-up. It reads no body.
  "POST /api/notifications/unsubscribe": {
    query: () => ({ token: `1.${Buffer.from("nobody").toString("base64url")}.enrolled.${"A".repeat(43)}` }),
  },
  // --- certificates ---
  // The code names nothing: a spoiled path is a 404 before any look-up (so no miss is counted), a spoiled body a 400.
  "GET /api/admin/certificates": { query: () => ({ q: "fuzz", status: "valid", page: "1" }) },
  "POST /api/admin/certificates/[code]/revoke": { body: () => ({ reason: "Fuzz reason" }) },
  // Reads no body: whatever is sent, the code names nothing: a 404.
  "POST /api/admin/certificates/[code]/restore": { body: () => ({}) },
  // --- job queue ---
  // Reads no body: the id names no job, a 404 (a spoiled id is a 404 too, before any look-up); nothing is retried.
  "POST /api/admin/jobs/[jobId]/retry": { body: () => ({}) },
  "POST /api/admin/jobs/run": { body: () => ({ queue: "reminders" }) },
  // --- school: bulk import ---
  // One good row: each spoiled field (a row's cell, line, dryRun, invite) is a 400 for the whole batch, nothing written.
  "POST /api/admin/users/import": {
    body: () => ({ rows: [{ line: 2, name: "Fuzz Import", email: "fuzz-import@example.test", role: "learner", cohort: "", courses: "" }] }),
  },
  // --- school: invitations ---
  // The cohort id names nothing: a valid invitation is a 404 before anything is written, a spoiled one a 400.
  "POST /api/admin/invitations": {
    body: (f) => ({ emails: ["fuzz-invitee@example.test"], role: "LEARNER", courseIds: [f.courseId], cohortId: f.cohortId }),
  },
  "GET /api/admin/invitations": { query: () => ({ status: "pending", q: "fuzz", page: "1" }) },
  // Reads no body: the invitation id names nothing, so whatever is sent is a 404 or a 400.
  "POST /api/admin/invitations/[invitationId]/resend": { body: () => ({}) },
  // An unknown token: a valid body is a 404, a spoiled one a 400.
  "POST /api/invitations/accept": { body: () => ({ token: LONG_TOKEN, name: "Fuzz", password: "a long enough passphrase" }) },
  // --- school: cohorts and staff enrollment ---
  // The cohort id names nothing and the fixture user is not enrolled: a valid request is a 404 (or reports nothing new),
  // a spoiled one a 400 that writes nothing.
  "GET /api/admin/cohorts": { query: () => ({ q: "fuzz", page: "1" }) },
  "POST /api/admin/cohorts": { body: () => ({ name: "Fuzz cohort" }) },
  "GET /api/admin/cohorts/[cohortId]": { query: () => ({ page: "1" }) },
  "PATCH /api/admin/cohorts/[cohortId]": { body: () => ({ name: "Fuzz cohort" }) },
  "POST /api/admin/cohorts/[cohortId]/members": { body: (f) => ({ userIds: [f.userId] }) },
  "POST /api/instructor/courses/[courseId]/enrollments": { body: (f) => ({ userIds: [f.userId], endsAt: "2030-06-30T23:59:00Z" }) },
  "PATCH /api/instructor/courses/[courseId]/enrollments/[userId]": { body: () => ({ endsAt: "2030-06-30T23:59:00Z" }) },
  "POST /api/instructor/courses/[courseId]/submissions/[submissionId]/grade": {
    body: () => ({ points: 5, feedback: "**Good.**", returnForRevision: false }),
  },
  "GET /api/storage/objects/[...key]": { query: (f) => f.storageQuery },
  "PUT /api/storage/objects/[...key]": { query: (f) => f.storageQuery },
  "PUT /api/storage/multipart/[...key]": { query: (f) => ({ ...f.storageQuery, uploadId: "0".repeat(32), partNumber: "1" }) },
  // --- quiz authoring -------------------------------------------------------------------------------------------------
  // The fixture lesson is not a quiz: a valid body would be a 404, so every spoiled one must be a 400 and write nothing.
  "PATCH /api/instructor/courses/[courseId]/modules/[moduleId]/lessons/[lessonId]/quiz": {
    body: () => ({
      passingScore: 70,
      maxAttempts: 3,
      timeLimitMinutes: 10,
      shuffleQuestions: true,
      shuffleOptions: false,
      showAnswers: "after_pass",
    }),
  },
  "POST /api/instructor/courses/[courseId]/modules/[moduleId]/lessons/[lessonId]/questions": {
    body: () => ({
      type: "multiple",
      prompt: "Which are **prime**?",
      points: 2,
      explanation: "Two and three.",
      partialCredit: true,
      options: [
        { id: "two", text: "2", correct: true },
        { text: "4", correct: false },
      ],
      position: 0,
    }),
  },
  "PATCH /api/instructor/courses/[courseId]/modules/[moduleId]/lessons/[lessonId]/questions/[questionId]": {
    body: () => ({
      type: "numeric",
      prompt: "How much?",
      points: 1,
      explanation: "Because.",
      options: [
        { id: "a", text: "A", correct: true },
        { text: "B", correct: false },
      ],
      partialCredit: false,
      correct: true,
      acceptedAnswers: ["yes"],
      answer: 3.5,
      tolerance: 0.5,
    }),
  },
  "POST /api/instructor/courses/[courseId]/modules/[moduleId]/lessons/[lessonId]/questions/reorder": {
    body: (f) => ({ order: [f.questionId] }),
  },
  // --- quiz taking ----------------------------------------------------------------------------------------------------
  // The fixture lesson is not a quiz and the attempt id names nothing: a valid body is a 404, a spoiled one a 400.
  // Starting and submitting read no body: whatever is sent (malformed, of the wrong type, too large) changes nothing.
  "POST /api/my-courses/[courseId]/lessons/[lessonId]/attempts": { body: () => ({}) },
  "PUT /api/my-courses/[courseId]/lessons/[lessonId]/attempts/[attemptId]/answers": {
    body: (f) => ({ questionId: f.questionId, answer: { optionIds: ["def", "list"] } }),
  },
  "POST /api/my-courses/[courseId]/lessons/[lessonId]/attempts/[attemptId]/submit": { body: () => ({}) },
  // --- quiz results ---------------------------------------------------------------------------------------------------
  // The fixture lesson is not a quiz: a valid request is a 404, so every spoiled one must be a 400 and write nothing.
  "GET /api/instructor/courses/[courseId]/quizzes/[lessonId]/results": { query: () => ({ format: "csv" }) },
  "POST /api/instructor/courses/[courseId]/quizzes/[lessonId]/extra-attempts": { body: (f) => ({ learnerId: f.userId }) },
  // --- discussions ----------------------------------------------------------------------------------------------------
  // The fixture course is the admin's (a moderator, not rate-limited) and the thread, reply and report ids name nothing:
  // a valid write is a 404, so every spoiled one must be a 400 (or a 404 for the path) and write nothing.
  "GET /api/courses/[courseId]/discussions": {
    query: (f) => ({ lessonId: f.lessonId, filter: "unanswered", q: "fuzz", sort: "upvoted", limit: "5" }),
  },
  "POST /api/courses/[courseId]/discussions": { body: (f) => ({ lessonId: f.lessonId, title: "Fuzz question", body: "Some `code`." }) },
  "PATCH /api/courses/[courseId]/discussions/[threadId]": {
    body: () => ({ title: "Fuzz question", body: "Text", pinned: true, locked: false, hidden: false }),
  },
  "POST /api/courses/[courseId]/discussions/[threadId]/replies": { body: () => ({ body: "A reply." }) },
  "PATCH /api/courses/[courseId]/discussions/[threadId]/replies/[replyId]": { body: () => ({ body: "A reply.", hidden: false }) },
  "POST /api/courses/[courseId]/discussions/[threadId]/answer": { body: (f) => ({ replyId: f.replyId }) },
  "POST /api/courses/[courseId]/discussions/[threadId]/upvote": { body: () => ({ upvoted: true }) },
  "POST /api/courses/[courseId]/discussions/[threadId]/replies/[replyId]/upvote": { body: () => ({ upvoted: true }) },
  "POST /api/courses/[courseId]/discussions/[threadId]/report": { body: () => ({ reason: "Off topic." }) },
  "POST /api/courses/[courseId]/discussions/[threadId]/replies/[replyId]/report": { body: () => ({ reason: "Off topic." }) },
  "GET /api/courses/[courseId]/discussions/reports": { query: () => ({ status: "all" }) },
  "PATCH /api/courses/[courseId]/discussions/reports/[reportId]": { body: () => ({ resolved: true }) },
  "GET /api/instructor/discussions": {
    query: () => ({ cursor: `2026-01-01T00:00:00.000000Z_${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}` }),
  },
};

/** Routes that take a JSON body: a sample is required for them, so that their fields are fuzzed too. */
const BODY_METHODS: Method[] = ["POST", "PUT", "PATCH"];
/** Body-taking routes that read no body (they act on the path alone), or whose body is Auth.js's own form. */
const NO_JSON_BODY = new Set([
  "POST /api/courses/[courseId]/enroll",
  "POST /api/my-courses/[courseId]/lessons/[lessonId]/opened",
  "POST /api/auth/verify-email/resend",
  "POST /api/admin/users/[userId]/password-reset",
  "POST /api/notifications/unsubscribe",
  "POST /api/auth/[...nextauth]",
  "PUT /api/storage/objects/[...key]",
  "PUT /api/storage/multipart/[...key]",
  "PUT /api/courses/[courseId]/discussions/mutes/[userId]",
]);

const CONTROL_VALUES = ["\u0000", "a\u0000b", "\u0001", "x\u0008y", "\u000b", "\u001b[2J", "\u007f"];
const PATH_VALUES = ["%00", "a%00b", "%0d%0a", "%1b", "%7f", "%ff", "%c0%af", "%e0%80", "%", "%zz"];
const QUERY_VALUES = ["%00", "a%00b", "%0A", "%09", "%0D%0A", "%1b", "%ff", "%c0%af", "%"];
const EDGE_QUERY_VALUES = ["%00", "%1b", "%ff", "%"];

type Case = { label: string; method: Method; path: string; body?: string; contentType?: string };

function fill(template: string, f: Fixtures, replace?: { index: number; value: string }): string {
  let index = -1;
  return template.replace(/\[([^\]]+)\]/g, (_m, name: string) => {
    index += 1;
    if (replace && replace.index === index) return replace.value;
    if (name === "...key") return f.storageKey;
    if (name === "...nextauth") return "session";
    if (name === "materialId") return template.includes("/lessons/") ? f.lessonMaterialId : f.materialId;
    const value = (f as unknown as Record<string, unknown>)[name];
    if (typeof value !== "string") throw new Error(`No fixture for the route parameter ${name} of ${template}`);
    return value;
  });
}

const withQuery = (pathname: string, query: Record<string, string>, raw?: { name: string; value: string }) => {
  const parts = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${raw?.name === k ? raw.value : encodeURIComponent(v)}`);
  if (raw && !(raw.name in query)) parts.push(`${encodeURIComponent(raw.name)}=${raw.value}`);
  return parts.length ? `${pathname}?${parts.join("&")}` : pathname;
};

/** Every leaf of a JSON value, as a path of keys and array indexes. */
function leaves(value: unknown, at: (string | number)[] = []): { at: (string | number)[]; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...at, i]));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]));
  return [{ at, value }];
}
function replaced(value: unknown, at: (string | number)[], by: unknown): unknown {
  if (at.length === 0) return by;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[at[0]!] = replaced(copy[at[0]!], at.slice(1), by);
  return copy;
}

function casesFor(template: string, method: Method, f: Fixtures): Case[] {
  const key = `${method} ${template}`;
  const sample = samples[key];
  const query = sample?.query?.(f) ?? {};
  const good = fill(template, f);
  const cases: Case[] = [];
  const json = (label: string, body: unknown) =>
    cases.push({ label, method, path: withQuery(good, query), body: JSON.stringify(body), contentType: "application/json" });

  // The path: each dynamic segment, then the end of the path, spoiled.
  paramsOf(template).forEach((name, index) => {
    for (const value of PATH_VALUES)
      cases.push({ label: `[${name}] = ${value}`, method, path: withQuery(fill(template, f, { index, value }), query) });
  });
  for (const value of PATH_VALUES.slice(0, 3)) cases.push({ label: `trailing segment ${value}`, method, path: `${good}/${value}` });
  // The query: each parameter the route reads, spoiled; a route that reads none gets a made-up one that no route could
  // take (the edge refuses it).
  const spoiled = Object.keys(query).length
    ? Object.keys(query).map((name) => [name, QUERY_VALUES] as const)
    : [["q", EDGE_QUERY_VALUES] as const];
  for (const [name, values] of spoiled)
    for (const value of values) cases.push({ label: `?${name}=${value}`, method, path: withQuery(good, query, { name, value }) });

  if (!BODY_METHODS.includes(method) || NO_JSON_BODY.has(key)) return cases;
  const contentType = "application/json";
  for (const [label, body] of [
    ["malformed JSON", '{"a":'],
    ["a JSON string cut short", '"abc'],
    ["an empty body", ""],
  ] as const) {
    cases.push({ label, method, path: withQuery(good, query), body, contentType });
  }
  for (const body of [null, 42, "text", [], [1, 2], true]) json(`body ${JSON.stringify(body)}`, body);
  cases.push({
    label: "a 3 MiB body",
    method,
    path: withQuery(good, query),
    body: JSON.stringify({ title: "x".repeat(3 * 1024 * 1024) }),
    contentType,
  });

  const valid = sample?.body?.(f);
  if (!valid) return cases;
  for (const leaf of leaves(valid)) {
    const field = leaf.at.join(".");
    if (typeof leaf.value === "string") {
      for (const bad of CONTROL_VALUES) json(`${field} = ${JSON.stringify(bad)}`, replaced(valid, leaf.at, bad));
      for (const bad of [123, {}, [], true]) json(`${field} = ${JSON.stringify(bad)}`, replaced(valid, leaf.at, bad));
    } else {
      for (const bad of ["1", {}, [], "\u0000"]) json(`${field} = ${JSON.stringify(bad)}`, replaced(valid, leaf.at, bad));
    }
  }
  return cases;
}

// --- the app under test, and what it stores -------------------------------------------------------------------------

let server: AppServer | undefined;
let dataDir: string | undefined;
let database: { url: string; name: string } | undefined;
let pg: Client | undefined;
let base = "";
let admin: ApiClient;
let fixtures: Fixtures;

/** A digest of every row of every table, to tell whether a request wrote anything. */
async function digest(): Promise<string> {
  if (!pg) return "";
  const tables = await pg.query<{ tablename: string }>(
    "select tablename from pg_tables where schemaname = 'public' and tablename not like '__drizzle%' order by tablename",
  );
  // A session's last_seen_at moves on by itself (at most every 5 minutes) with whatever request the session makes: it is
  // not a write of the request's own, so it is left out.
  const rowOf = (table: string) => (table === "user_sessions" ? "(x.id, x.user_id, x.created_at, x.user_agent, x.ip)" : "x");
  const parts = tables.rows.map(
    ({ tablename }) =>
      `select '${tablename}' as t, md5(coalesce(string_agg(${rowOf(tablename)}::text, '|' order by ${rowOf(tablename)}::text), '')) as d from "${tablename}" x`,
  );
  const result = await pg.query<{ t: string; d: string }>(parts.join(" union all "));
  return result.rows.map((r) => `${r.t}:${r.d}`).join(",");
}

/** The tables whose digest differs, for the failure message. */
const changedTables = (before: string, after: string) => {
  const a = new Map(before.split(",").map((p) => p.split(":") as [string, string]));
  return after.split(",").flatMap((p) => {
    const [t, d] = p.split(":") as [string, string];
    return a.get(t) === d ? [] : [t];
  });
};

beforeAll(async () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `budhhub_fuzz_${randomBytes(5).toString("hex")}`;
    const adminDb = new Client({ connectionString: serverUrl });
    await adminDb.connect();
    await adminDb.query(`create database ${name}`);
    await adminDb.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    database = { url: url.toString(), name };
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-fuzz-"));
    server = await startApp({
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      DATABASE_DRIVER: "pg",
      SEED_DEMO: "true",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
    });
    base = server.url;
    pg = new Client({ connectionString: database.url });
    await pg.connect();
  } else {
    base = baseUrl();
    dataDir = testDataDir();
  }

  admin = new ApiClient(base);
  const signedIn = await admin.signIn(DEMO_ADMIN, DEMO_PASSWORD);
  if (signedIn.status !== 200) throw new Error(`demo admin sign-in answered ${signedIn.status}`);
  const tree = await createCourseTree(admin, { title: "Fuzz course", published: true });
  const material = async (target: object) => {
    const started = await startUpload(
      admin,
      "material",
      { courseId: tree.courseId, ...target },
      { fileName: "m.txt", contentType: "text/plain", size: 5 },
    );
    const put = await fetch(started.single!.url, { method: "PUT", body: "hello", headers: started.single!.headers });
    if (!put.ok) throw new Error(`uploading a material answered ${put.status}`);
    const done = await admin.post("/api/upload/material/complete", { uploadId: started.uploadId });
    return done.json<{ material: { id: string } }>().material.id;
  };
  const materialId = await material({});
  const lessonMaterialId = await material({ moduleId: tree.moduleId, lessonId: tree.lessonId });
  const pending = await startUpload(
    admin,
    "thumbnail",
    { courseId: tree.courseId },
    { fileName: "t.png", contentType: "image/png", size: 100 },
  );
  const signed = new URL(pending.single!.url);
  const users = await admin.get("/api/admin/users?role=LEARNER");
  const userId = users.json<{ users: { id: string }[] }>().users[0]!.id;

  // A learner who asked to teach: a pending request.
  const asker = new ApiClient(base);
  const email = uniqueEmail("fuzz-asker");
  const outbox = path.join(dataDir, "mail");
  const seen = outboxCount(email, outbox);
  await asker.signUp({ email, password: strongPassword() });
  const link = new URL(linkIn(await waitForOutboxMail(email, { seen, dir: outbox }), "/verify-email"));
  await asker.post("/api/auth/verify-email", { token: link.searchParams.get("token") });
  const onboarded = await asker.onboard("INSTRUCTOR");
  const requestId = onboarded.json<{ instructorRequest: { id: string } }>().instructorRequest.id;

  const category = async (name: string) =>
    (await admin.post("/api/admin/categories", { name })).json<{ category: { id: string } }>().category.id;
  fixtures = {
    ...tree,
    categoryId: await category("Fuzz source"),
    intoCategoryId: await category("Fuzz target"),
    materialId,
    lessonMaterialId,
    userId,
    uploadId: pending.uploadId,
    requestId,
    sessionId: crypto.randomUUID(),
    submissionId: crypto.randomUUID(),
    cohortId: crypto.randomUUID(),
    invitationId: crypto.randomUUID(),
    code: "00000000AAAA",
    questionId: crypto.randomUUID(),
    attemptId: crypto.randomUUID(),
    jobId: crypto.randomUUID(),
    threadId: crypto.randomUUID(),
    replyId: crypto.randomUUID(),
    reportId: crypto.randomUUID(),
    storageKey: signed.pathname.replace(/^\/api\/storage\/(objects|multipart)\//, ""),
    storageQuery: Object.fromEntries(signed.searchParams),
  };
}, 180_000);

afterAll(async () => {
  await pg?.end();
  await server?.stop();
  if (server && dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  if (database && process.env.TEST_DATABASE_URL) {
    const cleanup = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${database.name} with (force)`);
    await cleanup.end();
  }
});

describe("malformed input to every API route", () => {
  const routes = listApiRoutes();

  it("has a sample body for every route that takes JSON, so that its fields are fuzzed", () => {
    const missing = routes.flatMap((r) =>
      r.methods
        .filter((m) => BODY_METHODS.includes(m) && !NO_JSON_BODY.has(`${m} ${r.template}`) && !samples[`${m} ${r.template}`])
        .map((m) => `${m} ${r.template}`),
    );
    expect(missing, "add a valid body for these routes to `samples`").toEqual([]);
    const stale = Object.keys(samples).filter((key) => !routes.some((r) => r.methods.some((m) => `${m} ${r.template}` === key)));
    expect(stale, "these samples name no route").toEqual([]);
  });

  it("answers every malformed request with a 4xx and writes nothing", { timeout: 900_000 }, async () => {
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let count = 0;
    let before = await digest();
    for (const route of routes) {
      for (const method of route.methods) {
        for (const c of casesFor(route.template, method, fixtures)) {
          const headers: Record<string, string> = { "x-forwarded-for": admin.ip, cookie: `authjs.session-token=${admin.sessionToken}` };
          if (c.contentType) headers["content-type"] = c.contentType;
          const response = await fetch(`${base}${c.path}`, { method: c.method, headers, body: c.body, redirect: "manual" });
          const text = c.method === "HEAD" ? "" : await response.text();
          count += 1;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const after = await digest();
          const where = `${c.method} ${route.template}: ${c.label}`;
          if (response.status >= 500) failures.push(`${where} → ${response.status} ${text.slice(0, 200)}`);
          if (after !== before) failures.push(`${where} → ${response.status} changed ${changedTables(before, after).join(", ")}`);
          if (response.status >= 200 && response.status < 300 && c.method !== "GET" && c.method !== "HEAD") {
            failures.push(`${where} → ${response.status}: a malformed write was accepted`);
          }
          before = after;
        }
      }
    }
    const summary = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(", ");
    console.info(
      `[bad-input] ${count} requests to ${routes.reduce((n, r) => n + r.methods.length, 0)} route methods (${routes.length} route files): ${summary}; ` +
        (pg ? "every table's digest compared before and after each request" : "no Postgres server (TEST_DATABASE_URL): writes not checked"),
    );
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(1000);
  });
});
