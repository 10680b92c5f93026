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
import { ArrowDown, ArrowUp, CircleAlert, Copy, Eye, Pencil, Plus, Trash2 } from "lucide-react";
import { useLayoutEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { moveItem } from "@/components/curriculum/curriculum-types";
import { iconButton, SortableRow } from "@/components/curriculum/sortable-row";
import { DROPPED, useCurriculumTree, useHydrated } from "@/components/curriculum/use-curriculum-tree";
import { SelectField } from "@/components/forms/select-field";
import { buttonStyles } from "@/components/ui/button-styles";
import { NETWORK_ERROR_MESSAGE, sendJson, type ApiResult } from "@/lib/http/client-json";
import { QUESTION_TYPES, type QuestionType } from "@/lib/validation/quiz";
import { QuestionForm } from "./question-form";
import { QuizPreview } from "./quiz-preview";
import {
  bodyOfQuestion,
  excerpt,
  lacksCorrectOption,
  pointsLabel,
  TYPE_LABELS,
  type EditorQuestion,
  type QuestionFields,
} from "./question-draft";

async function deleteRequest(url: string): Promise<ApiResult<null>> {
  try {
    const response = await fetch(url, { method: "DELETE" });
    if (response.ok) return { ok: true, data: null };
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    return {
      ok: false,
      error: {
        status: response.status,
        code: body?.error?.code ?? "UNKNOWN",
        message: body?.error?.message ?? "Something went wrong. Please try again.",
        fields: {},
      },
    };
  } catch {
    return { ok: false, error: { status: 0, code: "NETWORK", message: NETWORK_ERROR_MESSAGE, fields: {} } };
  }
}

const done = <T,>(data: T) => Promise.resolve<ApiResult<T>>({ ok: true, data });
const insertAt = <T,>(list: T[], item: T, at: number) => [...list.slice(0, at), item, ...list.slice(at)];

/**
 * The quiz's questions in order: add one of any type, edit, duplicate, reorder (drag the handle, or Space and the
 * arrows on it, or the Move up / Move down buttons) and delete with an Undo that puts the question back where it was.
 * The list changes at once and the changes go to the server one after another (useCurriculumTree, as the curriculum
 * editor); a refusal puts the list back and says why.
 */
export function QuizQuestions({ endpoint, questions: initial }: { endpoint: string; questions: EditorQuestion[] }) {
  const hydrated = useHydrated();
  const { tree: questions, change, current } = useCurriculumTree(initial);
  const [status, setStatus] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState<QuestionType | null>(null);
  const [newType, setNewType] = useState<QuestionType>("single");
  const [previewing, setPreviewing] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  /**
   * The button to focus after the list re-renders (the moved row's node may have moved, which drops its focus). In a
   * layout effect, so that it runs in the very commit that shows the change (see CurriculumEditor).
   */
  const refocus = useRef<string[] | null>(null);
  useLayoutEffect(() => {
    const keys = refocus.current;
    if (!keys || !container.current) return;
    refocus.current = null;
    for (const key of keys) {
      const target = container.current.querySelector<HTMLElement>(`[data-focus-key="${key}"]`);
      if (target && !(target instanceof HTMLButtonElement && target.disabled)) {
        if (document.activeElement !== target) target.focus();
        return;
      }
    }
  });

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const questionsUrl = `${endpoint}/questions`;
  const numberOf = (id: string | number) => questions.findIndex((q) => q.id === String(id)) + 1;

  /** Shows `next`, sends `send`, and says `said` once the server has it (or why it did not). */
  function commit<R>(next: EditorQuestion[], send: () => Promise<ApiResult<R>>, said: string, onSaved?: () => void) {
    change(next, send, (result) => {
      if (result.ok) {
        setStatus(said);
        onSaved?.();
        return;
      }
      if (result.error.code === DROPPED) return;
      toast.error(result.error.message);
      setStatus(`Not saved: ${result.error.message}`);
    });
  }

  function move(id: string, to: number, direction?: "up" | "down") {
    const list = current();
    const from = list.findIndex((q) => q.id === id);
    if (from < 0 || to < 0 || to >= list.length || from === to) return;
    if (direction) refocus.current = [`${id}:${direction}`, `${id}:${direction === "up" ? "down" : "up"}`, `question:${id}:handle`];
    const next = moveItem(list, from, to);
    commit(
      next,
      () => sendJson(`${questionsUrl}/reorder`, { order: next.map((q) => q.id) }),
      `Question ${from + 1} is now number ${to + 1}.`,
    );
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const id = String(active.id).replace(/^question:/, "");
    move(
      id,
      current().findIndex((q) => `question:${q.id}` === over.id),
    );
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up question ${numberOf(String(active.id).replace(/^question:/, ""))}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `Question ${numberOf(String(active.id).replace(/^question:/, ""))} is over place ${numberOf(String(over.id).replace(/^question:/, ""))}.`
        : "The question is not over a place.",
    onDragEnd: ({ over }) => (over ? `Dropped at place ${numberOf(String(over.id).replace(/^question:/, ""))}.` : "Dropped."),
    onDragCancel: () => "Moving the question was cancelled.",
  };

  /** Adds a question at `position` (the end when left out) once the server has it, and focuses its Edit button. */
  async function create(fields: Record<string, unknown>, position?: number) {
    const result = await sendJson<{ question: EditorQuestion }>(questionsUrl, position === undefined ? fields : { ...fields, position });
    if (result.ok) {
      const list = current();
      const at = Math.min(position ?? list.length, list.length);
      refocus.current = [`${result.data.question.id}:edit`];
      commit(insertAt(list, result.data.question, at), () => done(null), `Question ${at + 1} added.`);
    }
    return result;
  }

  async function save(id: string, fields: QuestionFields) {
    const result = await sendJson<{ question: EditorQuestion }>(`${questionsUrl}/${id}`, fields, "PATCH");
    if (result.ok) {
      setEditing(null);
      refocus.current = [`${id}:edit`];
      commit(
        current().map((q) => (q.id === id ? result.data.question : q)),
        () => done(null),
        `Question ${numberOf(id)} saved.`,
      );
      toast.success(`Question ${numberOf(id)} saved.`);
    }
    return result;
  }

  async function duplicate(question: EditorQuestion) {
    const at = current().findIndex((q) => q.id === question.id) + 1;
    const result = await create(bodyOfQuestion(question, { freshOptions: true }), at);
    if (result.ok) {
      toast.success(`Question ${at} duplicated as question ${at + 1}.`);
    } else toast.error(result.error.message);
  }

  function remove(question: EditorQuestion) {
    const list = current();
    const at = list.findIndex((q) => q.id === question.id);
    if (at < 0) return;
    const neighbour = list[at + 1] ?? list[at - 1];
    refocus.current = neighbour ? [`${neighbour.id}:delete`] : ["add-question"];
    commit(
      list.filter((q) => q.id !== question.id),
      () => deleteRequest(`${questionsUrl}/${question.id}`),
      `Question ${at + 1} deleted.`,
      () =>
        toast(`Deleted question ${at + 1}.`, {
          duration: 10_000,
          action: { label: "Undo", onClick: () => void restore(question, at) },
        }),
    );
  }

  async function restore(question: EditorQuestion, at: number) {
    const result = await create(bodyOfQuestion(question), at);
    if (result.ok) {
      toast.success(`Question ${Math.min(at, current().length - 1) + 1} is back.`);
    } else toast.error(`Not put back: ${result.error.message}`);
  }

  return (
    <div ref={container} className="flex min-w-0 flex-col gap-4">
      <p role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
      {questions.length === 0 && (
        <p className="text-slate-700 dark:text-slate-300">
          No questions yet. A quiz needs at least one before the course can be published.
        </p>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable:
              "To move this question, press Space. Use the arrow keys to move it, Space to drop it, or Escape to cancel. The Move up and Move down buttons do the same one step at a time.",
          },
        }}
      >
        <SortableContext items={questions.map((q) => `question:${q.id}`)} strategy={verticalListSortingStrategy}>
          <ol aria-label="Questions" className="flex min-w-0 flex-col gap-2">
            {questions.map((question, index) => {
              const n = index + 1;
              return (
                <SortableRow key={question.id} id={`question:${question.id}`} handleLabel={`Drag question ${n}`}>
                  <div id={`question-${question.id}`} className="flex min-w-0 flex-col gap-2">
                    {editing === question.id ? (
                      <QuestionForm
                        title={`Edit question ${n}`}
                        initial={question}
                        submitLabel="Save question"
                        onSave={(fields) => save(question.id, fields)}
                        onCancel={() => {
                          refocus.current = [`${question.id}:edit`];
                          setEditing(null);
                        }}
                      />
                    ) : (
                      <>
                        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                          <h3 className="min-w-0 flex-1 basis-40 break-words font-semibold">
                            Question {n}
                            <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-300">
                              {TYPE_LABELS[question.type]}, {pointsLabel(question.points)}
                            </span>
                          </h3>
                          <div className="ml-auto flex shrink-0 flex-wrap items-center">
                            <button
                              type="button"
                              className={iconButton}
                              aria-label={`Move question ${n} up`}
                              data-focus-key={`${question.id}:up`}
                              disabled={!hydrated || index === 0}
                              onClick={() => move(question.id, index - 1, "up")}
                            >
                              <ArrowUp aria-hidden="true" className="h-4 w-4" />
                            </button>
                            <button
                              type="button"
                              className={iconButton}
                              aria-label={`Move question ${n} down`}
                              data-focus-key={`${question.id}:down`}
                              disabled={!hydrated || index === questions.length - 1}
                              onClick={() => move(question.id, index + 1, "down")}
                            >
                              <ArrowDown aria-hidden="true" className="h-4 w-4" />
                            </button>
                            <button
                              type="button"
                              className={iconButton}
                              aria-label={`Edit question ${n}`}
                              data-focus-key={`${question.id}:edit`}
                              disabled={!hydrated}
                              onClick={() => setEditing(question.id)}
                            >
                              <Pencil aria-hidden="true" className="h-4 w-4" />
                            </button>
                            <button
                              type="button"
                              className={iconButton}
                              aria-label={`Duplicate question ${n}`}
                              disabled={!hydrated}
                              onClick={() => void duplicate(question)}
                            >
                              <Copy aria-hidden="true" className="h-4 w-4" />
                            </button>
                            <button
                              type="button"
                              className={iconButton}
                              aria-label={`Delete question ${n}`}
                              data-focus-key={`${question.id}:delete`}
                              disabled={!hydrated}
                              onClick={() => remove(question)}
                            >
                              <Trash2 aria-hidden="true" className="h-4 w-4" />
                            </button>
                          </div>
                        </div>
                        <p className="break-words text-slate-800 dark:text-slate-200">{excerpt(question.prompt)}</p>
                        {lacksCorrectOption(question) && (
                          <p className="flex items-center gap-1 text-sm font-medium text-amber-900 dark:text-amber-200">
                            <CircleAlert aria-hidden="true" className="h-4 w-4 shrink-0" />
                            No option is marked right: the course cannot be published with this question.
                          </p>
                        )}
                      </>
                    )}
                  </div>
                </SortableRow>
              );
            })}
          </ol>
        </SortableContext>
      </DndContext>

      {adding ? (
        <div className="rounded-xl border border-slate-300 p-3 dark:border-slate-700">
          <QuestionForm
            title="New question"
            initial={null}
            type={adding}
            submitLabel="Add question"
            onSave={async (fields) => {
              const result = await create(fields);
              if (result.ok) {
                setAdding(null);
                toast.success("Question added.");
              }
              return result;
            }}
            onCancel={() => {
              refocus.current = ["add-question"];
              setAdding(null);
            }}
          />
        </div>
      ) : (
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1 basis-48">
            <SelectField
              name="newQuestionType"
              label="Type of the new question"
              value={newType}
              onChange={(e) => setNewType(e.target.value as QuestionType)}
              options={QUESTION_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
            />
          </div>
          <button
            type="button"
            className={buttonStyles.primary}
            data-focus-key="add-question"
            disabled={!hydrated}
            onClick={() => setAdding(newType)}
          >
            <Plus aria-hidden="true" className="h-4 w-4" />
            Add question
          </button>
        </div>
      )}

      <section aria-labelledby="quiz-preview-title" className="flex flex-col gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
        <h3 id="quiz-preview-title" className="sr-only">
          Preview as a learner
        </h3>
        <p>
          <button
            type="button"
            className={buttonStyles.secondary}
            aria-expanded={previewing}
            aria-controls="quiz-preview"
            onClick={() => setPreviewing((p) => !p)}
          >
            <Eye aria-hidden="true" className="h-4 w-4" />
            {previewing ? "Hide the preview" : "Preview as a learner"}
          </button>
        </p>
        <div id="quiz-preview" hidden={!previewing}>
          {previewing && <QuizPreview questions={questions} />}
        </div>
      </section>
    </div>
  );
}
