import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { profileSchema } from "@/lib/validation/auth";
import { getProfile } from "./get-profile";
import { updateProfile } from "./update-profile";

withTestDatabase();

describe("the profile's name and bio", () => {
  it("saves a bio, keeps it when only the name is sent, and removes it when it is emptied", async () => {
    const [user, other] = await Promise.all([insertUser({ role: "INSTRUCTOR" }), insertUser({ role: "INSTRUCTOR" })]);
    expect(await getProfile(user)).toEqual({ name: user.name, bio: null });

    const saved = await updateProfile(user, profileSchema.parse({ name: "Ada Lovelace", bio: "  Teaches Python.\r\nLoves engines.  " }));
    expect(saved).toMatchObject({ name: "Ada Lovelace", bio: "Teaches Python.\nLoves engines." });
    expect(await getProfile(user)).toEqual({ name: "Ada Lovelace", bio: "Teaches Python.\nLoves engines." });

    await updateProfile(user, profileSchema.parse({ name: "Ada King" }));
    expect(await getProfile(user)).toEqual({ name: "Ada King", bio: "Teaches Python.\nLoves engines." });

    await updateProfile(user, profileSchema.parse({ name: "Ada King", bio: "   " }));
    expect((await getProfile(user)).bio).toBeNull();
    // Another user's profile is untouched by all of this.
    expect(await getProfile(other)).toEqual({ name: other.name, bio: null });
  });

  it("refuses a bio that is too long or holds control characters", () => {
    expect(profileSchema.safeParse({ name: "A", bio: "x".repeat(1001) }).success).toBe(false);
    expect(profileSchema.safeParse({ name: "A", bio: "bell\u0007" }).success).toBe(false);
    expect(profileSchema.safeParse({ name: "A", bio: 42 }).success).toBe(false);
    expect(profileSchema.safeParse({ name: "A", bio: "x".repeat(1000) }).success).toBe(true);
  });
});
