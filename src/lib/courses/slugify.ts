/**
 * A course title as the readable part of its URL: lower case, accents folded, every run of other characters one dash,
 * at most SLUG_MAX_LENGTH characters. Only ASCII letters and digits are kept, so the URL reads the same in every
 * address bar, mail client and log; Greek and Cyrillic are spelled in Latin letters first, and a title with nothing
 * left (Chinese, Arabic, emoji…) becomes FALLBACK_SLUG, which the course's uniqueness suffix then tells apart.
 */

export const SLUG_MAX_LENGTH = 80;
export const FALLBACK_SLUG = "course";

/** Letters that Unicode normalisation does not take apart into a base letter and an accent. */
const LATIN: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  þ: "th",
  ł: "l",
  ı: "i",
  ħ: "h",
  ŧ: "t",
  ŋ: "ng",
  ĸ: "k",
};

// The usual romanisations (BGN/PCGN for Russian and Ukrainian, ELOT 743 simplified for Greek), applied after accents
// are removed, so й is и and ё is е by then.
const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  ґ: "g",
  д: "d",
  е: "e",
  є: "ye",
  ж: "zh",
  з: "z",
  и: "i",
  і: "i",
  ї: "yi",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

const GREEK: Record<string, string> = {
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  ς: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
};

const SPELLED: Record<string, string> = { ...LATIN, ...CYRILLIC, ...GREEK };

export function slugify(title: string): string {
  const folded = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/./gu, (c) => SPELLED[c] ?? c);
  const dashed = folded.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return shorten(dashed, SLUG_MAX_LENGTH) || FALLBACK_SLUG;
}

/** At most `max` characters, cut after a whole word when that keeps at least half of them. */
export function shorten(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash >= max / 2 ? cut.slice(0, lastDash) : slug.slice(0, max)).replace(/-+$/, "");
}

/** The slugs a title may get, in order of preference: the plain one, then -2, -3… within the length limit. */
export function slugCandidates(base: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => numbered(base, i + 1));
}

/** The n-th form of a slug: itself for 1, then with -n, shortened to stay within the limit. */
function numbered(base: string, n: number): string {
  if (n === 1) return base;
  const suffix = `-${n}`;
  return `${shorten(base, SLUG_MAX_LENGTH - suffix.length)}${suffix}`;
}

/** Whether `slug` is one of the slugs `base` can produce (itself, or it with a -N suffix). */
export function isSlugOf(slug: string, base: string): boolean {
  if (slug === base) return true;
  const match = /-(\d{1,6})$/.exec(slug);
  if (!match) return false;
  const n = Number(match[1]);
  return n >= 2 && numbered(base, n) === slug;
}
