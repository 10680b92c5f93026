import * as words from "./word-lists";

/**
 * SQL text for the generator's values. Every "random" choice is a hash of a stable key (hashtext), not random(), so that
 * a given size always produces the same data on PGlite and on a Postgres server.
 */

export const EMAIL_DOMAIN = "bench.budhhub.test";

export const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
export const textArray = (list: readonly string[]) => `array[${list.map(literal).join(", ")}]::text[]`;

/** A stable non-negative integer in [0, 2^32) for a SQL text expression. */
export const hash = (key: string) => `(hashtext(${key})::bigint + 2147483648)`;
/** A stable fraction in [0, 1). */
export const fraction = (key: string) => `(${hash(key)} / 4294967296.0)`;
/** A stable element of a list. */
export const pick = (list: readonly string[], key: string) => `(${textArray(list)})[1 + ${hash(key)} % ${list.length}]`;

/**
 * A stable UUID for a key: its md5 with the version (4) and variant bits set, as gen_random_uuid() makes them. A bare
 * md5::uuid is accepted by Postgres but most are not RFC 9562 UUIDs, and the app's z.uuid() answers 404 for those.
 */
export const stableUuid = (key: string) => `overlay(overlay(md5(${key}) placing '4' from 13) placing '8' from 17)::uuid`;
export const userId = (n: string) => `${stableUuid(`'bench-user:' || ${n}`)}::text`;
export const personName = (n: string) =>
  `${pick(words.firstNames, `'first:' || ${n}`)} || ' ' || ${pick(words.lastNames, `'last:' || ${n}`)}`;
