import type { QuizOption, QuizQuestionType } from "@/lib/db/schema";
import { normalizeText, parseNumber } from "./grade";
import type { ScoreBand, WrongAnswer } from "./results-types";

/** The ten bands of the score distribution: 0–9 %, 10–19 % … 90–100 % (100 falls in the last). */
export const SCORE_BANDS = 10;

export function scoreBands(counts: ReadonlyMap<number, number>): ScoreBand[] {
  return Array.from({ length: SCORE_BANDS }, (_, band) => ({
    label: band === SCORE_BANDS - 1 ? "90–100 %" : `${band * 10}–${band * 10 + 9} %`,
    from: band * 10,
    count: counts.get(band) ?? 0,
  }));
}

const SHOWN_TIES = 3;

/** The entries with the highest count (all of them when they tie), in the order given; null when none counts. */
function mostCommon(entries: readonly { label: string; count: number }[]): WrongAnswer | null {
  const top = Math.max(0, ...entries.map((e) => e.count));
  if (top === 0) return null;
  return {
    answers: entries
      .filter((e) => e.count === top)
      .map((e) => e.label)
      .slice(0, SHOWN_TIES),
    count: top,
  };
}

/**
 * The wrong option chosen most often. `chosen` counts, per option id, the counted answers that chose it; only options
 * that are not correct count (an id that is no option of the question, saved before the question changed, is left out).
 * Ties keep the question's option order.
 */
export function commonWrongOption(options: readonly QuizOption[], chosen: ReadonlyMap<string, number>): WrongAnswer | null {
  return mostCommon(options.filter((o) => !o.correct).map((o) => ({ label: o.text, count: chosen.get(o.id) ?? 0 })));
}

/**
 * The most common wrong typed answer, grouped as grading compares answers: short text after normalizeText, numbers by
 * their value (so "3,5", " 3.5" and 3.5 are one answer); a numeric answer that is not a number is grouped by its
 * normalised text. Blank answers are left out (they are counted as unanswered). Ties are listed alphabetically.
 */
export function commonWrongText(type: QuizQuestionType, raw: readonly { value: string; count: number }[]): WrongAnswer | null {
  const groups = new Map<string, number>();
  for (const { value, count } of raw) {
    let key: string;
    if (type === "numeric") {
      const number = parseNumber(value);
      key = number === null ? normalizeText(value) : String(number);
    } else key = normalizeText(value);
    if (key === "") continue;
    groups.set(key, (groups.get(key) ?? 0) + count);
  }
  const entries = [...groups].map(([label, count]) => ({ label, count })).sort((a, b) => a.label.localeCompare(b.label, "en"));
  return mostCommon(entries);
}

const EXCERPT_LENGTH = 140;

/** A question's markdown prompt as one line of plain text, for tables and the CSV: marks dropped, at most 140 characters. */
export function promptExcerpt(markdown: string): string {
  const text = markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]*>/g, " ")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, "")
    .replace(/[*_`~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : text;
}

/** part / whole × 100 with one decimal; null when whole is 0. */
export const percentOf = (part: number, whole: number) => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);
