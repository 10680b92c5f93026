import { Download } from "lucide-react";
import { buttonStyles } from "@/components/ui/button-styles";

/** A plain link (not a client-side navigation) to a CSV download route. */
export function CsvLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a href={href} download className={buttonStyles.secondary}>
      <Download aria-hidden="true" className="h-4 w-4" />
      {children}
    </a>
  );
}
