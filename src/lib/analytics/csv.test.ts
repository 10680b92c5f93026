import { describe, expect, it } from "vitest";
import { csvCell, csvLine, slugify } from "./csv";

describe("csv", () => {
  it("quotes fields with commas, quotes and line breaks as RFC 4180 says, and ends lines with CRLF", () => {
    expect(csvLine(["plain", 'say "hi"', "a,b", "two\nlines", "cr\rhere", 42, null, undefined, ""])).toBe(
      'plain,"say ""hi""","a,b","two\nlines","cr\rhere",42,,,\r\n',
    );
  });

  it("keeps text a spreadsheet would run as a formula from being one", () => {
    expect(csvCell('=HYPERLINK("http://evil.test","x")')).toBe(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tTab")).toBe("'\tTab");
    expect(csvCell("\rCR")).toBe(`"'\rCR"`);
    // Only at the start, and numbers are figures, not text.
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell(-5)).toBe("-5");
  });

  it("makes a file name part from a title", () => {
    expect(slugify('Data, "analysis"', "course")).toBe("data-analysis");
    expect(slugify("Café Crème 101", "course")).toBe("cafe-creme-101");
    expect(slugify("日本語", "course")).toBe("course");
  });
});
