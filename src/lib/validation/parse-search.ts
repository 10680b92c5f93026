import type { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A query schema's value from a page URL: a repeated key counts once, and a value the schema refuses is dropped (its
 * default applies) rather than failing the page, so a hand-edited link still shows something sensible.
 */
export function parseSearch<S extends z.ZodType>(schema: S, searchParams: SearchParams, keys: readonly string[]): z.output<S> {
  const input: Record<string, string> = {};
  for (const key of keys) {
    const value = searchParams[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") input[key] = first;
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) delete input[String(issue.path[0])];
  return schema.parse(input);
}
