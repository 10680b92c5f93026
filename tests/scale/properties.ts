/** A test's outcome as vitest reports it: its full name ("describe › it") and "passed", "failed", "skipped"…. */
export type TestOutcome = { name: string; state: string };

/**
 * What issue 19 asks the scale test to show, each with the tests that show it (matched on their full names). The
 * runner prints every property with PASS or FAIL, or NOT RUN when none of its tests ran (the Neon pass runs a subset).
 */
export const PROPERTIES: { property: string; tests: RegExp }[] = [
  { property: "both instances started at once on an empty database migrate it once, and both are ready", tests: /migrated it once/ },
  { property: "a session made on one instance works on the other", tests: /a session made on A works on B/ },
  {
    property: "a sign-out or role change on one instance counts on the other's next request",
    tests: /sign-out on A|session ended from another device|role change made on A/,
  },
  { property: "rate limits count requests made to both instances", tests: /^rate limits across instances › / },
  { property: "an upload started on one instance, sent to the bucket, completed on the other", tests: /^an upload across instances › / },
  { property: "a multipart upload resumed after its first instance is stopped", tests: /multipart upload .*resumed/ },
  {
    property: "a course published, edited or unpublished on one shows in the other's catalog and course page within 2 s",
    tests: /shows in B's catalog and course page within 2 s/,
  },
  { property: "a completion on one shows in the other's analytics within 5 s", tests: /shows in the course's analytics on B within 5 s/ },
  { property: "a sign-up policy changed on one is applied by the other within 5 s", tests: /policy changed on A is applied by B/ },
  { property: "a job enqueued on one instance runs exactly once", tests: /^the job queue across instances › / },
  { property: "a scheduled job runs once per schedule", tests: /^schedules across instances › / },
  {
    property:
      "SIGTERM to one instance under load: it drains (/api/ready 503) and finishes its requests, nginx sends the rest to the other: 0 failed GETs, no lost write",
    tests: /^stopping one instance under load › /,
  },
  {
    property: "a roll-out step: an instance taken out of nginx's upstream, then stopped under load: no failed request at all",
    tests: /^an instance taken out of nginx's upstream, then stopped › /,
  },
  { property: "instance logs hold no secret", tests: /^instance logs hold no secret$/ },
];

/**
 * Prints each property with PASS, FAIL or NOT RUN, and any failed test no property claims; false when one failed, or
 * when one did not run in a run that had to run them all (`all`: the whole suite on the Postgres driver).
 */
export function reportProperties(outcomes: TestOutcome[], { driver, all }: { driver: string; all: boolean }): boolean {
  let ok = true;
  const lines = PROPERTIES.map(({ property, tests }) => {
    const mine = outcomes.filter((o) => tests.test(o.name));
    const ran = mine.filter((o) => o.state === "passed" || o.state === "failed");
    const failed = ran.filter((o) => o.state === "failed");
    if (failed.length > 0 || (all && ran.length === 0)) ok = false;
    const verdict = failed.length > 0 ? "FAIL   " : ran.length > 0 ? "PASS   " : "NOT RUN";
    return `  ${verdict} ${property}${ran.length > 1 ? ` (${ran.length - failed.length}/${ran.length} tests)` : ""}`;
  });
  const unclaimed = outcomes.filter((o) => !PROPERTIES.some(({ tests }) => tests.test(o.name)));
  for (const o of unclaimed.filter((o) => o.state === "failed")) {
    ok = false;
    lines.push(`  FAIL    ${o.name}`);
  }
  console.log(`\n[test:scale] properties across two instances (driver ${driver}):\n${lines.join("\n")}\n`);
  return ok;
}
