import { beforeAll, describe, expect, it } from "vitest";
import { newAccount, type Account } from "../helpers/api-client";
import { buildCourse, enrollIn, type BuiltCourse } from "../helpers/learning-fixtures";

/**
 * Discussions over HTTP: stored script payloads in titles and bodies come back as text (JSON, never HTML), and render
 * inert on the pages that show them; posting past the rate limit is a 429 that says to wait, with Retry-After.
 */

let learner: Account;
let instructor: Account;
let course: BuiltCourse;
const discussions = () => `/api/courses/${course.courseId}/discussions`;

beforeAll(async () => {
  [learner, instructor] = await Promise.all([newAccount("LEARNER", "disc-learner"), newAccount("INSTRUCTOR", "disc-owner")]);
  course = await buildCourse(instructor.client, { title: "Discussions over HTTP", lessons: 1 });
  await enrollIn(learner.client, course.courseId);
}, 180_000);

const TITLE = `<script>alert("title")</script><img src=x onerror=alert(1)>`;
const BODY = [
  "<script>alert('body')</script>",
  '<img src="x" onerror="alert(2)">',
  "[click me](javascript:alert(3))",
  '<iframe src="https://evil.example"></iframe>',
  '<a href="#" onclick="alert(4)">link</a>',
  "```js\nconsole.log('<b>code</b>')\n```",
].join("\n\n");

describe("stored script payloads", () => {
  it("come back as the text that was posted, in JSON, and are rendered inert on the board page", async () => {
    const posted = await learner.client.post(discussions(), { lessonId: course.lessonIds[0], title: TITLE, body: BODY });
    expect(posted.status, posted.text).toBe(201);
    const threadId = posted.json<{ thread: { id: string } }>().thread.id;
    const reply = await instructor.client.post(`${discussions()}/${threadId}/replies`, { body: BODY });
    expect(reply.status).toBe(201);

    const read = await learner.client.get(`${discussions()}/${threadId}`);
    expect(read.status).toBe(200);
    expect(read.headers.get("content-type")).toMatch(/^application\/json/);
    const { thread } = read.json<{
      thread: { title: string; body: string; bodyHtml: string; replies: { body: string; bodyHtml: string }[] };
    }>();
    expect([thread.title, thread.body, thread.replies[0]!.body]).toEqual([TITLE, BODY, BODY]);
    // Beside the markdown, its sanitized HTML, which the player shows without a markdown parser of its own: inert.
    for (const html of [thread.bodyHtml, thread.replies[0]!.bodyHtml]) {
      expect(html).toContain("<pre><code class=\"language-js\">console.log('&#x3C;b>code&#x3C;/b>')");
      expect(html).toContain("<a>click me</a>");
      expect(html).not.toMatch(/<iframe|onclick|javascript:|<b>/i);
    }
    const listed = await learner.client.get(discussions());
    expect(listed.headers.get("content-type")).toMatch(/^application\/json/);
  });
});

describe("the posting rate limit", () => {
  it("answers 429 with a message saying to wait and Retry-After once a member posts too fast", async () => {
    // 10 a minute: 21 posts in a row cross at most one window boundary, so one of them is refused.
    let refused: Awaited<ReturnType<typeof learner.client.post>> | undefined;
    for (let i = 0; i < 21 && !refused; i += 1) {
      const response = await learner.client.post(discussions(), { title: `Question ${i}`, body: "Quick one." });
      if (response.status === 429) refused = response;
      else expect(response.status, response.text).toBe(201);
    }
    expect(refused?.json()).toEqual({
      error: {
        code: "RATE_LIMITED",
        message: expect.stringMatching(
          /^Too many posts in a short time: wait a little before posting again\. Try again in \d+ (seconds?|minutes?)\.$/,
        ),
      },
    });
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThan(0);
    // The instructor answers on regardless.
    const threads = (await learner.client.get(discussions())).json<{ threads: { id: string }[] }>().threads;
    const answered = await instructor.client.post(`${discussions()}/${threads[0]!.id}/replies`, { body: "Slow down, I am here." });
    expect(answered.status).toBe(201);
  });
});
