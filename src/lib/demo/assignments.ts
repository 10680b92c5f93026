import type { AssignmentSettings } from "@/lib/validation/assignment";

/**
 * Demo assignments: one per demo course, the last lesson of its last module, with instructions a learner of that course
 * could act on. Pure data; the seed writes each with its settings and the demo learners' submissions in every state.
 */
export type DemoAssignment = {
  /** The demo course's slug (src/lib/demo/courses.ts). */
  course: string;
  title: string;
  /** The lesson's own text, above the instructions. */
  content: string;
  durationMinutes: number;
  settings: Partial<Omit<AssignmentSettings, "dueAt">> & { instructions: string; dueInDays: number | null };
};

export const demoAssignments: DemoAssignment[] = [
  {
    course: "intro-to-python",
    title: "Assignment: a word counter",
    content: "Put the course together in one small program.",
    durationMinutes: 45,
    settings: {
      instructions:
        "Write a program that reads a sentence and prints each word with how many times it appears, most frequent first.\n\n- Use a `dict` to count.\n- Hand in your code as text, or a `.txt` file.\n- Say in two lines what you would add next.",
      maxPoints: 20,
      passingPoints: 12,
      acceptedTypes: ["text/plain", "application/pdf"],
      // Past already, and late work accepted: the demo shows a late submission.
      dueInDays: -2,
      allowLate: true,
    },
  },
  {
    course: "sql-for-analysts",
    title: "Assignment: the monthly revenue report",
    content: "Answer a question a manager would ask, with one query.",
    durationMinutes: 40,
    settings: {
      instructions:
        "Using the course's `orders` table, write one query that returns revenue per month for the last year, with the month-over-month change in percent.\n\nHand in the query and a sentence on what the numbers say.",
      maxPoints: 10,
      passingPoints: 6,
      dueInDays: 10,
    },
  },
  {
    course: "web-accessibility-fundamentals",
    title: "Assignment: audit a page",
    content: "Try what you learned on a page you use.",
    durationMinutes: 60,
    settings: {
      instructions:
        "Pick a public web page and test it with the keyboard alone and with a screen reader. List three problems, each with the WCAG success criterion it breaks and how you would fix it.\n\nA PDF or a text answer is fine.",
      maxPoints: 30,
      passingPoints: 18,
      acceptedTypes: ["application/pdf", "text/plain", "text/markdown"],
      dueInDays: null,
    },
  },
  {
    course: "product-management-essentials",
    title: "Assignment: a one-page product brief",
    content: "Write the brief you would bring to a kick-off.",
    durationMinutes: 50,
    settings: {
      instructions:
        "Write a one-page brief for a feature you would like in a product you use: the problem, who has it, how you would know it is solved, and what is out of scope.",
      maxPoints: 10,
      passingPoints: 5,
      dueInDays: 14,
    },
  },
  {
    course: "statistics-with-spreadsheets",
    title: "Assignment: describe a data set",
    content: "Summarise a small data set of your choice.",
    durationMinutes: 45,
    settings: {
      instructions:
        "Take a data set of at least 30 rows. Report its mean, median and standard deviation, and one chart, and say what the spread tells you. Hand in the spreadsheet or a PDF.",
      maxPoints: 20,
      passingPoints: 10,
      acceptText: false,
      acceptedTypes: ["application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"],
      dueInDays: 5,
    },
  },
  {
    course: "typescript-in-practice",
    title: "Assignment: type a JSON API",
    content: "Give a small API the types it deserves.",
    durationMinutes: 40,
    settings: {
      instructions:
        "Write the TypeScript types for a JSON API of your choice (three endpoints at least), and a function that narrows an unknown response to one of them.",
      maxPoints: 10,
      passingPoints: 6,
      dueInDays: 3,
    },
  },
  {
    course: "machine-learning-foundations",
    title: "Assignment: explain a model's mistakes",
    content: "Look at what a model gets wrong, and why.",
    durationMinutes: 60,
    settings: {
      instructions:
        "Train the course's classifier, list five examples it gets wrong, and explain for each what about the data could have misled it.",
      maxPoints: 20,
      passingPoints: 12,
      dueInDays: 21,
    },
  },
];
