import { useId, type InputHTMLAttributes, type Ref } from "react";
import { FieldError } from "./field";

type Option = { value: string; label: string; description: string };

type RadioGroupProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "value"> & {
  name: string;
  legend: string;
  options: Option[];
  error?: string;
  ref?: Ref<HTMLInputElement>;
};

/** A fieldset of radio buttons, each with a one-line description; the group's error is tied to every option. */
export function RadioGroup({ legend, options, error, ref, ...input }: RadioGroupProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        return (
          <div
            key={option.value}
            className="flex gap-3 rounded-lg border border-slate-300 p-3 has-checked:border-indigo-700 has-checked:bg-indigo-50 dark:border-slate-600 dark:has-checked:border-indigo-300 dark:has-checked:bg-indigo-950"
          >
            <input
              {...input}
              ref={ref}
              type="radio"
              id={optionId}
              value={option.value}
              aria-describedby={[`${optionId}-description`, error ? errorId : null].filter(Boolean).join(" ")}
              className="mt-1 h-4 w-4 shrink-0 accent-indigo-700 dark:accent-indigo-300"
            />
            <div className="flex flex-col">
              <label htmlFor={optionId} className="font-medium">
                {option.label}
              </label>
              <p id={`${optionId}-description`} className="text-sm text-slate-600 dark:text-slate-300">
                {option.description}
              </p>
            </div>
          </div>
        );
      })}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
