import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newAccount, waitForOutboxMail, type Account } from "../helpers/api-client";
import { baseUrl } from "../helpers/base-url";
import {
  axeInBothSchemes,
  elementsPastViewportOutsideScrollBoxes,
  launchBrowser,
  waitForHydration,
  watchPageErrors,
} from "../helpers/browser";
import { buildCourse, enrollIn, type BuiltCourse } from "../helpers/learning-fixtures";
import { linkIn } from "../helpers/mail-text";

/**
 * The school's first day: an admin imports a CSV of 50 learners into a new cohort (a check of every row first, then the
 * import with its progress bar, then the result file), enrolls the cohort in a course, and an imported learner accepts
 * the mailed invitation and lands in the course; the course's analytics, filtered by the cohort, list the imported
 * learners and not one who enrolled alone. A second import of the same file would change nothing. 0 axe violations.
 */

const ADMIN = { email: "admin@budhhub.test", password: "budhhub-demo" };
const address = () => `10.81.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const RUN = randomBytes(4).toString("hex");
const COHORT = `Import class ${RUN}`;
const learners = Array.from({ length: 50 }, (_, i) => ({
  name: `Imported Learner ${i + 1}`,
  email: `imported-${RUN}-${i + 1}@example.test`,
}));
const CSV = ["name,email,role,cohort,courses", ...learners.map((l) => `${l.name},${l.email},learner,${COHORT},`)].join("\n");

/** Records every value the import's progress bar shows, from before the click that starts it. */
async function watchProgress(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Importing the rows"]');
      const now = bar?.getAttribute("aria-valuenow");
      if (now && seen.at(-1) !== now) seen.push(now);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen.map(Number));
}

describe("bulk import in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let admin: BrowserContext;
  let course: BuiltCourse;
  let alone: Account;

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    admin = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": address() }, acceptDownloads: true });
    expect((await admin.request.post("/api/auth/signin", { data: ADMIN })).status()).toBe(200);
    const [owner, solo] = await Promise.all([newAccount("INSTRUCTOR", "e2e-import-owner"), newAccount("LEARNER", "e2e-import-solo")]);
    alone = solo!;
    course = await buildCourse(owner!.client, { title: `Imported course ${RUN}`, lessons: 1 });
    await enrollIn(alone.client, course.courseId);
  }, 180_000);
  afterAll(async () => {
    await close?.();
  });

  it("imports 50 learners into a cohort with a progress bar; the cohort is enrolled; a learner accepts and lands in the course", async () => {
    const page = await admin.newPage();
    const errors = watchPageErrors(page);
    await page.goto("/admin/users");
    await page.getByRole("link", { name: "Import from CSV" }).click();
    await page.waitForURL(/\/admin\/users\/import$/);
    await waitForHydration(page);
    expect(await axeInBothSchemes(page, "import, empty")).toEqual([]);

    await page.getByLabel("CSV file").setInputFiles({ name: "class.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await page.getByText("class.csv: 50 rows.").waitFor();
    await page.getByRole("button", { name: "Check the rows" }).click();
    await page
      .getByText("Nothing is written yet. Importing would create 50 accounts, update 0, leave 0 unchanged and skip 0 rows")
      .waitFor();
    expect(await axeInBothSchemes(page, "import, checked")).toEqual([]);

    const progress = await watchProgress(page);
    await page.getByRole("button", { name: "Import 50 rows" }).click();
    await page.getByText("Imported: 50 created, 0 updated, 0 unchanged, 0 skipped.").waitFor();
    const values = await progress();
    // The bar moved through the batches (10 rows each for a file of 50) on its way to the end.
    expect(values.some((v) => v > 0 && v < 100)).toBe(true);
    expect(values).toEqual([...values].sort((a, b) => a - b));

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /Download the result as CSV/ }).click(),
    ]);
    const result = await (await import("node:fs/promises")).readFile((await download.path())!, "utf8");
    const lines = result.trim().split(/\r?\n/);
    expect(lines[0]).toBe("line,email,outcome,changes,reason");
    expect(lines).toHaveLength(51);
    expect(lines[1]).toBe(`2,${learners[0]!.email},created,account created (learner); invitation mailed; joined cohort ${COHORT} (new),`);
    expect(await axeInBothSchemes(page, "import, done")).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await elementsPastViewportOutsideScrollBoxes(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The same file again changes nothing.
    await page.getByRole("button", { name: "Check the rows" }).click();
    await page.getByText("Importing would create 0 accounts, update 0, leave 50 unchanged and skip 0 rows").waitFor();
    expect(await page.getByRole("button", { name: /^Import \d+ rows?$/ }).count()).toBe(0);

    // The cohort, enrolled in the course from its page.
    await page.goto(`/admin/cohorts?q=${encodeURIComponent(COHORT)}`);
    await page.getByRole("link", { name: COHORT }).click();
    await page.waitForURL(/\/admin\/cohorts\/[0-9a-f-]+$/);
    await waitForHydration(page);
    await page.getByText("50 members, page 1 of 1.").waitFor();
    await page.getByLabel("Course", { exact: true }).selectOption(course.courseId);
    await page.getByRole("button", { name: "Enroll cohort" }).click();
    await page.getByText(`Enrolled in Imported course ${RUN}: 50 new, 0 already enrolled.`).waitFor();

    // An imported learner accepts the mailed invitation and lands in the course.
    const chosen = learners[6]!;
    const link = linkIn(await waitForOutboxMail(chosen.email), "/invite/");
    const invitee = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": address() } });
    const accept = await invitee.newPage();
    await accept.goto(new URL(link).pathname);
    await waitForHydration(accept);
    await accept.getByLabel("Your name").fill(chosen.name);
    await accept.getByLabel("New password", { exact: true }).fill("a long and unusual passphrase");
    await accept.getByLabel("New password again").fill("a long and unusual passphrase");
    await accept.getByRole("button", { name: "Create my account" }).click();
    await accept.waitForURL((url) => url.pathname.startsWith(`/my-courses/${course.courseId}`));
    await accept.getByText(`Imported course ${RUN}`).first().waitFor();

    // The course's analytics, filtered by the cohort: its members, not the learner who enrolled alone.
    await page.goto(`/instructor/courses/${course.courseId}/analytics`);
    await waitForHydration(page);
    const learnersStatus = page.getByRole("status").filter({ hasText: /learners?, all time/ });
    await learnersStatus.filter({ hasText: "51 learners" }).waitFor();
    await page.getByLabel("Cohort", { exact: true }).selectOption({ label: COHORT });
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/cohortId=/);
    await page.getByText(`Showing members of ${COHORT} only`).waitFor();
    await learnersStatus.filter({ hasText: "50 learners" }).waitFor();
    // Every filtered row, through the page's CSV link: the 50 imported learners, not the one who enrolled alone.
    const csvHref = await page
      .getByRole("link", { name: /Download CSV/ })
      .last()
      .getAttribute("href");
    expect(csvHref).toContain("cohortId=");
    const csv = await (await admin.request.get(csvHref!)).text();
    for (const learner of learners) expect(csv).toContain(learner.email);
    expect(csv).not.toContain(alone.email);
    expect(await axeInBothSchemes(page, "analytics filtered by the imported cohort")).toEqual([]);
    expect(errors).toEqual([]);
  });
});
