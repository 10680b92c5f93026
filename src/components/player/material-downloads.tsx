"use client";

import { useState } from "react";
import { Download, LoaderCircle } from "lucide-react";
import { toast } from "sonner";
import { formatBytes } from "@/lib/format";

export type PlayerMaterial = { id: string; fileName: string; fileSize: number | null; fileType: string | null };

/**
 * Materials as download buttons: each asks its signed-URL route for a fresh one-hour URL, then navigates to it (the
 * storage answers with Content-Disposition: attachment, so the page stays put and the browser downloads).
 */
export function MaterialDownloads({ materials, urlBase, label }: { materials: PlayerMaterial[]; urlBase: string; label: string }) {
  const [busy, setBusy] = useState<string | null>(null);

  async function download(material: PlayerMaterial) {
    setBusy(material.id);
    try {
      const response = await fetch(`${urlBase}/${material.id}/url`, {
        headers: { accept: "application/json" },
        credentials: "same-origin",
      });
      const body = (await response.json().catch(() => null)) as { url?: string; error?: { message?: string } } | null;
      if (!response.ok || !body?.url) throw new Error(body?.error?.message ?? "The file could not be downloaded.");
      window.location.assign(body.url);
    } catch (error) {
      toast.error(error instanceof Error && error.message !== "Failed to fetch" ? error.message : "The file could not be downloaded.");
    } finally {
      setBusy(null);
    }
  }

  return (
    <ul aria-label={label} className="flex flex-col gap-2">
      {materials.map((material) => (
        <li key={material.id}>
          <button
            type="button"
            onClick={() => download(material)}
            aria-busy={busy === material.id}
            className="flex w-full items-center gap-3 rounded-lg border border-slate-200 px-3 py-2 text-left text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            {busy === material.id ? (
              <LoaderCircle aria-hidden="true" className="h-4 w-4 shrink-0 animate-spin" />
            ) : (
              <Download aria-hidden="true" className="h-4 w-4 shrink-0 text-indigo-700 dark:text-indigo-300" />
            )}
            <span className="flex-1 break-all font-medium">
              <span className="sr-only">Download </span>
              {material.fileName}
            </span>
            {material.fileSize !== null && (
              <span className="shrink-0 text-xs text-slate-600 dark:text-slate-300">{formatBytes(material.fileSize)}</span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
