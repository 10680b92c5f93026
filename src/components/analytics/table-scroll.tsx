import type { ReactNode } from "react";
import { tableStyles } from "@/components/ui/table-styles";

/**
 * The scrolling box around a wide table on a narrow screen (tableStyles.wrapper is `relative`, so that the table's
 * visually hidden caption stays inside it). A table with no link or button in it needs `focusLabel`: a named tab stop,
 * so that keyboard users can scroll it too.
 */
export function TableScroll({ focusLabel, children }: { focusLabel?: string; children: ReactNode }) {
  const className = tableStyles.wrapper;
  return focusLabel ? (
    <div className={className} tabIndex={0} role="region" aria-label={focusLabel}>
      {children}
    </div>
  ) : (
    <div className={className}>{children}</div>
  );
}
