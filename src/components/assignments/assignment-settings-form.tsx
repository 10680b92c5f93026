"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { useHydrated } from "@/components/curriculum/use-curriculum-tree";
import { buttonStyles } from "@/components/ui/button-styles";
import { sendJson } from "@/lib/http/client-json";
import { INSTRUCTIONS_MAX_LENGTH, SUBMISSION_TYPES, assignmentSettingsSchema, type AssignmentSettings } from "@/lib/validation/assignment";
import { ACCEPTED_TYPES } from "@/lib/validation/file-types";

const MiB = 1024 ** 2;
const field =
  "rounded-lg border border-slate-500 bg-white px-3 py-1.5 text-slate-900 dark:border-slate-400 dark:bg-slate-900 dark:text-slate-100";

/** "2030-01-31T17:00:00.000Z" → the value of a datetime-local input in the browser's own zone, and back. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);
/** Each accepted type once, named by its extensions (application/x-zip-compressed is a second name of .zip). */
const TYPE_CHOICES = SUBMISSION_TYPES.filter((t) => t !== "application/x-zip-compressed").map((t) => ({
  type: t,
  label: ACCEPTED_TYPES.submission[t]!.join(", "),
}));

/**
 * The assignment's settings in its lesson editor: instructions, due date (entered in the instructor's own time zone and
 * stored as a moment), points, what may be handed in, and late work. Checked with the server's schema before saving.
 */
export function AssignmentSettingsForm({ url, initial }: { url: string; initial: AssignmentSettings }) {
  const router = useRouter();
  const ready = useHydrated();
  const id = useId();
  const [s, setS] = useState(initial);
  const [due, setDue] = useState(() => toLocalInput(initial.dueAt));
  const [megabytes, setMegabytes] = useState(String(Math.max(1, Math.round(initial.maxFileBytes / MiB))));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const zone = ready ? Intl.DateTimeFormat().resolvedOptions().timeZone : "your time zone";
  const set = <K extends keyof AssignmentSettings>(key: K, value: AssignmentSettings[K]) => setS((old) => ({ ...old, [key]: value }));

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const candidate = { ...s, dueAt: fromLocalInput(due), maxFileBytes: Math.round(Number(megabytes) * MiB) };
    const parsed = assignmentSettingsSchema.safeParse(candidate);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0] ?? "form")] ??= issue.message;
      setErrors(found);
      setStatus("Not saved: check the fields marked.");
      return;
    }
    setBusy(true);
    setErrors({});
    const result = await sendJson(url, parsed.data, "PATCH");
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields);
      setStatus(`Not saved: ${result.error.message}`);
      return;
    }
    setStatus("Saved.");
    toast.success("Assignment settings saved.");
    router.refresh();
  }

  const error = (name: string) =>
    errors[name] ? (
      <span id={`${id}-${name}-error`} className="text-sm text-red-700 dark:text-red-300">
        {errors[name]}
      </span>
    ) : null;
  const described = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `${id}-${name}-error` } : {});

  return (
    <form onSubmit={(e) => void save(e)} aria-label="Assignment settings" className="flex flex-col gap-4" noValidate>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-instructions`} className="font-medium">
          Instructions <span className="font-normal text-slate-700 dark:text-slate-300">(Markdown; learners see them above the form)</span>
        </label>
        <textarea
          id={`${id}-instructions`}
          rows={8}
          maxLength={INSTRUCTIONS_MAX_LENGTH}
          value={s.instructions}
          onChange={(e) => set("instructions", e.target.value)}
          className={field}
          {...described("instructions")}
        />
        {error("instructions")}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-due`} className="font-medium">
          Due date <span className="font-normal text-slate-700 dark:text-slate-300">(in {zone}; leave empty for none)</span>
        </label>
        <input
          id={`${id}-due`}
          type="datetime-local"
          value={due}
          onChange={(e) => setDue(e.target.value)}
          className={`${field} w-fit`}
          {...described("dueAt")}
        />
        {error("dueAt")}
      </div>
      <div className="flex flex-wrap gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-max`} className="font-medium">
            Maximum points
          </label>
          <input
            id={`${id}-max`}
            type="number"
            min={1}
            step={1}
            value={s.maxPoints}
            onChange={(e) => set("maxPoints", Number(e.target.value))}
            className={`${field} w-28`}
            {...described("maxPoints")}
          />
          {error("maxPoints")}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-pass`} className="font-medium">
            Points to pass
          </label>
          <input
            id={`${id}-pass`}
            type="number"
            min={0}
            step={1}
            value={s.passingPoints}
            onChange={(e) => set("passingPoints", Number(e.target.value))}
            className={`${field} w-28`}
            {...described("passingPoints")}
          />
          {error("passingPoints")}
        </div>
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="font-medium">Learners hand in</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={s.acceptText} onChange={(e) => set("acceptText", e.target.checked)} className="h-4 w-4" />A text
          answer
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={s.acceptFiles} onChange={(e) => set("acceptFiles", e.target.checked)} className="h-4 w-4" />
          Files
        </label>
        {error("acceptFiles")}
      </fieldset>
      {s.acceptFiles && (
        <>
          <fieldset className="flex flex-col gap-2">
            <legend className="font-medium">File types (none ticked: any a course material may be)</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {TYPE_CHOICES.map(({ type, label }) => (
                <label key={type} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    className="h-4 w-4"
                    checked={s.acceptedTypes.includes(type)}
                    onChange={(e) =>
                      set(
                        "acceptedTypes",
                        e.target.checked
                          ? [...s.acceptedTypes, type, ...(type === "application/zip" ? ["application/x-zip-compressed"] : [])]
                          : s.acceptedTypes.filter(
                              (t) => t !== type && !(type === "application/zip" && t === "application/x-zip-compressed"),
                            ),
                      )
                    }
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="flex flex-wrap gap-4">
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-files`} className="font-medium">
                Files at most
              </label>
              <input
                id={`${id}-files`}
                type="number"
                min={1}
                max={20}
                step={1}
                value={s.maxFiles}
                onChange={(e) => set("maxFiles", Number(e.target.value))}
                className={`${field} w-28`}
                {...described("maxFiles")}
              />
              {error("maxFiles")}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-size`} className="font-medium">
                Size of each file, MB at most
              </label>
              <input
                id={`${id}-size`}
                type="number"
                min={1}
                step={1}
                value={megabytes}
                onChange={(e) => setMegabytes(e.target.value)}
                className={`${field} w-28`}
                {...described("maxFileBytes")}
              />
              {error("maxFileBytes")}
            </div>
          </div>
        </>
      )}
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={s.allowLate} onChange={(e) => set("allowLate", e.target.checked)} className="h-4 w-4" />
        Accept work after the due date (marked late)
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonStyles.primary} disabled={!ready || busy}>
          {busy ? "Saving…" : "Save the assignment"}
        </button>
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {status}
        </p>
      </div>
    </form>
  );
}
