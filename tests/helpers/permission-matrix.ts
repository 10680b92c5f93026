import { afterAll, describe, expect, it } from "vitest";
import type { ApiClient } from "./api-client";

/**
 * The permission matrix's table and runner, shared by the files that hold its rows: each row is a route, each column an
 * actor, each cell the status that actor gets (or, for a page, the redirect). A failing row prints the whole table
 * with the differing cells marked.
 */

export type Redirect = { redirect: string };
export type Expected = number | Redirect;
export const SIGN_IN: Redirect = { redirect: "/signin?callbackUrl=" };
export const DENIED: Redirect = { redirect: "/dashboard?denied=" };
export const TO_DASHBOARD: Redirect = { redirect: "/dashboard" };

export type MatrixRow<Actor extends string, Fixtures> = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string | ((f: Fixtures) => string);
  /** A JSON body: valid, so that the answer is about who asks, not what they sent. */
  body?: (f: Fixtures, actor: Actor) => unknown;
  expect: Record<Actor, Expected>;
  note?: string;
};

const show = (e: Expected) => (typeof e === "number" ? String(e) : `→ ${e.redirect}…`);

export type Matrix<Actor extends string, Fixtures> = {
  title: string;
  actors: readonly Actor[];
  rows: MatrixRow<Actor, Fixtures>[];
  /** Fixtures whose ids name themselves ("[course.id]"), for test names and the printed table. */
  named: Fixtures;
  /** The actors' clients and the real fixtures, filled in by the file's beforeAll. */
  clients: () => Record<Actor, ApiClient>;
  fixtures: () => Fixtures;
};

/** Registers one test per row, and an afterAll that prints the table when any cell differs. */
export function runPermissionMatrix<Actor extends string, Fixtures>(matrix: Matrix<Actor, Fixtures>) {
  const { title, actors, rows, named } = matrix;
  const labelOf = (row: MatrixRow<Actor, Fixtures>) => `${row.method} ${typeof row.path === "string" ? row.path : row.path(named)}`;
  const results: { row: MatrixRow<Actor, Fixtures>; got: Record<Actor, string> }[] = [];

  async function outcome(row: MatrixRow<Actor, Fixtures>, actor: Actor): Promise<string> {
    const fixtures = matrix.fixtures();
    const path = typeof row.path === "function" ? row.path(fixtures) : row.path;
    const body = row.body?.(fixtures, actor);
    // keepJar: the actors stay as they are (the disabled user's cookie is not dropped when a response clears it).
    const response = await matrix.clients()[actor].request(row.method, path, { json: body, keepJar: true });
    const expected = row.expect[actor];
    // 307 for the guard's redirects, 308 for the permanent ones (a course's id or old slug to its current URL).
    const redirected = response.status === 307 || response.status === 308;
    if (typeof expected !== "number" && redirected && response.location?.startsWith(expected.redirect)) {
      return show(expected);
    }
    return response.status === 307 || response.status === 308 ? `→ ${response.location}` : String(response.status);
  }

  describe(title, () => {
    for (const row of rows) {
      const label = labelOf(row);
      it(label, async () => {
        const got = Object.fromEntries(await Promise.all(actors.map(async (a) => [a, await outcome(row, a)]))) as Record<Actor, string>;
        results.push({ row, got });
        const want = Object.fromEntries(actors.map((a) => [a, show(row.expect[a])]));
        expect(got, `${label}${row.note ? ` (${row.note})` : ""}`).toEqual(want);
      });
    }
  });

  afterAll(() => {
    const failed = results.filter(({ row, got }) => actors.some((a) => got[a] !== show(row.expect[a])));
    if (failed.length === 0) return;
    const width = 24;
    const routeWidth = Math.max(48, ...results.map(({ row }) => labelOf(row).length));
    const lines = [["route".padEnd(routeWidth), ...actors.map((a) => a.padEnd(width))].join(" ")];
    for (const { row, got } of results) {
      const cells = actors.map((a) => {
        const want = show(row.expect[a]);
        return (got[a] === want ? want : `✗ ${got[a]} (want ${want})`).padEnd(width);
      });
      lines.push([labelOf(row).padEnd(routeWidth), ...cells].join(" "));
    }
    console.error(`\n${title} (${failed.length} row(s) differ, marked ✗):\n${lines.join("\n")}\n`);
  });
}
