import fs from "node:fs";
import path from "node:path";

/** The size a page's HTML has, about: the static file closest to it is served, so that bytes on the wire compare. */
const TARGET_BYTES = 20 * 1024;

/**
 * A JavaScript chunk of the build in .next/static, as `/_next/static/…`: the one closest in size to a page's HTML.
 * Next serves these files itself, with no proxy (src/proxy.ts does not match them) and no rendering.
 */
export function findStaticFile(root = process.cwd()): { path: string; bytes: number } {
  const dir = path.join(root, ".next", "static", "chunks");
  const files = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".js"))
    .map((entry) => ({ name: entry.name, bytes: fs.statSync(path.join(dir, entry.name)).size }));
  if (files.length === 0) throw new Error(`No JavaScript chunk in ${dir}: has the app been built?`);
  files.sort((a, b) => Math.abs(a.bytes - TARGET_BYTES) - Math.abs(b.bytes - TARGET_BYTES) || a.name.localeCompare(b.name));
  return { path: `/_next/static/chunks/${files[0]!.name}`, bytes: files[0]!.bytes };
}
