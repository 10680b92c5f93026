"use client";

import { FileUp, RotateCcw, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { type ReactNode, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { buttonStyles } from "@/components/ui/button-styles";
import { formatBytes } from "@/lib/format";
import { type UploadKind, acceptAttribute, checkDeclaredFile, declaredTypeOf, formatsOf } from "@/lib/validation/file-types";
import { UploadFailure, type UploadProgress, uploadFile } from "./upload-engine";

type Phase =
  | { name: "idle" }
  | { name: "uploading"; file: File; progress: UploadProgress }
  | { name: "completing"; file: File }
  | { name: "failed"; file?: File; message: string; retryable: boolean };

export type UploadFieldProps = {
  kind: UploadKind;
  label: string;
  maxBytes: number;
  target: Record<string, string | undefined>;
  resumeKey: string;
  /** The file in place now, shown with Replace (and Remove when onRemove is given). */
  current?: { fileName?: string; size?: number } | null;
  preview?: ReactNode;
  onRemove?: () => Promise<string | null>;
  successMessage: string;
  /** Hears what the server answered for the completed upload (a submission's file, which the form then hands in). */
  onUploaded?: (result: unknown) => void;
  /** The `accept` attribute, when narrower than the kind's whitelist. */
  accept?: string;
};

/** Drop zone, file picker, progress, cancel and retry for one upload slot; shared by the video, material and thumbnail uploads. */
export function UploadField({
  kind,
  label,
  maxBytes,
  target,
  resumeKey,
  current,
  preview,
  onRemove,
  successMessage,
  onUploaded,
  accept,
}: UploadFieldProps) {
  const router = useRouter();
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const [dragging, setDragging] = useState(false);
  const [removing, setRemoving] = useState(false);
  const busy = phase.name === "uploading" || phase.name === "completing";

  async function send(file: File) {
    const refusal = checkDeclaredFile(
      kind,
      { type: declaredTypeOf(kind, file), size: file.size },
      { video: maxBytes, material: maxBytes, thumbnail: maxBytes, submission: maxBytes },
    );
    if (refusal) return setPhase({ name: "failed", file: undefined, message: refusal.message, retryable: false });
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ name: "uploading", file, progress: { loaded: 0, total: file.size, bytesPerSecond: 0 } });
    try {
      const result = await uploadFile({
        kind,
        file,
        target,
        resumeKey,
        signal: controller.signal,
        onProgress: (progress) =>
          setPhase(progress.loaded >= progress.total ? { name: "completing", file } : { name: "uploading", file, progress }),
      });
      setPhase({ name: "idle" });
      toast.success(successMessage);
      if (onUploaded) onUploaded(result);
      else router.refresh();
    } catch (error) {
      if (controller.signal.aborted) {
        setPhase({ name: "idle" });
        toast("Upload cancelled.");
        return;
      }
      const failure = error instanceof UploadFailure ? error : new UploadFailure("The upload failed. Press Retry to try again.", true);
      setPhase({ name: "failed", file, message: failure.message, retryable: failure.retryable });
    } finally {
      abort.current = null;
      if (input.current) input.current.value = "";
    }
  }

  async function remove() {
    if (!onRemove || !window.confirm(`Remove ${current?.fileName ?? "this file"}?`)) return;
    setRemoving(true);
    const problem = await onRemove();
    setRemoving(false);
    if (problem) return setPhase({ name: "failed", message: problem, retryable: false });
    setPhase({ name: "idle" });
    router.refresh();
  }

  const progress = phase.name === "uploading" ? phase.progress : null;
  const percent = progress ? Math.floor((100 * progress.loaded) / progress.total) : phase.name === "completing" ? 100 : 0;

  return (
    <section aria-label={label} className="flex flex-col gap-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <h3 className="font-semibold">{label}</h3>
      {current?.fileName || preview ? (
        <div className="flex flex-wrap items-center gap-3">
          {preview}
          {current?.fileName ? (
            <p className="text-sm">
              <span className="font-medium">{current.fileName}</span>
              {current.size ? <span className="text-slate-600 dark:text-slate-400"> · {formatBytes(current.size)}</span> : null}
            </p>
          ) : null}
          <button type="button" className={buttonStyles.secondary} disabled={busy || removing} onClick={() => input.current?.click()}>
            Replace
          </button>
          {onRemove ? (
            <button type="button" className={buttonStyles.secondary} disabled={busy || removing} onClick={() => void remove()}>
              {removing ? "Removing…" : "Remove"}
            </button>
          ) : null}
        </div>
      ) : null}

      <input
        ref={input}
        id={inputId}
        type="file"
        className="peer sr-only"
        accept={accept ?? acceptAttribute(kind)}
        aria-describedby={hintId}
        disabled={busy}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) void send(file);
        }}
      />
      <label
        htmlFor={inputId}
        className={`flex cursor-pointer flex-col items-center gap-1 rounded-lg border-2 border-dashed p-6 text-center peer-focus-visible:ring-2 peer-focus-visible:ring-indigo-600 peer-disabled:cursor-not-allowed peer-disabled:opacity-60 ${
          dragging ? "border-indigo-600 bg-indigo-50 dark:bg-indigo-950" : "border-slate-300 dark:border-slate-600"
        }`}
        onDragOver={(event) => {
          event.preventDefault();
          if (!busy) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          const file = event.dataTransfer.files[0];
          if (file && !busy) void send(file);
        }}
      >
        <FileUp aria-hidden className="size-6" />
        <span className="font-medium">{current?.fileName ? "Drop a new file here or choose one" : "Drop a file here or choose one"}</span>
        <span id={hintId} className="text-sm text-slate-600 dark:text-slate-400">
          {formatsOf(kind)}, up to {formatBytes(maxBytes)}.
        </span>
      </label>

      {busy ? (
        <div className="flex flex-col gap-2">
          <div
            role="progressbar"
            aria-label={`Uploading ${phase.file.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
          >
            <div className="h-full bg-indigo-700 transition-[width] dark:bg-indigo-300" style={{ width: `${percent}%` }} />
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <p aria-live="polite">
              {progress
                ? `${formatBytes(progress.loaded)} of ${formatBytes(progress.total)} · ${formatBytes(progress.bytesPerSecond)}/s`
                : "Checking the file…"}
            </p>
            {phase.name === "uploading" ? (
              <button
                type="button"
                className={buttonStyles.secondary}
                onClick={() => abort.current?.abort(new DOMException("Cancelled", "AbortError"))}
              >
                <X aria-hidden className="size-4" /> Cancel
              </button>
            ) : null}
          </div>
        </div>
      ) : null}

      <div
        role="alert"
        className="flex flex-wrap items-center gap-3 empty:hidden rounded-lg bg-red-50 p-3 text-red-900 dark:bg-red-950 dark:text-red-100"
      >
        {phase.name === "failed" ? (
          <>
            <span>{phase.message}</span>
            {phase.retryable && phase.file ? (
              <button type="button" className={buttonStyles.secondary} onClick={() => void send(phase.file!)}>
                <RotateCcw aria-hidden className="size-4" /> Retry
              </button>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
