import { describe, expect, it } from "vitest";
import { isValidKey, sanitizeFileName, storageKeys, uploadIdOfStagingKey } from "./keys";

const id = "2f1c5a8e-4b7d-4c1e-9a3b-0d6e7f8a9b0c";

describe("storage keys", () => {
  it("follow the reference design's structure", () => {
    expect(storageKeys.courseThumbnail(id, "cover.png")).toMatch(new RegExp(`^courses/${id}/thumbnails/\\d+-[0-9a-f]{12}-cover\\.png$`));
    expect(storageKeys.lessonVideo(id, "intro.mp4")).toMatch(new RegExp(`^lessons/${id}/videos/\\d+-[0-9a-f]{12}-intro\\.mp4$`));
    expect(storageKeys.courseMaterial(id, id, "notes.pdf")).toBe(`courses/${id}/materials/${id}-notes.pdf`);
    expect(storageKeys.lessonMaterial(id, id, "notes.pdf")).toBe(`lessons/${id}/materials/${id}-notes.pdf`);
    // A learner's handed-in file: under the lesson, so that deleting the lesson or its course removes it, in the learner's folder.
    expect(storageKeys.submissionFile(id, "user_42-x", "essay.pdf")).toMatch(
      new RegExp(`^lessons/${id}/submissions/user_42-x/\\d+-[0-9a-f]{12}-essay\\.pdf$`),
    );
  });

  it("strip separators, traversal and control characters from file names", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("..\\..\\boot.ini")).toBe("boot.ini");
    expect(sanitizeFileName("evil\u0000name\n.pdf")).toBe("evilname.pdf");
    expect(sanitizeFileName("...")).toBe("file");
    expect(sanitizeFileName("my notes (final).pdf")).toBe("my-notes-final-.pdf");
  });

  it("cap long names and keep the extension", () => {
    const name = sanitizeFileName(`${"a".repeat(500)}.webm`);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name.endsWith(".webm")).toBe(true);
  });

  it("accept only keys of our own shape", () => {
    expect(isValidKey(storageKeys.lessonVideo(id, "a.mp4"))).toBe(true);
    expect(isValidKey(`lessons/${id}/videos/../../x`)).toBe(false);
    expect(isValidKey("/etc/passwd")).toBe(false);
    expect(isValidKey(`lessons/${id}/videos/a/b`)).toBe(false);
    expect(isValidKey(storageKeys.submissionFile(id, "u1", "a.pdf"))).toBe(true);
    expect(isValidKey(`lessons/${id}/submissions/../x/a.pdf`)).toBe(false);
    expect(isValidKey(`lessons/${id}/submissions/u1/a/b.pdf`)).toBe(false);
    expect(isValidKey(`courses/${id}/submissions/u1/a.pdf`)).toBe(false);
  });

  it("give each upload a staging key of its own, which carries its id and stays inside its folder", () => {
    const staging = storageKeys.uploadStaging(id, "../../etc/my notes.pdf");
    expect(staging).toBe(`uploads/${id}/my-notes.pdf`);
    expect(isValidKey(staging)).toBe(true);
    expect(uploadIdOfStagingKey(staging)).toBe(id);
    expect(uploadIdOfStagingKey(storageKeys.lessonVideo(id, "a.mp4"))).toBeNull();
    for (const key of [
      `uploads/${id}/..`,
      `uploads/${id}/a/b.pdf`,
      `uploads/not-an-id/a.pdf`,
      `uploads/${id}/`,
      `uploads/../${id}/a.pdf`,
    ]) {
      expect(isValidKey(key)).toBe(false);
      expect(uploadIdOfStagingKey(key)).toBeNull();
    }
  });
});
