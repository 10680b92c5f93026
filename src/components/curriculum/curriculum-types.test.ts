import { describe, expect, it } from "vitest";
import { moveItem, moveLessonInTree, stepTarget, type CurriculumModule } from "./curriculum-types";

const lesson = (id: string) => ({ id, title: id, kind: "lesson" as const, durationMinutes: null, hasVideo: false, materials: 0 });
const tree: CurriculumModule[] = [
  { id: "m1", title: "M1", lessons: [lesson("a"), lesson("b")] },
  { id: "m2", title: "M2", lessons: [lesson("c")] },
  { id: "m3", title: "M3", lessons: [] },
];
const ids = (modules: CurriculumModule[]) => modules.map((m) => m.lessons.map((l) => l.id).join(""));

describe("curriculum moves", () => {
  it("steps within a module, then across the boundary to the neighbour", () => {
    expect(stepTarget(tree, "a", 1)).toEqual({ moduleId: "m1", position: 1 });
    expect(stepTarget(tree, "b", 1)).toEqual({ moduleId: "m2", position: 0 });
    expect(stepTarget(tree, "c", -1)).toEqual({ moduleId: "m1", position: 2 });
    expect(stepTarget(tree, "c", 1)).toEqual({ moduleId: "m3", position: 0 });
    expect(stepTarget(tree, "a", -1)).toBeNull();
  });

  it("moves a lesson into a position of another module, and into an empty one", () => {
    expect(ids(moveLessonInTree(tree, "a", { moduleId: "m2", position: 1 }))).toEqual(["b", "ca", ""]);
    expect(ids(moveLessonInTree(tree, "c", { moduleId: "m3", position: 5 }))).toEqual(["ab", "", "c"]);
    expect(ids(moveLessonInTree(tree, "b", { moduleId: "m1", position: 0 }))).toEqual(["ba", "c", ""]);
  });

  it("moves an item in a list", () => {
    expect(moveItem(["x", "y", "z"], 0, 2)).toEqual(["y", "z", "x"]);
  });
});
