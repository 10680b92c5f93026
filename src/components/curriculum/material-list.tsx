"use client";

import { FileText, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { formatBytes } from "@/lib/format";

type Material = { id: string; fileName: string; fileSize: number | null };

/** A course's or lesson's materials, each with a Delete button (the row goes first, then the stored file). */
export function MaterialList({ materials, deleteBase, label }: { materials: Material[]; deleteBase: string; label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  async function remove(material: Material) {
    if (!window.confirm(`Delete "${material.fileName}"?`)) return;
    setBusy(material.id);
    const response = await fetch(`${deleteBase}/${material.id}`, { method: "DELETE" }).catch(() => null);
    setBusy(null);
    if (!response?.ok) {
      toast.error(
        response
          ? "The material could not be deleted. Please try again."
          : "Could not reach the server. Check your connection and try again.",
      );
      return;
    }
    toast.success(`Deleted "${material.fileName}".`);
    router.refresh();
  }
  if (materials.length === 0) return <p className="text-slate-700 dark:text-slate-300">No materials yet.</p>;
  return (
    <ul aria-label={label} className="flex flex-col gap-2">
      {materials.map((m) => (
        <li key={m.id} className="flex items-center gap-2 rounded-lg border border-slate-200 px-3 py-2 dark:border-slate-800">
          <FileText aria-hidden="true" className="h-4 w-4 shrink-0" />
          <span className="flex-1 break-all">{m.fileName}</span>
          {m.fileSize !== null && <span className="text-sm text-slate-600 dark:text-slate-300">{formatBytes(m.fileSize)}</span>}
          <button
            type="button"
            disabled={busy === m.id}
            onClick={() => void remove(m)}
            aria-label={`Delete ${m.fileName}`}
            className="inline-flex h-9 w-9 items-center justify-center rounded-md text-red-800 hover:bg-red-50 disabled:opacity-40 dark:text-red-300 dark:hover:bg-red-950"
          >
            <Trash2 aria-hidden="true" className="h-4 w-4" />
          </button>
        </li>
      ))}
    </ul>
  );
}
