"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { GripVertical } from "lucide-react";
import type { ReactNode } from "react";

export const iconButton =
  "inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 disabled:opacity-40 dark:text-slate-200 dark:hover:bg-slate-800";

/**
 * A module or lesson card with its drag handle. The content beside the handle may shrink below its widest word
 * (min-w-0), so that on a narrow screen it wraps inside the card rather than pushing its buttons out of it.
 */
export function SortableRow({
  id,
  handleLabel,
  small,
  children,
}: {
  id: string;
  handleLabel: string;
  small?: boolean;
  children: ReactNode;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`flex min-w-0 items-start gap-2 rounded-xl border bg-white dark:bg-slate-950 ${small ? "border-slate-200 px-2 py-1 dark:border-slate-800" : "border-slate-300 p-3 dark:border-slate-700"} ${isDragging ? "relative z-10 shadow-lg" : ""}`}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className={`${iconButton} cursor-grab touch-none`}
        aria-label={handleLabel}
        data-focus-key={`${id}:handle`}
        {...attributes}
        {...listeners}
      >
        <GripVertical aria-hidden="true" className="h-4 w-4" />
      </button>
      <div className={`flex min-w-0 flex-1 ${small ? "flex-wrap items-center gap-x-2 gap-y-1" : "flex-col gap-3"}`}>{children}</div>
    </li>
  );
}
