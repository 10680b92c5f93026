import { describe, expect, it, vi } from "vitest";

describe("the storage driver", () => {
  // next start loads each route with its own copy of our modules. A driver one copy made and another used would throw
  // the first copy's AppError, which the second copy's route wrapper does not recognise: an oversized chunked PUT to
  // a local upload URL was answered 500 instead of 413.
  it("is made by each copy of the storage module for itself, never taken from another copy", async () => {
    vi.resetModules();
    const bundleA = await import("./index");
    const driverA = bundleA.getStorage();
    expect(bundleA.getStorage()).toBe(driverA);
    vi.resetModules();
    const bundleB = await import("./index");
    expect(bundleB.getStorage()).not.toBe(driverA);
  });
});
