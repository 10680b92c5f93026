"use client";

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ArrowDown, ArrowUp, Film, GripVertical, Paperclip, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { sendJson } from "@/lib/http/client-json";
import { formatDuration } from "@/lib/format";
import { moveItem, moveLessonInTree, stepTarget, type CurriculumModule } from "./curriculum-types";
import { InlineTitleForm } from "./inline-title-form";

const iconButton =
  "inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 disabled:opacity-40 dark:text-slate-200 dark:hover:bg-slate-800";

const moduleKey = (id: string) => `module:${id}`;
const lessonKey = (id: string) => `lesson:${id}`;
const parseKey = (key: string | number) => {
  const [kind, id] = String(key).split(":");
  return { kind: kind as "module" | "lesson", id: id! };
};

async function deleteJson(url: string) {
  try {
    const response = await fetch(url, { method: "DELETE" });
    if (response.ok) return null;
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return body?.error?.message ?? "Something went wrong. Please try again.";
  } catch {
    return "Could not reach the server. Check your connection and try again.";
  }
}

/**
 * The course's modules and lessons, in order. Reorder by dragging a handle, by keyboard on the handle (Space, arrows,
 * Space), or with the Move up / Move down buttons, which also cross module boundaries. Each change is sent at once; the
 * tree moves first and goes back if the server refuses.
 */
