/**
 * The assignments' limits, without zod: the learner's hand-in form in the player imports them, and the player ships no
 * zod (the server parses every hand-in with ./assignment.ts, which uses these).
 */
export const INSTRUCTIONS_MAX_LENGTH = 50_000;
export const SUBMISSION_TEXT_MAX_LENGTH = 100_000;
export const FEEDBACK_MAX_LENGTH = 20_000;
export const MAX_FILES_LIMIT = 20;
export const MAX_POINTS_LIMIT = 10_000;
/** The largest file an assignment may accept; its own limit is set below it, and the server's material limit applies too. */
export const MAX_FILE_BYTES_LIMIT = 1024 ** 3;
