export * from "./users";
export * from "./courses";
export * from "./learning";
export * from "./uploads";
export * from "./quizzes";
export * from "./assignments";
export * from "./school";
export * from "./certificates";
