"use client";

import { Link2 } from "lucide-react";
import { toast } from "sonner";
import { buttonStyles } from "@/components/ui/button-styles";

/** Copies the certificate's public link (its verification page) to share it; says so in a toast. */
export function CopyLinkButton({ path, label }: { path: string; label: string }) {
  return (
    <button
      type="button"
      className={buttonStyles.secondary}
      onClick={async () => {
        const url = new URL(path, window.location.origin).toString();
        try {
          await navigator.clipboard.writeText(url);
          toast.success("Link copied.");
        } catch {
          toast.error(`Copy this link: ${url}`);
        }
      }}
    >
      <Link2 aria-hidden className="size-4" /> Copy link<span className="sr-only"> to {label}</span>
    </button>
  );
}
