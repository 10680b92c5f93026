"use client";

import Link from "next/link";
import { buttonStyles } from "@/components/ui/button-styles";

/** Shown when a page fails on the server. The digest lets support find the log line; nothing internal is shown. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="flex flex-col items-start gap-4 py-12">
      <p className="text-sm font-semibold text-red-700 dark:text-red-300">Error</p>
      <h1 className="text-3xl font-bold tracking-tight">Something went wrong</h1>
      <p className="text-slate-700 dark:text-slate-300">
        Please try again. If it keeps happening, tell your administrator
        {error.digest ? (
          <>
            {" "}
            and quote the reference <code className="font-mono">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <div className="flex gap-4">
        <button type="button" onClick={reset} className={buttonStyles.primary}>
          Try again
        </button>
        <Link href="/" className={`px-2 py-2 ${buttonStyles.link}`}>
          Home
        </Link>
      </div>
    </div>
  );
}
