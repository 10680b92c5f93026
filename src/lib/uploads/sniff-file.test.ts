import { describe, expect, it } from "vitest";
import { files } from "../../../tests/helpers/upload-fixtures";
import { AppError } from "@/lib/http/errors";
import { sniffFile } from "./sniff-file";

const sniff = (kind: "video" | "material" | "thumbnail", declared: string, bytes: Buffer, truncated = false) =>
  sniffFile(kind, declared, bytes, { truncated });

async function refusedWith(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(415);
  return (error as AppError).userMessage;
}

describe("sniffing an upload's first bytes", () => {
  it("accepts each kind's formats and records the sniffed type, not the declared one", async () => {
    expect((await sniff("video", "video/mp4", files.mp4)).mime).toBe("video/mp4");
    expect((await sniff("video", "video/mp4", files.mov)).mime).toBe("video/quicktime");
    expect(await sniff("material", "application/pdf", files.pdf)).toEqual({ mime: "application/pdf", materialType: "pdf" });
    expect(await sniff("material", "image/png", files.jpeg)).toEqual({ mime: "image/jpeg", materialType: "image" });
    expect(await sniff("material", "application/zip", files.zip)).toEqual({ mime: "application/zip", materialType: "archive" });
    expect((await sniff("material", "application/zip", files.docx)).materialType).toBe("document");
    expect(await sniff("thumbnail", "image/png", files.png)).toEqual({ mime: "image/png", materialType: "image" });
  });

  it("takes a bare zip or CFB container as the Office document that was declared", async () => {
    const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    expect(await sniff("material", docx, files.zip)).toEqual({ mime: docx, materialType: "document" });
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    expect(await sniff("material", "application/msword", cfb)).toEqual({ mime: "application/msword", materialType: "document" });
    await refusedWith(sniff("material", "application/pdf", cfb));
  });

  it("accepts text only when declared as text and the sample is UTF-8 without NUL bytes or markup", async () => {
    expect(await sniff("material", "text/csv", files.csv)).toEqual({ mime: "text/csv", materialType: "text" });
    expect(await sniff("material", "text/markdown", files.markdown)).toEqual({ mime: "text/markdown", materialType: "text" });
    // A sample cut in the middle of a two-byte character is still text.
    const cut = Buffer.from("ab\u00fc").subarray(0, 3);
    expect((await sniff("material", "text/plain", cut, true)).mime).toBe("text/plain");
    await refusedWith(sniff("material", "text/plain", cut, false));
    await refusedWith(sniff("material", "text/plain", files.binaryText));
    await refusedWith(sniff("material", "text/plain", files.html));
    await refusedWith(sniff("material", "text/plain", files.svg));
    await refusedWith(sniff("material", "application/pdf", files.csv));
  });

  it("refuses executables, HTML and SVG whatever they are named, and formats outside the kind", async () => {
    expect(await refusedWith(sniff("video", "video/mp4", files.elf))).toMatch(/ELF.*not accepted for a video/);
    expect(await refusedWith(sniff("video", "video/mp4", files.pe))).toMatch(/EXE/);
    expect(await refusedWith(sniff("material", "application/pdf", files.html))).toMatch(/not a recognised format/);
    await refusedWith(sniff("thumbnail", "image/png", files.svg));
    await refusedWith(sniff("thumbnail", "image/png", files.pdf));
    await refusedWith(sniff("video", "video/mp4", files.png));
    await refusedWith(sniff("material", "application/zip", files.mp4));
  });
});
