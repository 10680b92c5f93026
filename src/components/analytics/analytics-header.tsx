import Link from "next/link";
import type { ReactNode } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import type { RangeInfo } from "@/lib/analytics/types";
import type { AnalyticsRange } from "@/lib/validation/analytics";
import { bucketLabel } from "./labels";
import { RangePicker } from "./range-picker";

type AnalyticsHeaderProps = {
  back: { href: string; label: string };
  title: ReactNode;
  range: RangeInfo;
  hrefFor: (range: AnalyticsRange) => string;
};

/** A way back, the page title, the range picker and the days the figures cover. */
export function AnalyticsHeader({ back, title, range, hrefFor }: AnalyticsHeaderProps) {
  return (
    <div className="flex flex-col gap-3">
      <p>
        <Link href={back.href} className={buttonStyles.link}>
          {back.label}
        </Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      <RangeBar range={range} hrefFor={hrefFor} />
    </div>
  );
}

export function RangeBar({ range, hrefFor }: Pick<AnalyticsHeaderProps, "range" | "hrefFor">) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <RangePicker current={range.range} hrefFor={hrefFor} />
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {bucketLabel(range.from, "day")} to {bucketLabel(range.to, "day")}, by {range.bucket} (UTC)
      </p>
    </div>
  );
}
