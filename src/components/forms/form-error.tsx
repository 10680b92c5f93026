import { CircleAlert } from "lucide-react";
import type { ReactNode } from "react";

/**
 * The form-level error (a wrong password, a rate limit, a lost connection). The alert region is always in the page, so
 * that assistive technology announces a message when it appears.
 */
export function FormError({ message, children }: { message: string | null; children?: ReactNode }) {
  return (
    // Empty, it is taken out of the flow so that it adds no gap to the form.
    <div role="alert" className="empty:absolute">
      {message && (
        <div className="flex gap-2 rounded-lg border border-red-700 bg-red-50 p-3 text-sm text-red-800 dark:border-red-400 dark:bg-red-950 dark:text-red-200">
          <CircleAlert aria-hidden="true" className="mt-0.5 h-4 w-4 shrink-0" />
          <div className="flex flex-col gap-1">
            <p>{message}</p>
            {children}
          </div>
        </div>
      )}
    </div>
  );
}
