import type { z } from "zod";
import type { AnswerValue, QuizSettings, questionSchema } from "@/lib/validation/quiz";

/**
 * Demo quizzes: one per demo course, placed at the end of one of its modules, with a question of every type. Pure data;
 * the seed checks each question with the same schema as the API (questionSchema) and grades the demo learners'
 * attempts with src/lib/quizzes/grade.ts.
 *
 * Choice options carry fixed ids so that `mistake` (the wrong answer a demo learner gives, and so the "most chosen
 * wrong option" of the results' item analysis) can name one.
 */
export type DemoQuizQuestion = z.input<typeof questionSchema> & { mistake: NonNullable<AnswerValue> };

export type DemoQuiz = {
  /** The demo course's slug (src/lib/demo/courses.ts). */
  course: string;
  /** Index of the module it ends. */
  module: number;
  title: string;
  /** The introduction shown above the quiz, markdown. */
  content: string;
  durationMinutes: number;
  settings: Partial<QuizSettings>;
  questions: DemoQuizQuestion[];
};

export const demoQuizzes: DemoQuiz[] = [
  {
    course: "intro-to-python",
    module: 2,
    title: "Quiz: Python basics",
    content:
      "Five questions on what the course covered: strings, collections, loops, functions and arithmetic. You need **70 %** to pass, and you can try as often as you like.",
    durationMinutes: 10,
    settings: { passingScore: 70 },
    questions: [
      {
        type: "single",
        prompt: 'What does `len("hello")` return?',
        explanation: "`len` counts the characters: h, e, l, l, o. The last *index* is 4, but there are five characters.",
        options: [
          { id: "a", text: "5", correct: true },
          { id: "b", text: "4", correct: false },
          { id: "c", text: "6", correct: false },
          { id: "d", text: '"hello"', correct: false },
        ],
        mistake: { optionId: "b" },
      },
      {
        type: "multiple",
        prompt: "Which of these types are **mutable** (can be changed in place)? Choose all that apply.",
        explanation: "Lists and dictionaries can be changed in place; tuples and strings cannot.",
        partialCredit: true,
        options: [
          { id: "list", text: "list", correct: true },
          { id: "dict", text: "dict", correct: true },
          { id: "tuple", text: "tuple", correct: false },
          { id: "str", text: "str", correct: false },
        ],
        mistake: { optionIds: ["list", "dict", "tuple"] },
      },
      {
        type: "true_false",
        prompt: "`range(5)` includes the number 5.",
        explanation: "`range(5)` stops before 5: it gives 0, 1, 2, 3 and 4.",
        correct: false,
        mistake: { optionId: "true" },
      },
      {
        type: "short_text",
        prompt: "Which keyword starts the definition of a function?",
        explanation: "`def name(parameters):` defines a function.",
        acceptedAnswers: ["def"],
        mistake: { text: "function" },
      },
      {
        type: "numeric",
        prompt: "What does `7 // 2` evaluate to?",
        explanation: "`//` is floor division: 7 divided by 2 is 3.5, rounded down to 3.",
        answer: 3,
        mistake: { value: 3.5 },
      },
    ],
  },
  {
    course: "sql-for-analysts",
    module: 2,
    title: "Quiz: Querying and joining",
    content:
      "Check your SQL before you move on: filtering, aggregates and joins. Pass with **70 %**; you have three attempts, and the options come in a different order each time.",
    durationMinutes: 10,
    settings: { passingScore: 70, maxAttempts: 3, shuffleOptions: true },
    questions: [
      {
        type: "single",
        prompt: "Which clause filters **groups** after they have been aggregated?",
        explanation: "`WHERE` filters rows before grouping; `HAVING` filters the groups after it.",
        options: [
          { id: "where", text: "WHERE", correct: false },
          { id: "having", text: "HAVING", correct: true },
          { id: "order", text: "ORDER BY", correct: false },
          { id: "limit", text: "LIMIT", correct: false },
        ],
        mistake: { optionId: "where" },
      },
      {
        type: "multiple",
        prompt: "Which of these are aggregate functions? Choose all that apply.",
        explanation: "`COUNT`, `SUM` and `AVG` summarise many rows into one value; `UPPER` works on one value at a time.",
        options: [
          { id: "count", text: "COUNT", correct: true },
          { id: "sum", text: "SUM", correct: true },
          { id: "avg", text: "AVG", correct: true },
          { id: "upper", text: "UPPER", correct: false },
        ],
        mistake: { optionIds: ["count", "sum", "upper"] },
      },
      {
        type: "true_false",
        prompt: "A `LEFT JOIN` keeps every row of the left table, even one with no match on the right.",
        explanation: "Rows without a match get `NULL` in the right table's columns.",
        correct: true,
        mistake: { optionId: "false" },
      },
      {
        type: "short_text",
        prompt: "Which keyword, written right after `SELECT`, removes duplicate rows from the result?",
        explanation: "`SELECT DISTINCT city FROM customers` lists each city once.",
        acceptedAnswers: ["DISTINCT"],
        mistake: { text: "UNIQUE" },
      },
      {
        type: "numeric",
        prompt: "A table of 8 rows is joined to a table of 3 rows with `ON true`, so every row matches every row. How many rows come back?",
        explanation: "Every row of one table pairs with every row of the other: 8 × 3 = 24.",
        answer: 24,
        mistake: { value: 11 },
      },
    ],
  },
  {
    course: "web-accessibility-fundamentals",
    module: 0,
    title: "Quiz: Accessibility foundations",
    content: "Five questions on who accessibility is for, the WCAG principles and how to test a page. You need **70 %** to pass.",
    durationMinutes: 8,
    settings: {},
    questions: [
      {
        type: "single",
        prompt: "Which WCAG conformance level do most laws and procurement policies ask for?",
        explanation: "Level **AA** is the usual target; AAA is not required as a whole for entire sites.",
        options: [
          { id: "a", text: "Level A", correct: false },
          { id: "aa", text: "Level AA", correct: true },
          { id: "aaa", text: "Level AAA", correct: false },
        ],
        mistake: { optionId: "aaa" },
      },
      {
        type: "multiple",
        prompt: "Which of these are WCAG principles? Choose all that apply.",
        explanation: "The four principles are Perceivable, Operable, Understandable and Robust (POUR).",
        partialCredit: true,
        options: [
          { id: "perceivable", text: "Perceivable", correct: true },
          { id: "operable", text: "Operable", correct: true },
          { id: "understandable", text: "Understandable", correct: true },
          { id: "robust", text: "Robust", correct: true },
          { id: "responsive", text: "Responsive", correct: false },
        ],
        mistake: { optionIds: ["perceivable", "operable", "responsive"] },
      },
      {
        type: "true_false",
        prompt: "An automated checker such as axe finds every accessibility problem on a page.",
        explanation: "Automated tools catch a part of the problems; keyboard and screen reader testing find the rest.",
        correct: false,
        mistake: { optionId: "true" },
      },
      {
        type: "short_text",
        prompt: "WCAG stands for Web Content Accessibility ____. Write the missing word.",
        explanation: "Web Content Accessibility **Guidelines**, published by the W3C.",
        acceptedAnswers: ["Guidelines"],
        mistake: { text: "Standards" },
      },
      {
        type: "numeric",
        prompt: "What contrast ratio (the first number of *n*:1) does level AA ask for normal-size body text?",
        explanation: "4.5:1 for normal text, 3:1 for large text.",
        answer: 4.5,
        mistake: { value: 3 },
      },
    ],
  },
  {
    course: "product-management-essentials",
    module: 2,
    title: "Quiz: From discovery to delivery",
    content:
      "Check what you took from the course: problem statements, prioritisation and roadmaps. The right answers are shown once you pass.",
    durationMinutes: 10,
    settings: { passingScore: 70, showAnswers: "after_pass" },
    questions: [
      {
        type: "single",
        prompt: "What should a good problem statement describe?",
        explanation: "It names who has the problem, what it is and why it matters, and leaves the solution open.",
        options: [
          { id: "feature", text: "The feature the team will build", correct: false },
          { id: "problem", text: "The user's problem and its impact", correct: true },
          { id: "date", text: "The release date", correct: false },
          { id: "stack", text: "The technology to use", correct: false },
        ],
        mistake: { optionId: "feature" },
      },
      {
        type: "multiple",
        prompt: "Which of these are prioritisation frameworks? Choose all that apply.",
        explanation: "RICE, MoSCoW and Kano help you order work; SMTP is the protocol that sends e-mail.",
        partialCredit: true,
        options: [
          { id: "rice", text: "RICE", correct: true },
          { id: "moscow", text: "MoSCoW", correct: true },
          { id: "kano", text: "Kano", correct: true },
          { id: "smtp", text: "SMTP", correct: false },
        ],
        mistake: { optionIds: ["rice", "smtp"] },
      },
      {
        type: "true_false",
        prompt: "A roadmap is a promise of an exact delivery date for every feature.",
        explanation: "A roadmap communicates direction and priorities; dates further out are estimates.",
        correct: false,
        mistake: { optionId: "true" },
      },
      {
        type: "short_text",
        prompt: "What does the **R** in the RICE framework stand for?",
        explanation: "Reach, Impact, Confidence, Effort.",
        acceptedAnswers: ["Reach"],
        mistake: { text: "Revenue" },
      },
      {
        type: "numeric",
        prompt:
          "A feature has a reach of 500 users, an impact of 2, a confidence of 80 % and an effort of 4 person-months. What is its RICE score (reach × impact × confidence ÷ effort)?",
        explanation: "500 × 2 × 0.8 ÷ 4 = 200. Confidence is a share: 80 % is 0.8.",
        answer: 200,
        mistake: { value: 20000 },
      },
    ],
  },
  {
    course: "statistics-with-spreadsheets",
    module: 2,
    title: "Quiz: Describing data and drawing conclusions",
    content: "Six questions, 15 minutes. Keep a spreadsheet or a calculator at hand for the two calculations. You need **60 %** to pass.",
    durationMinutes: 15,
    settings: { passingScore: 60, timeLimitMinutes: 15 },
    questions: [
      {
        type: "single",
        prompt: "Which measure of centre is least affected by one very large outlier?",
        explanation: "The median only depends on the middle of the sorted data; the mean moves towards the outlier.",
        options: [
          { id: "mean", text: "The mean", correct: false },
          { id: "median", text: "The median", correct: true },
          { id: "range", text: "The range", correct: false },
          { id: "max", text: "The maximum", correct: false },
        ],
        mistake: { optionId: "mean" },
      },
      {
        type: "multiple",
        prompt: "Which of these describe the **spread** of data? Choose all that apply.",
        explanation: "Standard deviation, variance and the interquartile range measure spread; the mode is a measure of centre.",
        options: [
          { id: "sd", text: "Standard deviation", correct: true },
          { id: "iqr", text: "Interquartile range", correct: true },
          { id: "var", text: "Variance", correct: true },
          { id: "mode", text: "Mode", correct: false },
        ],
        mistake: { optionIds: ["sd", "mode"] },
      },
      {
        type: "true_false",
        prompt: "A correlation of −0.9 is a weaker relationship than a correlation of 0.3.",
        explanation: "The sign gives the direction; the size gives the strength. −0.9 is much stronger than 0.3.",
        correct: false,
        mistake: { optionId: "true" },
      },
      {
        type: "short_text",
        prompt: "Which spreadsheet function gives the middle value of a range? Write its name.",
        explanation: "`=MEDIAN(A2:A20)`; `AVERAGE` gives the mean.",
        acceptedAnswers: ["MEDIAN", "=MEDIAN", "MEDIAN()"],
        mistake: { text: "AVERAGE" },
      },
      {
        type: "numeric",
        prompt: "What is the mean of 2, 4, 4, 5 and 10?",
        explanation: "(2 + 4 + 4 + 5 + 10) ÷ 5 = 25 ÷ 5 = 5.",
        answer: 5,
        mistake: { value: 4 },
      },
      {
        type: "numeric",
        prompt: "A sample of 100 values has a standard deviation of 15. What is the standard error of the mean?",
        explanation: "The standard error is s ÷ √n = 15 ÷ 10 = 1.5.",
        points: 2,
        answer: 1.5,
        tolerance: 0.01,
        mistake: { value: "0,15" },
      },
    ],
  },
  {
    course: "typescript-in-practice",
    module: 3,
    title: "Quiz: Types in practice",
    content:
      "Five questions on unions, narrowing, generics and type operators. You have **two attempts**; the right answers are shown once you pass.",
    durationMinutes: 12,
    settings: { passingScore: 80, maxAttempts: 2, shuffleQuestions: true, showAnswers: "after_pass" },
    questions: [
      {
        type: "single",
        prompt: "What type does `keyof { id: string; title: string }` give?",
        explanation: "`keyof` gives the union of the property names as literal types.",
        options: [
          { id: "string", text: "string", correct: false },
          { id: "union", text: '"id" | "title"', correct: true },
          { id: "tuple", text: '["id", "title"]', correct: false },
          { id: "object", text: "{ id: string; title: string }", correct: false },
        ],
        mistake: { optionId: "string" },
      },
      {
        type: "multiple",
        prompt: "Which of these narrow a value of type `string | number` to `string`? Choose all that apply.",
        explanation: "A `typeof` check and a type guard (`x is string`) narrow; `as` only tells the compiler to trust you.",
        options: [
          { id: "typeof", text: 'if (typeof x === "string")', correct: true },
          { id: "guard", text: "A function returning x is string", correct: true },
          { id: "as", text: "x as string", correct: false },
          { id: "ignore", text: "// @ts-ignore", correct: false },
        ],
        mistake: { optionIds: ["typeof", "as"] },
      },
      {
        type: "true_false",
        prompt: "With `strict` on in tsconfig.json, `noImplicitAny` is on too.",
        explanation: "`strict` turns on the whole strict family, `noImplicitAny` and `strictNullChecks` included.",
        correct: true,
        mistake: { optionId: "false" },
      },
      {
        type: "short_text",
        prompt: "Which keyword declares a type variable inside the `extends` clause of a conditional type?",
        explanation: "`T extends Promise<infer U> ? U : T` lets TypeScript fill in `U`.",
        acceptedAnswers: ["infer"],
        mistake: { text: "extends" },
      },
      {
        type: "numeric",
        prompt: 'How many members does the union `Exclude<"a" | "b" | "c" | "d", "a" | "b">` have?',
        explanation: '`Exclude` removes "a" and "b", leaving "c" | "d".',
        answer: 2,
        mistake: { value: 4 },
      },
    ],
  },
  {
    course: "machine-learning-foundations",
    module: 1,
    title: "Quiz: Your first models",
    content: "Five questions on data splits, regression and evaluating classifiers. You need **70 %** to pass.",
    durationMinutes: 10,
    settings: {},
    questions: [
      {
        type: "single",
        prompt: "Which set do you use only once, at the very end, to report how well the model does?",
        explanation: "The test set stays untouched until the end; the validation set is for choosing between models.",
        options: [
          { id: "train", text: "The training set", correct: false },
          { id: "validation", text: "The validation set", correct: false },
          { id: "test", text: "The test set", correct: true },
        ],
        mistake: { optionId: "validation" },
      },
      {
        type: "multiple",
        prompt: "Which of these are metrics for a classifier? Choose all that apply.",
        explanation: "Precision, recall and accuracy judge classes; mean squared error judges a regression.",
        partialCredit: true,
        options: [
          { id: "precision", text: "Precision", correct: true },
          { id: "recall", text: "Recall", correct: true },
          { id: "accuracy", text: "Accuracy", correct: true },
          { id: "mse", text: "Mean squared error", correct: false },
        ],
        mistake: { optionIds: ["precision", "mse"] },
      },
      {
        type: "true_false",
        prompt: "Logistic regression predicts a probability between 0 and 1.",
        explanation: "The logistic function squeezes any number into the range 0 to 1.",
        correct: true,
        mistake: { optionId: "false" },
      },
      {
        type: "short_text",
        prompt: "A model that scores very well on its training data but poorly on new data is ____. Write one word.",
        explanation: "It is **overfitting**: it learned the noise of the training data.",
        acceptedAnswers: ["overfitting", "overfit", "overfitted", "over-fitting"],
        mistake: { text: "underfitting" },
      },
      {
        type: "numeric",
        prompt: "A classifier is right on 45 of 50 test examples. What is its accuracy, in percent?",
        explanation: "45 ÷ 50 = 0.9, which is 90 %.",
        answer: 90,
        mistake: { value: 45 },
      },
    ],
  },
];
