import { describe, expect, it } from "vitest";
import { lessonNeighbours } from "./lesson-neighbours";

const modules = [
  {
    lessons: [
      { id: "a", title: "A" },
      { id: "b", title: "B" },
    ],
  },
  { lessons: [] },
  { lessons: [{ id: "c", title: "C" }] },
];

describe("lessonNeighbours", () => {
  it("crosses module boundaries, empty modules included", () => {
    expect(lessonNeighbours(modules, "b")).toEqual({
      previous: { id: "a", title: "A" },
      next: { id: "c", title: "C" },
      position: 2,
      count: 3,
    });
  });

  it("has no previous lesson at the start and no next at the end", () => {
    expect(lessonNeighbours(modules, "a").previous).toBeNull();
    expect(lessonNeighbours(modules, "c").next).toBeNull();
  });
});
