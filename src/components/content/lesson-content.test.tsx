import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { markdownToHtml, optionalMarkdownToHtml } from "@/lib/content/markdown-html";
import { ContentHtml } from "./content-html";
import { LessonContent } from "./lesson-content";

const render = (markdown: string) => renderToStaticMarkup(<LessonContent markdown={markdown} />);

describe("lesson content", () => {
  it("renders markdown: headings, emphasis, lists, code, tables and links", () => {
    const html = render(
      "# Title\n\nSome *text* and `code`.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[docs](https://example.com)",
    );
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<em>text</em>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<li>two</li>");
    expect(html).toContain("<td>2</td>");
    expect(html).toContain('<a href="https://example.com">docs</a>');
  });

  it("drops scripts, event handlers, iframes and javascript: URLs", () => {
    const html = render(
      [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(2)">',
        '<iframe src="https://evil.example"></iframe>',
        "[click](javascript:alert(3))",
        '<a href="javascript:alert(4)">raw</a>',
        '<div onclick="alert(5)">div</div>',
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/<script|onerror|onclick|<iframe|javascript:/i);
    expect(html).toContain("click");
  });

  it("says so when a lesson has no text", () => {
    expect(render("  ")).toContain("This lesson has no text yet.");
  });

  it("keeps code blocks as text: their HTML is escaped, the language kept as a class", () => {
    const html = render("```js\nconst a = '<script>alert(1)</script>' && \"x\";\n```\n\n    <img src=x onerror=alert(2)>");
    expect(html).toContain('<pre><code class="language-js">const a = ');
    expect(html).toContain("&#x3C;script>alert(1)&#x3C;/script>");
    expect(html).toContain("<pre><code>&#x3C;img src=x onerror=alert(2)>");
    expect(html).not.toMatch(/<script|<img/i);
  });

  it("keeps GitHub's task lists, strikethrough and autolinks, and drops other protocols and raw HTML blocks", () => {
    const html = markdownToHtml(
      "- [x] done\n\n~~old~~ www.example.com [data](data:text/html,hi) [vb](vbscript:x)\n\n<details><summary>s</summary>d</details>",
    );
    expect(html).toContain('<input type="checkbox" checked disabled> done');
    expect(html).toContain("<del>old</del>");
    expect(html).toContain('<a href="http://www.example.com">www.example.com</a>');
    expect(html).toContain("<a>data</a>");
    expect(html).toContain("<a>vb</a>");
    expect(html).not.toMatch(/<details|<summary|data:|vbscript:/i);
  });

  it("shows HTML rendered on the server as the lesson content is, and says so when there is none", () => {
    const markdown = "Some **bold** text";
    expect(renderToStaticMarkup(<ContentHtml html={optionalMarkdownToHtml(markdown)} />)).toBe(render(markdown));
    expect(renderToStaticMarkup(<ContentHtml html={optionalMarkdownToHtml("  ")} />)).toContain("This lesson has no text yet.");
  });
});