export function CurriculumEditor({ courseId, modules: initial }: { courseId: string; modules: CurriculumModule[] }) {
  const router = useRouter();
  const [modules, setModules] = useState(initial);
  const [status, setStatus] = useState("");
  // A refresh from the server replaces the local (optimistic) tree.
  const [source, setSource] = useState(initial);
  if (source !== initial) {
    setSource(initial);
    setModules(initial);
  }
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const base = `/api/instructor/courses/${courseId}`;
  const lessonTitle = (id: string) => modules.flatMap((m) => m.lessons).find((l) => l.id === id)?.title ?? "lesson";
  const moduleTitle = (id: string) => modules.find((m) => m.id === id)?.title ?? "module";
  const nameOf = (key: string | number) => {
    const { kind, id } = parseKey(key);
    return kind === "module" ? `module ${moduleTitle(id)}` : `lesson ${lessonTitle(id)}`;
  };

  async function commit(next: CurriculumModule[], send: () => ReturnType<typeof sendJson>, done: string) {
    const previous = modules;
    setModules(next);
    const result = await send();
    if (!result.ok) {
      setModules(previous);
      toast.error(result.error.message);
      setStatus(`Not moved: ${result.error.message}`);
      return;
    }
    setStatus(done);
    router.refresh();
  }

  function moveModule(moduleId: string, to: number) {
    const from = modules.findIndex((m) => m.id === moduleId);
    if (from < 0 || to < 0 || to >= modules.length || from === to) return;
    const next = moveItem(modules, from, to);
    void commit(
      next,
      () => sendJson(`${base}/modules/reorder`, { moduleIds: next.map((m) => m.id) }),
      `Module ${moduleTitle(moduleId)} is now number ${to + 1} of ${modules.length}.`,
    );
  }

  function moveLesson(lessonId: string, target: { moduleId: string; position: number }) {
    const from = modules.find((m) => m.lessons.some((l) => l.id === lessonId));
    if (!from) return;
    const next = moveLessonInTree(modules, lessonId, target);
    void commit(
      next,
      () => sendJson(`${base}/modules/${from.id}/lessons/${lessonId}/move`, target),
      `Lesson ${lessonTitle(lessonId)} is now number ${target.position + 1} in module ${moduleTitle(target.moduleId)}.`,
    );
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const a = parseKey(active.id);
    const o = parseKey(over.id);
    if (a.kind === "module") {
      const overModule = o.kind === "module" ? o.id : modules.find((m) => m.lessons.some((l) => l.id === o.id))?.id;
      if (overModule)
        moveModule(
          a.id,
          modules.findIndex((m) => m.id === overModule),
        );
      return;
    }
    if (o.kind === "module") {
      const target = modules.find((m) => m.id === o.id);
      if (target) moveLesson(a.id, { moduleId: target.id, position: target.lessons.filter((l) => l.id !== a.id).length });
      return;
    }
    const target = modules.find((m) => m.lessons.some((l) => l.id === o.id))!;
    moveLesson(a.id, { moduleId: target.id, position: target.lessons.findIndex((l) => l.id === o.id) });
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `${nameOf(active.id)} is over ${nameOf(over.id)}.` : `${nameOf(active.id)} is not over a place.`,
    onDragEnd: ({ active, over }) => (over ? `Dropped ${nameOf(active.id)} at ${nameOf(over.id)}.` : `Dropped ${nameOf(active.id)}.`),
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
  };

  async function remove(url: string, what: string) {
    if (!window.confirm(`Delete ${what}? This cannot be undone.`)) return;
    const error = await deleteJson(url);
    if (error) toast.error(error);
    else {
      toast.success(`Deleted ${what}.`);
      router.refresh();
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <p role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable:
              "To move this item, press Space. Use the arrow keys to move it, Space to drop it, or Escape to cancel. The Move up and Move down buttons do the same one step at a time.",
          },
        }}
      >
        <SortableContext items={modules.map((m) => moduleKey(m.id))} strategy={verticalListSortingStrategy}>
          <ol aria-label="Modules" className="flex flex-col gap-4">
            {modules.map((module, moduleIndex) => (
              <SortableRow key={module.id} id={moduleKey(module.id)} handleLabel={`Drag module ${module.title}`}>
                <div className="flex flex-1 flex-col gap-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="flex-1 text-lg font-semibold">
                      <span className="sr-only">Module {moduleIndex + 1}: </span>
                      {module.title}
                    </h3>
                    <button
                      type="button"
                      className={iconButton}
                      aria-label={`Move module ${module.title} up`}
                      disabled={moduleIndex === 0}
                      onClick={() => moveModule(module.id, moduleIndex - 1)}
                    >
                      <ArrowUp aria-hidden="true" className="h-4 w-4" />
                    </button>
                    <button
                      type="button"
                      className={iconButton}
                      aria-label={`Move module ${module.title} down`}
                      disabled={moduleIndex === modules.length - 1}
                      onClick={() => moveModule(module.id, moduleIndex + 1)}
                    >
                      <ArrowDown aria-hidden="true" className="h-4 w-4" />
                    </button>
                    <button
                      type="button"
                      className={iconButton}
                      aria-label={`Delete module ${module.title}`}
                      onClick={() => void remove(`${base}/modules/${module.id}`, `module "${module.title}" and its lessons`)}
                    >
                      <Trash2 aria-hidden="true" className="h-4 w-4" />
                    </button>
                  </div>
                  <InlineTitleForm
                    label={`Rename module ${module.title}`}
                    buttonLabel="Rename"
                    initial={module.title}
                    send={(title) => sendJson(`${base}/modules/${module.id}`, { title }, "PATCH")}
                    compact
                  />
                  <SortableContext items={module.lessons.map((l) => lessonKey(l.id))} strategy={verticalListSortingStrategy}>
                    <ol aria-label={`Lessons of ${module.title}`} className="flex flex-col gap-2">
                      {module.lessons.length === 0 && <li className="text-sm text-slate-600 dark:text-slate-300">No lessons yet.</li>}
                      {module.lessons.map((lesson) => {
                        const up = stepTarget(modules, lesson.id, -1);
                        const down = stepTarget(modules, lesson.id, 1);
                        const duration = formatDuration(lesson.durationMinutes);
                        return (
                          <SortableRow key={lesson.id} id={lessonKey(lesson.id)} handleLabel={`Drag lesson ${lesson.title}`} small>
                            <Link
                              href={`/instructor/courses/${courseId}/modules/${module.id}/lessons/${lesson.id}`}
                              className="flex-1 font-medium hover:underline"
                            >
                              {lesson.title}
                            </Link>
                            <span className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
                              {duration && <span>{duration}</span>}
                              {lesson.hasVideo && (
                                <span className="flex items-center gap-1">
                                  <Film aria-hidden="true" className="h-4 w-4" />
                                  video
                                </span>
                              )}
                              {lesson.materials > 0 && (
                                <span className="flex items-center gap-1">
                                  <Paperclip aria-hidden="true" className="h-4 w-4" />
                                  {lesson.materials}
                                </span>
                              )}
                            </span>
                            <button
                              type="button"
                              className={iconButton}
                              aria-label={`Move lesson ${lesson.title} up`}
                              disabled={!up}
                              onClick={() => up && moveLesson(lesson.id, up)}
                            >
                              <ArrowUp aria-hidden="true" className="h-4 w-4" />
                            </button>
                            <button
                              type="button"
                              className={iconButton}
                              aria-label={`Move lesson ${lesson.title} down`}
                              disabled={!down}
                              onClick={() => down && moveLesson(lesson.id, down)}
                            >
                              <ArrowDown aria-hidden="true" className="h-4 w-4" />
                            </button>
                            <button
                              type="button"
                              className={iconButton}
                              aria-label={`Delete lesson ${lesson.title}`}
                              onClick={() => void remove(`${base}/modules/${module.id}/lessons/${lesson.id}`, `lesson "${lesson.title}"`)}
                            >
                              <Trash2 aria-hidden="true" className="h-4 w-4" />
                            </button>
                          </SortableRow>
                        );
                      })}
                    </ol>
                  </SortableContext>
                  <InlineTitleForm
                    label={`New lesson in ${module.title}`}
                    buttonLabel="Add lesson"
                    send={(title) => sendJson(`${base}/modules/${module.id}/lessons`, { title })}
                    resetOnSuccess
                  />
                </div>
              </SortableRow>
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {modules.length === 0 && <p className="text-slate-700 dark:text-slate-300">No modules yet. Add the first one below.</p>}
      <InlineTitleForm
        label="New module title"
        buttonLabel="Add module"
        send={(title) => sendJson(`${base}/modules`, { title })}
        resetOnSuccess
      />
    </div>
  );
}

function SortableRow({ id, handleLabel, small, children }: { id: string; handleLabel: string; small?: boolean; children: ReactNode }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`flex items-start gap-2 rounded-xl border bg-white dark:bg-slate-950 ${small ? "items-center border-slate-200 px-2 py-1 dark:border-slate-800" : "border-slate-300 p-3 dark:border-slate-700"} ${isDragging ? "relative z-10 shadow-lg" : ""}`}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className={`${iconButton} cursor-grab touch-none`}
        aria-label={handleLabel}
        {...attributes}
        {...listeners}
      >
        <GripVertical aria-hidden="true" className="h-4 w-4" />
      </button>
      {children}
    </li>
  );
}
