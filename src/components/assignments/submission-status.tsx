import { badgeStyles } from "@/components/ui/table-styles";

const LABELS = {
  submitted: { text: "to grade", style: badgeStyles.indigo },
  graded: { text: "graded", style: badgeStyles.green },
  returned: { text: "returned for revision", style: badgeStyles.slate },
} as const;

/** Where a submission stands, as a badge with words (never colour alone). */
export function SubmissionStatusBadge({ status }: { status: keyof typeof LABELS }) {
  const { text, style } = LABELS[status];
  return <span className={style}>{text}</span>;
}
