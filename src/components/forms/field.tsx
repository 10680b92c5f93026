import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from "react";

export const inputClass =
  "w-full rounded-lg border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500 aria-invalid:border-red-700 dark:border-slate-400 dark:bg-slate-900 dark:text-slate-100 dark:aria-invalid:border-red-400";

export const errorTextClass = "text-sm font-medium text-red-700 dark:text-red-300";

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  ref?: Ref<HTMLInputElement>;
};

/**
 * A labelled input. Its hint and error are tied to it with aria-describedby, so a screen reader reads them when the
 * field gets focus; the error is also announced as it appears.
 */
export function Field({ label, error, hint, ref, ...input }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input {...input} id={id} ref={ref} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={inputClass} />
      {hint && (
        <div id={hintId} className="text-sm text-slate-600 dark:text-slate-300">
          {hint}
        </div>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** The error text of one field; the alert region stays in the page so that a new message is announced. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return (
    <p id={id} role="alert" className={message ? errorTextClass : "sr-only"}>
      {message}
    </p>
  );
}
