type LessonRef = { id: string; title: string };

/** The lessons before and after the given one, in course order (across modules). */
export function lessonNeighbours(modules: { lessons: LessonRef[] }[], lessonId: string) {
  const all = modules.flatMap((m) => m.lessons);
  const index = all.findIndex((l) => l.id === lessonId);
  return {
    previous: index > 0 ? all[index - 1]! : null,
    next: index >= 0 && index < all.length - 1 ? all[index + 1]! : null,
    position: index + 1,
    count: all.length,
  };
}
