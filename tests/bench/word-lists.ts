// Word lists the generated catalog is built from. Titles, descriptions and lesson text are assembled from these in SQL, so
// pages render text of realistic length and variety instead of "Course 123".

export const categories = ["Programming", "Data", "Design", "Business", "Mathematics", "Languages", "Science"] as const;

export const difficulties = ["beginner", "intermediate", "advanced"] as const;

/** Eight topics per category, in the order of `categories`; the generator relies on every category having eight. */
export const topicsPerCategory = 8;
export const topics: readonly string[] = [
  ...["TypeScript", "Python", "Rust", "Go", "React", "SQL", "Algorithms", "Web Security"],
  ...[
    "Data Analysis",
    "Machine Learning",
    "Statistics with R",
    "Data Visualization",
    "pandas",
    "Data Engineering",
    "Spreadsheets",
    "A/B Testing",
  ],
  ...["UX Research", "Typography", "Figma", "Colour Theory", "Accessible Design", "Design Systems", "Illustration", "Motion Design"],
  ...[
    "Marketing",
    "Accounting",
    "Project Management",
    "Negotiation",
    "Entrepreneurship",
    "Product Management",
    "Public Speaking",
    "Leadership",
  ],
  ...["Linear Algebra", "Calculus", "Probability", "Discrete Mathematics", "Number Theory", "Geometry", "Optimization", "Graph Theory"],
  ...["Spanish", "French", "German", "Japanese", "Mandarin", "Arabic", "Portuguese", "Italian"],
  ...["Physics", "Chemistry", "Astronomy", "Biology", "Ecology", "Neuroscience", "Climate Science", "Genetics"],
];

/** `{t}` is replaced by the topic. */
export const titlePatterns = [
  "Introduction to {t}",
  "{t} for Beginners",
  "Practical {t}",
  "Mastering {t}",
  "{t} in Depth",
  "{t}: From Zero to Confident",
  "Everyday {t}",
  "{t} Fundamentals",
  "Applied {t}",
  "{t} Bootcamp",
  "The Complete {t} Course",
  "{t} Through Projects",
];

export const titleSuffixes = ["", "", "", " (2nd edition)", " for Teams", " with Exercises", " — Part 1", " — Part 2"];

/** Sentences for descriptions and lesson text; `{t}` is replaced by the topic. */
export const sentences = [
  "This course walks you through {t} step by step, starting from the ideas everything else rests on.",
  "Each module ends with a short exercise so that you can check your understanding before moving on.",
  "You will work on realistic examples drawn from the kind of problems people meet at work.",
  "No prior experience with {t} is assumed, but curiosity and a little patience help.",
  "We spend time on the common mistakes, because knowing why something fails teaches more than a list of rules.",
  "By the end you will be able to explain the key concepts of {t} in your own words.",
  "The lessons are short enough to fit in a lunch break and can be taken in any order after the first module.",
  "Along the way we compare several approaches and discuss when each one is the right choice.",
  "Reading material and worked solutions accompany every lesson for those who want to go further.",
  "Learners who finish the course often continue with a project of their own, and we suggest a few to start from.",
  "The instructor has taught {t} for many years and has collected the questions learners ask most often.",
  "Practice matters more than theory here, so expect to try things out yourself from the very first lesson.",
  "We revisit earlier topics as new ones are introduced, which helps the material stay with you.",
  "Some lessons include optional challenges for learners who want to test the limits of what they have learned.",
  "A glossary at the end of each module collects the terms of {t} that were introduced in it.",
  "The final module brings everything together in a small capstone exercise.",
];

export const moduleTitles = [
  "Getting started",
  "Core ideas",
  "Hands-on practice",
  "Going further",
  "Case studies",
  "Common pitfalls",
  "Putting it together",
  "Review and next steps",
];

/** `{t}` is replaced by the topic. */
export const lessonTitles = [
  "Why {t} matters",
  "First steps with {t}",
  "Key vocabulary",
  "A worked example",
  "Exercise: try it yourself",
  "Reading the results",
  "Patterns that scale",
  "Debugging and troubleshooting",
  "A closer look at the details",
  "Quiz and recap",
];

export const firstNames = [
  ...["Amara", "Bilal", "Chen", "Dalia", "Emeka", "Freya", "Goran", "Hana", "Ishaan", "Jonas", "Keiko", "Lucas"],
  ...["Maya", "Nikhil", "Olga", "Priya", "Quentin", "Rosa", "Samir", "Tara", "Umar", "Vera", "Wei", "Yusuf", "Zofia"],
];

export const lastNames = [
  ...["Adeyemi", "Berg", "Castillo", "Dubois", "Eriksen", "Fischer", "García", "Haddad", "Ivanova", "Jensen"],
  ...["Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Patel", "Rossi", "Silva", "Tanaka", "Wong"],
];
