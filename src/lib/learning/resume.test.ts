import { describe, expect, it } from "vitest";
import { hasStarted, lastOpenedLesson, resumeLesson } from "./resume";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));
const lessons = (...states: ("new" | "done" | `opened ${number}` | `done ${number}`)[]) =>
  states.map((state, i) => {
    const [kind, minute] = state.split(" ");
    return { id: `L${i + 1}`, completed: kind === "done", openedAt: minute === undefined ? null : at(Number(minute)) };
  });

describe("where a learner picks a course up", () => {
  it("starts at the first lesson not completed before any was opened", () => {
    expect(resumeLesson(lessons("new", "new"))?.id).toBe("L1");
    expect(hasStarted(lessons("new", "new"))).toBe(false);
    expect(lastOpenedLesson(lessons("new", "new"))).toBeNull();
  });

  it("goes back to the lesson opened last while it is not completed, wherever it is", () => {
    expect(resumeLesson(lessons("opened 1", "new", "opened 5", "new"))?.id).toBe("L3");
    expect(resumeLesson(lessons("done 1", "new", "opened 3"))?.id).toBe("L3");
    expect(hasStarted(lessons("new", "opened 1"))).toBe(true);
  });

  it("goes on to the next lesson not completed once the last one opened is done, then wraps to the start", () => {
    expect(resumeLesson(lessons("done 1", "done 2", "new", "new"))?.id).toBe("L3");
    expect(resumeLesson(lessons("new", "done 4", "done 1", "new"))?.id).toBe("L4");
    expect(resumeLesson(lessons("new", "new", "done 4"))?.id).toBe("L1");
  });

  it("reviews from the first lesson once every lesson is done, and has nothing for a course without lessons", () => {
    expect(resumeLesson(lessons("done 1", "done 3", "done 2"))?.id).toBe("L1");
    expect(resumeLesson([])).toBeNull();
  });

  it("takes the later lesson in course order when two were used at the same instant", () => {
    expect(lastOpenedLesson(lessons("opened 2", "opened 2", "opened 1"))?.id).toBe("L2");
  });
});
