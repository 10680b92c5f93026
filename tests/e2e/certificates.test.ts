import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoQuizzes } from "@/lib/demo/quizzes";
import { ApiClient, DEMO_ADMIN, DEMO_PASSWORD, newAccount, uniqueIp, type Account, type ApiResponse } from "../helpers/api-client";
import { baseUrl } from "../helpers/base-url";
import { rightAnswer } from "../helpers/demo-quiz-answers";
import {
  axeInBothSchemes,
  elementsPastViewportOutsideScrollBoxes,
  launchBrowser,
  waitForHydration,
  watchPageErrors,
} from "../helpers/browser";
import { signInContext } from "../helpers/browser-accounts";
import { enrollIn } from "../helpers/learning-fixtures";
import { openLesson } from "../helpers/learner-pages";

/**
 * Certificates in Chromium. A new learner completes a demo course, "Product Management Essentials" (Alan's, which no
 * other e2e file counts on): the quiz with the right answers from the demo data, the assignment handed in and graded
 * passing by Alan, and every lesson but the last over the API; the last "Mark complete" is clicked in the player, which
 * issues the certificate, and the course-complete notice links to My certificates. My courses links to it, My certificates lists it and downloads its PDF (poppler reads the
 * name, the course and the code in it), and its "View" link opens the verification page. Signed out, the page says Valid
 * with the name, the course and the code, and previews with Open Graph tags. The admin finds it in /admin/certificates
 * by its code and revokes it with a reason (the focus then on the row's Restore button); the row, the learner's list and
 * the public page say revoked, with the reason; then the admin restores it, leaving the demo data as they were but for one more learner. 0 axe violations in light and dark on every
 * new page, and nothing past a 360 px screen outside a scroll box.
 */

const COURSE = "Product Management Essentials";
const QUIZ = demoQuizzes.find((q) => q.course === "product-management-essentials")!;
const ALAN = { email: "alan@budhhub.test", password: DEMO_PASSWORD };
const REASON = "Issued by mistake during an audit";

type Lesson = { id: string; title: string; kind: string; completed: boolean };
type Certificate = { code: string; displayCode: string; courseTitle: string; status: string };

async function ok(response: Promise<ApiResponse>, what: string, statuses = [200]): Promise<ApiResponse> {
  const answer = await response;
  if (!statuses.includes(answer.status)) throw new Error(`${what} answered ${answer.status}: ${answer.text}`);
  return answer;
}

