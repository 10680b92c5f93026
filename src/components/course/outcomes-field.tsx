"use client";

import { Plus, Trash2 } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { errorTextClass, FieldError, inputClass } from "@/components/forms/field";
import { buttonStyles } from "@/components/ui/button-styles";
import { MAX_OUTCOMES, OUTCOME_MAX_LENGTH } from "@/lib/validation/course";

const iconButton =
  "inline-flex h-10 w-10 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800";

type Props = {
  value: string[];
  onChange: (next: string[]) => void;
  /** The error of each point, by position, and of the list as a whole. */
  errors?: { items: (string | undefined)[]; list?: string };
};

/**
 * "What you will learn": one text box per point, added and removed in place. Adding moves the focus into the new box;
 * removing moves it to the box that took the removed one's place (or to "Add a point").
 */
export function OutcomesField({ value, onChange, errors }: Props) {
  const id = useId();
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const addButton = useRef<HTMLButtonElement>(null);
  /** Where the focus goes once the list has re-rendered after an add or a remove (-1: "Add a point"). */
  const focusAt = useRef<number | null>(null);

  useEffect(() => {
    if (focusAt.current === null) return;
    (inputs.current[focusAt.current] ?? addButton.current)?.focus();
    focusAt.current = null;
  });

  const add = () => {
    focusAt.current = value.length;
    onChange([...value, ""]);
  };
  const remove = (index: number) => {
    focusAt.current = index < value.length - 1 ? index : value.length - 2;
    onChange(value.filter((_, i) => i !== index));
  };
  const full = value.length >= MAX_OUTCOMES;

  return (
    <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={`${id}-hint`}>
      <legend className="text-sm font-medium">What you will learn</legend>
      <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-300">
        One point per line, shown as a list on the course page (at most {MAX_OUTCOMES}). Empty lines are left out.
      </p>
      {value.length > 0 && (
        <ol className="flex flex-col gap-2">
          {value.map((outcome, index) => {
            const error = errors?.items[index];
            return (
              <li key={index} className="flex flex-col gap-1">
                <div className="flex items-center gap-2">
                  <label htmlFor={`${id}-${index}`} className="sr-only">
                    Point {index + 1}
                  </label>
                  <input
                    id={`${id}-${index}`}
                    ref={(element) => {
                      inputs.current[index] = element;
                    }}
                    value={outcome}
                    maxLength={OUTCOME_MAX_LENGTH}
                    onChange={(event) => onChange(value.map((v, i) => (i === index ? event.target.value : v)))}
                    onKeyDown={(event) => {
                      // Enter in the last box starts the next point, as in a list editor, instead of submitting the form.
                      if (event.key === "Enter" && index === value.length - 1 && !full && outcome.trim()) {
                        event.preventDefault();
                        add();
                      }
                    }}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-${index}-error` : undefined}
                    className={inputClass}
                  />
                  <button type="button" className={iconButton} aria-label={`Remove point ${index + 1}`} onClick={() => remove(index)}>
                    <Trash2 aria-hidden="true" className="h-4 w-4" />
                  </button>
                </div>
                {error && (
                  <p id={`${id}-${index}-error`} className={errorTextClass}>
                    {error}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <p>
        <button ref={addButton} type="button" onClick={add} disabled={full} className={buttonStyles.secondary}>
          <Plus aria-hidden="true" className="h-4 w-4" />
          Add a point
        </button>
      </p>
      <FieldError id={`${id}-error`} message={errors?.list} />
    </fieldset>
  );
}
