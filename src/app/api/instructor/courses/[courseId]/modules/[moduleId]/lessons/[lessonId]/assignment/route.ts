import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { getAssignmentForEditor, updateAssignmentSettings } from "@/lib/assignments/manage-assignment";
import { updateAssignmentSettingsSchema } from "@/lib/validation/assignment";
import { lessonParams } from "@/lib/validation/ids";

const editors = ["INSTRUCTOR", "ADMIN"] as const;

/** The assignment editor's data: its settings. 404 when the lesson is not an assignment. */
export const GET = route({ access: editors, params: lessonParams }, async ({ viewer, params }) =>
  NextResponse.json({ assignment: await getAssignmentForEditor(viewer, params) }),
);

/**
 * Any of instructions, dueAt, maxPoints, passingPoints, acceptText, acceptFiles, acceptedTypes, maxFiles, maxFileBytes,
 * allowLate; checked together with the stored settings.
 */
export const PATCH = route(
  { access: editors, params: lessonParams, body: updateAssignmentSettingsSchema },
  async ({ viewer, params, body }) => NextResponse.json({ settings: await updateAssignmentSettings(viewer, params, body) }),
);
