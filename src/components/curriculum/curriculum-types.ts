import type { LessonKindInput } from "@/lib/validation/course";

export type CurriculumLesson = {
  id: string;
  title: string;
  kind: LessonKindInput;
  durationMinutes: number | null;
  hasVideo: boolean;
  materials: number;
};
export type CurriculumModule = { id: string; title: string; lessons: CurriculumLesson[] };

/** Where a lesson lands when moved one step up or down: across a module boundary at the ends. */
export function stepTarget(
  modules: CurriculumModule[],
  lessonId: string,
  direction: -1 | 1,
): { moduleId: string; position: number } | null {
  const moduleIndex = modules.findIndex((m) => m.lessons.some((l) => l.id === lessonId));
  if (moduleIndex < 0) return null;
  const lessons = modules[moduleIndex]!.lessons;
  const index = lessons.findIndex((l) => l.id === lessonId);
  const next = index + direction;
  if (next >= 0 && next < lessons.length) return { moduleId: modules[moduleIndex]!.id, position: next };
  const neighbour = modules[moduleIndex + direction];
  if (!neighbour) return null;
  return { moduleId: neighbour.id, position: direction === -1 ? neighbour.lessons.length : 0 };
}

/** The tree after moving a lesson to a position in a module (what the server will do), for an optimistic update. */
export function moveLessonInTree(
  modules: CurriculumModule[],
  lessonId: string,
  target: { moduleId: string; position: number },
): CurriculumModule[] {
  const lesson = modules.flatMap((m) => m.lessons).find((l) => l.id === lessonId);
  if (!lesson) return modules;
  const without = modules.map((m) => ({ ...m, lessons: m.lessons.filter((l) => l.id !== lessonId) }));
  return without.map((m) => {
    if (m.id !== target.moduleId) return m;
    const lessons = [...m.lessons];
    lessons.splice(Math.min(target.position, lessons.length), 0, lesson);
    return { ...m, lessons };
  });
}

export function moveItem<T>(items: T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}
