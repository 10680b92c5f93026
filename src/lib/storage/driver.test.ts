import { describe, expect, it } from "vitest";
import { MAX_PARTS, MULTIPART_THRESHOLD, contentDisposition, partPlan } from "./driver";

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

describe("multipart plan", () => {
  it("cuts in 16 MiB parts while that stays within 10,000 parts", () => {
    expect(MULTIPART_THRESHOLD).toBe(64 * MiB);
    expect(partPlan(64 * MiB + 1)).toEqual({ partSize: 16 * MiB, partCount: 5 });
    expect(partPlan(4 * GiB)).toEqual({ partSize: 16 * MiB, partCount: 256 });
  });

  it("grows parts in whole MiB for files too large for 10,000 of them", () => {
    const size = 200 * GiB;
    const { partSize, partCount } = partPlan(size);
    expect(partSize % MiB).toBe(0);
    expect(partSize).toBeGreaterThan(16 * MiB);
    expect(partCount).toBeLessThanOrEqual(MAX_PARTS);
    expect(partSize * partCount).toBeGreaterThanOrEqual(size);
  });

  it("refuses sizes no multipart upload can take", () => {
    expect(() => partPlan(0)).toThrow(RangeError);
    expect(() => partPlan(MAX_PARTS * 5 * GiB + 1)).toThrow(RangeError);
  });
});

describe("content disposition", () => {
  it("gives an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("inline")).toBe("inline");
    expect(contentDisposition("attachment", 'Grüße "final".pdf')).toBe(
      `attachment; filename="Gr__e _final_.pdf"; filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%22final%22.pdf`,
    );
  });
});
