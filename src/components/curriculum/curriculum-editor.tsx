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
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { ArrowDown, ArrowUp, Film, Paperclip, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLayoutEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { sendJson, type ApiResult } from "@/lib/http/client-json";
import { formatDuration } from "@/lib/format";
import { moveItem, moveLessonInTree, stepTarget, type CurriculumModule } from "./curriculum-types";
import { InlineTitleForm } from "./inline-title-form";
import { LessonKind, NEW_LESSON_KINDS } from "./lesson-kind";
import { iconButton, SortableRow } from "./sortable-row";
import { DROPPED, useCurriculumTree, useHydrated } from "./use-curriculum-tree";

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
 * Space), or with the Move up / Move down buttons, which also cross module boundaries. The tree moves at once; the
 * changes go to the server one after another (useCurriculumTree), and a refusal puts the tree back. A Move button
 * keeps the focus on the item it moved, wherever the item lands.
 */
export function CurriculumEditor({ courseId, modules: initial }: { courseId: string; modules: CurriculumModule[] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const { tree: modules, change } = useCurriculumTree(initial);
  const [status, setStatus] = useState("");
  const container = useRef<HTMLDivElement>(null);
  /** The Move button to give the focus back to after the tree re-renders: the moved item's row may be a new element. */
  const refocus = useRef<string[] | null>(null);
  // A layout effect, run in the commit that shows the move. A passive effect (useEffect) of an earlier commit (the
  // server's tree after a refresh, say) may still be waiting when the next Enter comes; React runs it before that
  // Enter's render, so it took the request meant for the move (finding the buttons where they were) and the move's own
  // commit found none: a lesson reaching the top then lost the focus with its disabled Move up (CI saw it once).
  useLayoutEffect(() => {
    const keys = refocus.current;
    if (!keys || !container.current) return;
    refocus.current = null;
    for (const key of keys) {
      const target = container.current.querySelector<HTMLButtonElement>(`[data-focus-key="${key}"]`);
      if (target && !target.disabled) {
        if (document.activeElement !== target) target.focus();
        return;
      }
    }
  }, [modules]);

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

  function commit(next: CurriculumModule[], send: () => Promise<ApiResult<unknown>>, done: string) {
    change(next, send, (result) => {
      if (result.ok) {
        setStatus(done);
        return;
      }
      // The refusal before it has said why.
      if (result.error.code === DROPPED) return;
      toast.error(result.error.message);
      setStatus(`Not moved: ${result.error.message}`);
    });
  }

  /** After a Move button: focus that button again, or the other one when the item reached an end, or its handle. */
  function keepFocus(key: string, direction: "up" | "down") {
    refocus.current = [`${key}:${direction}`, `${key}:${direction === "up" ? "down" : "up"}`, `${key}:handle`];
  }

  function moveModule(moduleId: string, to: number) {
    const from = modules.findIndex((m) => m.id === moduleId);
    if (from < 0 || to < 0 || to >= modules.length || from === to) return;
    const next = moveItem(modules, from, to);
    commit(
      next,
      () => sendJson(`${base}/modules/reorder`, { moduleIds: next.map((m) => m.id) }),
      `Module ${moduleTitle(moduleId)} is now number ${to + 1} of ${modules.length}.`,
    );
  }

  function moveLesson(lessonId: string, target: { moduleId: string; position: number }) {
    const from = modules.find((m) => m.lessons.some((l) => l.id === lessonId));
    if (!from) return;
    commit(
      moveLessonInTree(modules, lessonId, target),
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

  /** Up, down and delete for one module or lesson; disabled until the page's script runs (a click before is lost). */
  function rowButtons(
    kind: "module" | "lesson",
    id: string,
    title: string,
    up: (() => void) | null,
    down: (() => void) | null,
    deleteUrl: string,
  ) {
    const key = kind === "module" ? moduleKey(id) : lessonKey(id);
    return (
      <div className="ml-auto flex shrink-0 items-center">
        <button
          type="button"
          className={iconButton}
          aria-label={`Move ${kind} ${title} up`}
          data-focus-key={`${key}:up`}
          disabled={!hydrated || !up}
          onClick={() => {
            keepFocus(key, "up");
            up?.();
          }}
        >
          <ArrowUp aria-hidden="true" className="h-4 w-4" />
        </button>
        <button
          type="button"
          className={iconButton}
          aria-label={`Move ${kind} ${title} down`}
          data-focus-key={`${key}:down`}
          disabled={!hydrated || !down}
          onClick={() => {
            keepFocus(key, "down");
            down?.();
          }}
        >
          <ArrowDown aria-hidden="true" className="h-4 w-4" />
        </button>
        <button
          type="button"
          className={iconButton}
          aria-label={`Delete ${kind} ${title}`}
          disabled={!hydrated}
          onClick={() => void remove(deleteUrl, kind === "module" ? `module "${title}" and its lessons` : `lesson "${title}"`)}
        >
          <Trash2 aria-hidden="true" className="h-4 w-4" />
        </button>
      </div>
    );
  }

  return (
    <div ref={container} className="flex min-w-0 flex-col gap-4">
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
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <h3 className="min-w-0 flex-1 basis-40 break-words text-lg font-semibold">
                    <span className="sr-only">Module {moduleIndex + 1}: </span>
                    {module.title}
                  </h3>
                  {rowButtons(
                    "module",
                    module.id,
                    module.title,
                    moduleIndex > 0 ? () => moveModule(module.id, moduleIndex - 1) : null,
                    moduleIndex < modules.length - 1 ? () => moveModule(module.id, moduleIndex + 1) : null,
                    `${base}/modules/${module.id}`,
                  )}
                </div>
                <InlineTitleForm
                  label={`Rename module ${module.title}`}
                  buttonLabel="Rename"
                  initial={module.title}
                  send={(title) => sendJson(`${base}/modules/${module.id}`, { title }, "PATCH")}
                  compact
                />
                <SortableContext items={module.lessons.map((l) => lessonKey(l.id))} strategy={verticalListSortingStrategy}>
                  <ol aria-label={`Lessons of ${module.title}`} className="flex min-w-0 flex-col gap-2">
                    {module.lessons.length === 0 && <li className="text-sm text-slate-600 dark:text-slate-300">No lessons yet.</li>}
                    {module.lessons.map((lesson) => {
                      const up = stepTarget(modules, lesson.id, -1);
                      const down = stepTarget(modules, lesson.id, 1);
                      const duration = formatDuration(lesson.durationMinutes);
                      return (
                        <SortableRow key={lesson.id} id={lessonKey(lesson.id)} handleLabel={`Drag lesson ${lesson.title}`} small>
                          <Link
                            href={`/instructor/courses/${courseId}/modules/${module.id}/lessons/${lesson.id}`}
                            className="min-w-0 flex-1 basis-32 break-words py-1.5 font-medium hover:underline"
                          >
                            {lesson.title}
                          </Link>
                          <span className="flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
                            <LessonKind kind={lesson.kind} />
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
                                <span className="sr-only">{lesson.materials === 1 ? " material" : " materials"}</span>
                              </span>
                            )}
                          </span>
                          {rowButtons(
                            "lesson",
                            lesson.id,
                            lesson.title,
                            up && (() => moveLesson(lesson.id, up)),
                            down && (() => moveLesson(lesson.id, down)),
                            `${base}/modules/${module.id}/lessons/${lesson.id}`,
                          )}
                        </SortableRow>
                      );
                    })}
                  </ol>
                </SortableContext>
                <InlineTitleForm
                  label={`New lesson in ${module.title}`}
                  buttonLabel="Add"
                  kinds={NEW_LESSON_KINDS}
                  kindLabel={`What to add to ${module.title}`}
                  send={(title, kind) => sendJson(`${base}/modules/${module.id}/lessons`, { title, kind })}
                  resetOnSuccess
                />
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
