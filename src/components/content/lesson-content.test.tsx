import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
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
});