describe("certificates in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let learner: Account;
  let courseId: string;
  let lastLessonId: string;
  let certificate: Certificate;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cert-e2e-"));

  const newContext = (width = 1280) =>
    browser.newContext({ baseURL: baseUrl(), viewport: { width, height: 900 }, extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    learner = await newAccount("LEARNER", "e2e-certificate");
    const alan = new ApiClient();
    await ok(alan.signIn(ALAN.email, ALAN.password), "Alan's sign-in");
    const mine = (await ok(alan.get("/api/instructor/courses"), "Alan's courses")).json<{ courses: { id: string; title: string }[] }>();
    courseId = mine.courses.find((c) => c.title === COURSE)!.id;
    await enrollIn(learner.client, courseId);

    const my = `/api/my-courses/${courseId}`;
    const curriculum = (await ok(learner.client.get(my), "the course")).json<{ curriculum: { lessons: Lesson[] }[] }>().curriculum;
    const lessons = curriculum.flatMap((m) => m.lessons);
    const quiz = lessons.find((l) => l.kind === "quiz")!;
    const assignment = lessons.find((l) => l.kind === "assignment")!;
    const plain = lessons.filter((l) => l.kind !== "quiz" && l.kind !== "assignment");
    lastLessonId = plain.at(-1)!.id;
    for (const lesson of plain.slice(0, -1)) {
      await ok(learner.client.post(`${my}/lessons/${lesson.id}/complete`, { completed: true }), `completing ${lesson.title}`);
    }

    // The quiz, every answer right (the demo data's own), over the API as the player sends them.
    const attempts = `${my}/lessons/${quiz.id}/attempts`;
    const started = (await ok(learner.client.post(attempts), "starting the quiz", [200, 201])).json<{
      attempt: { id: string; questions: { id: string; prompt: string }[] };
    }>();
    expect(started.attempt.questions).toHaveLength(QUIZ.questions.length);
    for (const shown of started.attempt.questions) {
      const question = QUIZ.questions.find((q) => q.prompt === shown.prompt)!;
      await ok(
        learner.client.put(`${attempts}/${started.attempt.id}/answers`, { questionId: shown.id, answer: rightAnswer(question) }),
        `answering "${shown.prompt}"`,
      );
    }
    const submitted = (await ok(learner.client.post(`${attempts}/${started.attempt.id}/submit`), "submitting the quiz")).json<{
      attempt: { score: number; passed: boolean };
    }>();
    expect(submitted.attempt).toMatchObject({ score: 100, passed: true });

    // The assignment, handed in as text and graded full marks by Alan.
    const handedIn = (
      await ok(
        learner.client.post(`${my}/lessons/${assignment.id}/submission`, {
          text: "Problem: booking a meeting room takes five clicks too many. Out of scope: the calendar itself.",
          uploadIds: [],
        }),
        "handing the assignment in",
        [201],
      )
    ).json<{ submission: { id: string } }>();
    await ok(
      alan.post(`/api/instructor/courses/${courseId}/submissions/${handedIn.submission.id}/grade`, {
        points: 10,
        feedback: "A clear brief.",
      }),
      "grading the assignment",
    );
    const now = (await ok(learner.client.get(my), "the course")).json<{ curriculum: { lessons: Lesson[] }[] }>().curriculum;
    const left = now.flatMap((m) => m.lessons).filter((l) => !l.completed);
    expect(left.map((l) => l.id)).toEqual([lastLessonId]);
    expect((await learner.client.get("/api/my-certificates")).json<{ certificates: Certificate[] }>().certificates).toEqual([]);
  }, 180_000);

  afterAll(async () => {
    await close?.();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function fits(page: Page, label: string) {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await waitForHydration(page);
    expect(await elementsPastViewportOutsideScrollBoxes(page), label).toEqual([]);
    expect(await axeInBothSchemes(page, `${label} at 360 px`)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  let learnerContext: BrowserContext;
  let learnerPage: Page;
  let learnerErrors: string[];

  it("issues the certificate when the learner marks the last lesson complete in the player", async () => {
    learnerContext = await newContext();
    await signInContext(learnerContext, learner);
    ({ page: learnerPage, errors: learnerErrors } = await openLesson(learnerContext, courseId, lastLessonId));
    await learnerPage.getByRole("button", { name: "Mark complete", exact: true }).click();
    await learnerPage.getByText("You have finished the course. Well done!").waitFor();
    // The course-complete notice says a certificate was issued, and links to it.
    const notice = learnerPage.getByRole("status").filter({ hasText: "Course complete" });
    await notice.getByText("Your certificate of completion is in My certificates.").waitFor();
    expect(await notice.getByRole("link", { name: "My certificates" }).getAttribute("href")).toBe("/my-certificates");
    expect(await axeInBothSchemes(learnerPage, "player, course complete")).toEqual([]);
    const mine = (await learner.client.get("/api/my-certificates")).json<{ certificates: Certificate[] }>().certificates;
    expect(mine.map((c) => [c.courseTitle, c.status])).toEqual([[COURSE, "valid"]]);
    certificate = mine[0]!;
    expect(certificate.displayCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });

  it("shows it on My courses and My certificates, downloads its PDF, and opens its page from View", async () => {
    const page = learnerPage;
    await page.goto("/my-courses");
    await waitForHydration(page);
    const link = page.getByRole("link", { name: `Certificate of ${COURSE}` });
    expect(await link.getAttribute("href")).toBe(`/certificates/${certificate.code}`);
    await page.getByRole("link", { name: "My certificates" }).first().click();
    await page.waitForURL(/\/my-certificates$/);
    await waitForHydration(page);

    const list = page.getByRole("list", { name: "My certificates" });
    const item = list.getByRole("listitem").filter({ hasText: COURSE });
    await item.getByText("Valid", { exact: true }).waitFor();
    await item.getByText(certificate.displayCode).waitFor();
    expect(await axeInBothSchemes(page, "my certificates")).toEqual([]);
    await fits(page, "my certificates");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      item.getByRole("link", { name: `Download PDF of ${COURSE}` }).click(),
    ]);
    const file = path.join(tmp, "certificate.pdf");
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain(learner.name);
    expect(text).toContain(COURSE);
    expect(text).toContain(certificate.displayCode);

    await item.getByRole("link", { name: `View the certificate for ${COURSE}` }).click();
    await page.waitForURL((url) => url.pathname === `/certificates/${certificate.code}`);
    await page.getByRole("heading", { level: 1, name: learner.name }).waitFor();
    await page.getByText("Valid.").waitFor();
    expect(learnerErrors).toEqual([]);
    await learnerContext.close();
  });

  async function openSignedOut(context: BrowserContext) {
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const response = await page.goto(`${baseUrl()}/certificates/${certificate.code}`, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    await waitForHydration(page);
    return { page, errors, html: await response!.text() };
  }

  it("is valid on its public page, signed out, with the name, the course, the code and Open Graph tags", async () => {
    const context = await newContext();
    const { page, errors, html } = await openSignedOut(context);
    expect(await context.cookies()).toEqual([]);
    await page.getByRole("heading", { level: 1, name: learner.name }).waitFor();
    const article = page.getByRole("article", { name: learner.name });
    expect(await article.getByText("Valid.").count()).toBe(1);
    expect(await article.getByText("Revoked").count()).toBe(0);
    await article.getByRole("link", { name: COURSE }).waitFor();
    await article.getByText(certificate.displayCode, { exact: true }).waitFor();
    expect(html).toContain(`<meta property="og:title" content="${learner.name} completed ${COURSE}"/>`);
    expect(await page.locator('meta[property="og:url"]').getAttribute("content")).toContain(`/certificates/${certificate.code}`);
    expect(await axeInBothSchemes(page, "certificate, valid")).toEqual([]);
    await fits(page, "certificate, valid");
    // A wrong code is a plain 404.
    const wrong = await page.goto(`${baseUrl()}/certificates/${certificate.code.startsWith("Z") ? "Y" : "Z"}${certificate.code.slice(1)}`);
    expect(wrong?.status()).toBe(404);
    expect(await page.getByText(learner.name).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("is revoked by the admin with a reason, says so on its public page, and is restored", async () => {
    const admin = await newContext();
    await signInContext(admin, { email: DEMO_ADMIN, password: DEMO_PASSWORD });
    const page = await admin.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${baseUrl()}/admin`, { waitUntil: "load" });
    await waitForHydration(page);
    await page.getByRole("link", { name: "Certificates", exact: true }).click();
    await page.waitForURL(/\/admin\/certificates$/);
    await waitForHydration(page);
    expect(await axeInBothSchemes(page, "admin certificates")).toEqual([]);

    await page.getByRole("searchbox", { name: "Learner, course or code" }).fill(certificate.displayCode);
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === certificate.displayCode);
    await page.getByText("1 certificate, page 1 of 1.").waitFor();
    const row = page.getByRole("row", { name: new RegExp(certificate.displayCode) });
    await row.getByRole("cell", { name: learner.name }).waitFor();
    await fits(page, "admin certificates");

    // Cancel closes the form and puts the focus back on Revoke.
    const revoke = row.getByRole("button", { name: `Revoke ${certificate.displayCode}` });
    await revoke.click();
    await row.getByRole("button", { name: "Cancel" }).click();
    await page.waitForFunction(() => document.activeElement?.textContent?.startsWith("Revoke"));
    expect(await revoke.evaluate((button) => button === document.activeElement)).toBe(true);
    await revoke.click();
    const form = page.getByRole("form", { name: `Revoke ${certificate.displayCode}` });
    await form.getByLabel(`Reason for revoking ${certificate.displayCode}`).fill(REASON);
    expect(await axeInBothSchemes(page, "admin certificates, revoking")).toEqual([]);
    expect(await form.getByRole("button", { name: "Revoke", exact: true }).isVisible()).toBe(true);
    // Enter in the reason submits the form; the Restore button that takes its place gets the focus.
    await page.keyboard.press("Enter");
    await page.getByText(`${certificate.displayCode} revoked.`).waitFor();
    await row.getByText(/^Revoked /).waitFor();
    await row.getByText(REASON).waitFor();
    const restore = row.getByRole("button", { name: `Restore ${certificate.displayCode}` });
    await restore.waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.startsWith("Restore"));
    expect(await restore.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await axeInBothSchemes(page, "admin certificates, revoked")).toEqual([]);
    const learnersView = (await learner.client.get("/api/my-certificates")).json<{ certificates: Certificate[] }>().certificates;
    expect(learnersView.map((c) => c.status)).toEqual(["revoked"]);

    // The public page, signed out, says revoked, when and why, and offers no PDF.
    const visitor = await newContext();
    const signedOut = await openSignedOut(visitor);
    const article = signedOut.page.getByRole("article", { name: learner.name });
    await article.getByText(`: ${REASON}`).waitFor();
    expect(await article.getByText("Revoked", { exact: true }).count()).toBe(1);
    expect(await article.getByText("Valid.").count()).toBe(0);
    expect(await article.getByRole("link", { name: /Download/ }).count()).toBe(0);
    expect(await axeInBothSchemes(signedOut.page, "certificate, revoked")).toEqual([]);
    await fits(signedOut.page, "certificate, revoked");

    // Restored, it is valid again (and the demo data are as they were).
    await restore.click();
    await page.getByText(`${certificate.displayCode} restored.`).waitFor();
    await revoke.waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.startsWith("Revoke"));
    expect(await revoke.evaluate((button) => button === document.activeElement)).toBe(true);
    await signedOut.page.reload({ waitUntil: "load" });
    await signedOut.page.getByText("Valid.").waitFor();
    expect(errors).toEqual([]);
    expect(signedOut.errors).toEqual([]);
    await visitor.close();
    await admin.close();
  });

  it("has no violations in the course editor with its certificate checkbox", async () => {
    const context = await newContext();
    await signInContext(context, ALAN);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${baseUrl()}/instructor/courses/${courseId}`, { waitUntil: "load" });
    // Checked in the server's HTML already (read here before or after hydration, whichever comes first), and after it.
    const award = page.getByRole("checkbox", { name: "Award a certificate of completion" });
    expect(await award.isChecked()).toBe(true);
    await waitForHydration(page);
    expect(await award.isChecked()).toBe(true);
    expect(await axeInBothSchemes(page, "course editor")).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
