import { z } from "zod";

/**
 * Control characters are never typed by a person, and Postgres refuses one of them (NUL) in text. Every text field
 * refuses them with a message that names the field; long text (descriptions, lesson content) keeps tab and line breaks.
 * Use as `z.string().refine(...oneLine("Title"))`, before `.trim()`, so that nothing is trimmed away unseen.
 */

const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_BUT_TAB_AND_NEWLINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const refusal = (label: string) => ({ error: `${label} cannot contain control characters.`, abort: true });

export const oneLine = (label: string) => [(v: string) => !CONTROL.test(v), refusal(label)] as const;

export const multiLine = (label: string) => [(v: string) => !CONTROL_BUT_TAB_AND_NEWLINES.test(v), refusal(label)] as const;

/** A query-string value: "" and whitespace mean "not given". */
export const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** An optional one-line query value such as a search box's text. */
export const queryText = (label: string, max: number, tooLong = `${label}: use at most ${max} characters.`) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine(...oneLine(label))
      .trim()
      .max(max, tooLong)
      .optional(),
  );
