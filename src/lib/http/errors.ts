/** One error type for everything the user may be told; its code decides the HTTP status. */

export const errorStatus = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type ErrorBody = {
  error: { code: ErrorCode; message: string; fields?: Record<string, string>; requestId?: string };
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Shown to the user as it is: never put internals here. */
    readonly userMessage: string,
    readonly options: { fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(userMessage);
    this.name = "AppError";
  }

  get status() {
    return errorStatus[this.code];
  }
}
