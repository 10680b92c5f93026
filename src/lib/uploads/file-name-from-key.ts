/**
 * The file name a stored object was uploaded as, for showing the current video or thumbnail: the key's last segment
 * without the unique prefix storageKeys put before it ("1700000000000-a1b2c3d4e5f6-" or a material's "<uuid>-").
 */
export function fileNameFromKey(key: string): string {
  const last = key.split("/").pop() ?? key;
  return last.replace(/^\d+-[0-9a-f]{12}-/, "").replace(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-/, "");
}
