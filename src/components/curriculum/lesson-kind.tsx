import { BookOpenText, ClipboardList, ListChecks } from "lucide-react";
import type { LessonKindInput } from "@/lib/validation/course";

const kinds: Record<LessonKindInput, { label: string; Icon: typeof ListChecks }> = {
  lesson: { label: "Lesson", Icon: BookOpenText },
  quiz: { label: "Quiz", Icon: ListChecks },
  assignment: { label: "Assignment", Icon: ClipboardList },
};

/** What a new lesson can be, for the editor's "Add". */
export const NEW_LESSON_KINDS = [
  { value: "lesson", label: "Lesson" },
  { value: "quiz", label: "Quiz" },
  { value: "assignment", label: "Assignment" },
] as const;

/** A lesson's kind as an icon and its name, so that neither colour nor the icon alone says it. */
export function LessonKind({ kind }: { kind: LessonKindInput }) {
  const { label, Icon } = kinds[kind];
  return (
    <span className="flex items-center gap-1">
      <Icon aria-hidden="true" className="h-4 w-4" />
      <span>{label}</span>
    </span>
  );
}
