/**
 * Demo content for BudhHub: seven sample courses (six published, one draft)
 * used by the demo seed. Pure data, no imports.
 *
 * Lesson content is GitHub-flavoured markdown. The lesson marked `video: true`
 * gets assets/sample-video.webm attached, the one marked `pdf: true` gets
 * assets/sample-handout.pdf as a lesson material.
 */

export type DemoDifficulty = "beginner" | "intermediate" | "advanced";

export type DemoLesson = {
  title: string;
  /** Real teaching content in GitHub-flavoured markdown: headings (## and ###), paragraphs, lists, at least one code block or table where it fits, 120–350 words. */
  content: string;
  /**
   * Minutes a learner needs for the lesson. Not given for the lesson with the video: the seed works it out from the
   * video's length and the text, so that it never promises more than the 8-second sample holds.
   */
  durationMinutes?: number;
  /** true on exactly ONE lesson in the whole file: it gets the sample video attached. */
  video?: true;
  /** true on exactly ONE lesson (a different one, in the same course as the video is fine): it gets the sample PDF as a lesson material. */
  pdf?: true;
};

export type DemoModule = { title: string; lessons: DemoLesson[] };

export type DemoCourse = {
  /** stable kebab-case id, unique */
  slug: string;
  title: string;
  /** 2–4 sentences, plain text */
  description: string;
  /** "What you will learn" on the course page: one line each. */
  outcomes: string[];
  category: string;
  difficulty: DemoDifficulty;
  instructor: "ada" | "alan";
  published: boolean;
  modules: DemoModule[];
};

export const demoCourses: DemoCourse[] = [
  {
    slug: "intro-to-python",
    title: "Introduction to Python",
    description:
      "Learn to write real Python programs from scratch. You will install Python, work with variables, strings, lists and dictionaries, control the flow of a program, and finish by writing reusable functions that read and write files. No previous programming experience is needed.",
    outcomes: [
      "Install Python 3 and run code in the interactive shell and from script files",
      "Store and convert numbers, text and true/false values in variables",
      "Slice, format and search strings with f-strings and string methods",
      "Control a program with if, for and while",
      "Organise data in lists and dictionaries",
      "Write reusable functions and read and write text files",
    ],
    category: "Programming",
    difficulty: "beginner",
    instructor: "ada",
    published: true,
    modules: [
      {
        title: "Getting Started",
        lessons: [
          {
            title: "Why Python, and running your first program",
            video: true,
            content: `## Why Python?

Python is a general-purpose programming language known for code that reads almost like English. It is used for web back ends, data analysis, automation scripts, scientific computing and machine learning. Because the syntax is small and consistent, it is one of the best first languages to learn.

### Installing Python

1. Download the latest Python 3 release from python.org (on macOS and Linux it may already be installed).
2. On Windows, tick **"Add python.exe to PATH"** in the installer.
3. Open a terminal and check the version:

\`\`\`bash
python3 --version
\`\`\`

You should see something like \`Python 3.12.2\`. On Windows the command is often \`py\` or \`python\`.

### Two ways to run code

- **The interactive shell (REPL):** type \`python3\` and press Enter. Each line runs as soon as you press Enter, which is perfect for experiments. Type \`exit()\` to leave.
- **A script file:** save code in a file ending in \`.py\` and run it with \`python3 hello.py\`.

### Your first program

Create a file called \`hello.py\`:

\`\`\`python
name = input("What is your name? ")
print("Hello,", name)
print("Welcome to Python!")
\`\`\`

Run it and type your name when asked. \`input()\` reads a line of text from the keyboard, and \`print()\` writes values to the screen, separated by spaces.

## Key takeaways

- Python 3 is the version to learn; Python 2 is no longer supported.
- Use the REPL for quick experiments and \`.py\` files for programs you want to keep.
- \`print()\` shows output and \`input()\` collects it from the user.`,
          },
          {
            title: "Variables and basic types",
            durationMinutes: 14,
            content: `## Storing values in variables

A **variable** is a name that refers to a value. You create one with the \`=\` sign, and you can point it at a new value at any time.

\`\`\`python
city = "Lisbon"
population = 545_000
area_km2 = 100.05
is_capital = True
\`\`\`

Python works out the type from the value; you do not declare it. Use \`type()\` to check:

\`\`\`python
print(type(population))   # <class 'int'>
\`\`\`

### The four basic types

| Type | Example | Used for |
|------|---------|----------|
| \`int\` | \`42\`, \`-7\` | whole numbers |
| \`float\` | \`3.14\`, \`2.0\` | numbers with a fractional part |
| \`str\` | \`"hi"\`, \`'hi'\` | text |
| \`bool\` | \`True\`, \`False\` | yes/no values |

### Arithmetic

Python supports the usual operators plus a few extras:

- \`+\`, \`-\`, \`*\`, \`/\` (division always returns a float: \`7 / 2\` is \`3.5\`)
- \`//\` for floor division (\`7 // 2\` is \`3\`)
- \`%\` for the remainder (\`7 % 2\` is \`1\`)
- \`**\` for powers (\`2 ** 10\` is \`1024\`)

### Converting between types

Values from \`input()\` are always strings. Convert them before doing maths:

\`\`\`python
age = int(input("Age? "))
print("Next year you will be", age + 1)
\`\`\`

\`int()\`, \`float()\`, \`str()\` and \`bool()\` convert values. Converting text that is not a number, such as \`int("ten")\`, raises a \`ValueError\`.

### Naming rules

Names may contain letters, digits and underscores but cannot start with a digit. By convention Python uses \`snake_case\`, for example \`total_price\`. Choose names that say what the value means, not what type it is.`,
          },
          {
            title: "Working with strings",
            durationMinutes: 15,
            content: `## Strings are sequences of characters

A string holds text. You can use single or double quotes, and triple quotes for text spanning several lines.

\`\`\`python
greeting = "Hello"
poem = """Roses are red,
violets are blue."""
\`\`\`

### Indexing and slicing

Each character has a position, starting at **0**. Negative indexes count from the end.

\`\`\`python
word = "Python"
print(word[0])     # P
print(word[-1])    # n
print(word[0:3])   # Pyt  (end index is excluded)
print(word[2:])    # thon
\`\`\`

Strings are **immutable**: you cannot change a character in place, but you can build a new string.

### Useful methods

| Method | Result for \`"  Data Science "\` |
|--------|-------------------------------|
| \`.strip()\` | \`"Data Science"\` |
| \`.lower()\` | \`"  data science "\` |
| \`.upper()\` | \`"  DATA SCIENCE "\` |
| \`.replace("Data", "Rocket")\` | \`"  Rocket Science "\` |
| \`.split()\` | \`["Data", "Science"]\` |

Methods return new strings; the original is unchanged.

### f-strings

The easiest way to combine text and values is an **f-string**: put \`f\` before the quote and variables inside braces.

\`\`\`python
item = "coffee"
price = 2.5
print(f"One {item} costs {price:.2f} euros")
# One coffee costs 2.50 euros
\`\`\`

The \`:.2f\` part formats the number with two decimal places.

### Checking content

- \`"sci" in "science"\` is \`True\`
- \`len("hello")\` is \`5\`
- \`"report.pdf".endswith(".pdf")\` is \`True\`

Practise by asking the user for their full name and printing their initials in upper case.`,
          },
        ],
      },
      {
        title: "Control Flow and Collections",
        lessons: [
          {
            title: "Making decisions with if",
            durationMinutes: 12,
            content: `## Conditional statements

Programs often need to do different things depending on the data. Python uses \`if\`, \`elif\` (else if) and \`else\`.

\`\`\`python
temperature = 28

if temperature > 30:
    print("It's hot")
elif temperature > 20:
    print("It's pleasant")
else:
    print("Bring a jacket")
\`\`\`

Python checks each condition from top to bottom and runs only the **first** block whose condition is true.

### Indentation matters

The body of an \`if\` is defined by indentation, not braces. Use four spaces consistently. Forgetting to indent, or mixing tabs and spaces, causes an \`IndentationError\`.

### Comparison operators

| Operator | Meaning |
|----------|---------|
| \`==\` | equal to |
| \`!=\` | not equal to |
| \`<\`, \`<=\` | less than (or equal) |
| \`>\`, \`>=\` | greater than (or equal) |

Note that \`=\` assigns a value while \`==\` compares two values.

### Combining conditions

Use \`and\`, \`or\` and \`not\`:

\`\`\`python
age = 17
has_permission = True

if age >= 18 or has_permission:
    print("You may enter")
\`\`\`

Python also lets you chain comparisons: \`0 <= score <= 100\` checks both bounds at once.

### Truthiness

Any value can be used as a condition. Empty strings, \`0\`, \`None\` and empty lists count as false; almost everything else counts as true. So \`if name:\` is a short way of asking "is the name non-empty?".

### Try it

Write a program that reads a score from 0 to 100 and prints a grade:

- **A** for 90 and above
- **B** for 75 and above
- **C** for 50 and above
- **fail** otherwise`,
          },
          {
            title: "Loops with for and while",
            durationMinutes: 15,
            content: `## Repeating work

Loops let you run the same block of code many times.

### The for loop

A \`for\` loop walks through each item of a sequence:

\`\`\`python
fruits = ["apple", "banana", "cherry"]
for fruit in fruits:
    print(fruit.upper())
\`\`\`

To repeat something a fixed number of times, loop over \`range()\`:

\`\`\`python
for i in range(1, 6):
    print(i, "squared is", i ** 2)
\`\`\`

\`range(1, 6)\` produces 1, 2, 3, 4 and 5: the stop value is excluded.

### The while loop

A \`while\` loop repeats as long as its condition is true. Use it when you don't know in advance how many repetitions you need.

\`\`\`python
balance = 1000
years = 0
while balance < 2000:
    balance = balance * 1.05
    years += 1
print(f"Doubled after {years} years")
\`\`\`

Make sure something inside the loop eventually makes the condition false, or the loop will run forever (press Ctrl+C to stop it).

### break and continue

- \`break\` exits the loop immediately.
- \`continue\` skips to the next iteration.

\`\`\`python
for n in range(2, 50):
    if n % 7 == 0:
        print("First multiple of 7:", n)
        break
\`\`\`

### enumerate

When you need both the position and the item, use \`enumerate()\`:

\`\`\`python
for position, name in enumerate(["Ana", "Bo"], start=1):
    print(position, name)
\`\`\`

### Common patterns

- **Accumulate:** start with \`total = 0\` and add inside the loop.
- **Count:** increase a counter when a condition is met.
- **Search:** loop until you find what you need, then \`break\`.`,
          },
          {
            title: "Lists and dictionaries",
            durationMinutes: 18,
            content: `## Collections

Most programs work with many values at once. Python's two most important collections are **lists** and **dictionaries**.

### Lists

A list is an ordered, changeable sequence.

\`\`\`python
scores = [72, 88, 95]
scores.append(64)        # add to the end
scores.sort()            # [64, 72, 88, 95]
print(scores[0], len(scores))
\`\`\`

Lists support the same indexing and slicing as strings. Useful built-ins include \`sum()\`, \`min()\`, \`max()\` and \`sorted()\`.

### List comprehensions

A comprehension builds a new list in one line:

\`\`\`python
squares = [n * n for n in range(10)]
passed = [s for s in scores if s >= 70]
\`\`\`

### Dictionaries

A dictionary maps **keys** to **values**, like a real dictionary maps words to definitions.

\`\`\`python
capitals = {"France": "Paris", "Japan": "Tokyo"}
capitals["Kenya"] = "Nairobi"       # add or update
print(capitals["Japan"])           # Tokyo
print(capitals.get("Peru", "?"))   # ? (no KeyError)
\`\`\`

Keys must be unique and immutable (strings and numbers are common). Looking up a missing key with square brackets raises a \`KeyError\`, so use \`.get()\` when a key may be absent.

### Looping over a dictionary

\`\`\`python
for country, capital in capitals.items():
    print(f"{capital} is the capital of {country}")
\`\`\`

### Choosing the right collection

| Need | Use |
|------|-----|
| Ordered items, possibly repeated | list |
| Look up values by a name or ID | dictionary |
| Unique items, fast membership test | set |
| Fixed group of values | tuple |

### Exercise

Count how often each word appears in a sentence using a dictionary:

1. Split the sentence into words with \`.split()\`.
2. Loop over the words.
3. Update each count with \`counts[word] = counts.get(word, 0) + 1\`.`,
          },
        ],
      },
      {
        title: "Functions and Files",
        lessons: [
          {
            title: "Writing your own functions",
            durationMinutes: 16,
            content: `## Why functions?

A **function** packages a piece of logic under a name so you can reuse it. Functions make programs shorter, easier to test and easier to read.

### Defining and calling

\`\`\`python
def area_of_rectangle(width, height):
    """Return the area of a rectangle."""
    return width * height

print(area_of_rectangle(3, 4))   # 12
\`\`\`

- \`def\` starts the definition, followed by the name and **parameters** in parentheses.
- The indented body runs each time the function is called.
- \`return\` sends a value back to the caller. A function without \`return\` gives back \`None\`.
- The triple-quoted line is a **docstring** that documents the function.

### Default and keyword arguments

\`\`\`python
def greet(name, greeting="Hello"):
    return f"{greeting}, {name}!"

greet("Sam")                      # Hello, Sam!
greet("Sam", greeting="Welcome")  # Welcome, Sam!
\`\`\`

Parameters with defaults must come after those without. Passing arguments by name makes calls easier to read.

### Scope

Variables created inside a function are **local**: they exist only while the function runs. This keeps functions independent, so one function cannot accidentally change another's variables.

### Returning several values

\`\`\`python
def min_max(values):
    return min(values), max(values)

low, high = min_max([4, 9, 1])
\`\`\`

Python packs the values into a tuple and unpacks them on the left-hand side.

### Good habits

1. Give each function one clear job.
2. Name it with a verb: \`calculate_total\`, \`load_users\`.
3. Prefer returning values over printing inside the function, so callers decide what to do with the result.`,
          },
          {
            title: "Reading and writing files",
            durationMinutes: 16,
            content: `## Working with files

Real programs keep data between runs by reading and writing files.

### Opening files safely

Use \`with open(...)\`; it closes the file automatically, even if an error happens.

\`\`\`python
with open("notes.txt", "w", encoding="utf-8") as f:
    f.write("First line\\n")
    f.write("Second line\\n")
\`\`\`

The second argument is the **mode**:

| Mode | Meaning |
|------|---------|
| \`"r"\` | read (default); error if the file is missing |
| \`"w"\` | write; creates the file or **overwrites** it |
| \`"a"\` | append to the end |

Always pass \`encoding="utf-8"\` so accented characters behave the same on every operating system.

### Reading line by line

\`\`\`python
with open("notes.txt", encoding="utf-8") as f:
    for line in f:
        print(line.strip())
\`\`\`

Looping over the file object reads one line at a time, which works even for very large files. \`.strip()\` removes the trailing newline.

### CSV files

Spreadsheets are often exported as CSV. The \`csv\` module handles quoting and commas for you:

\`\`\`python
import csv

with open("sales.csv", newline="", encoding="utf-8") as f:
    reader = csv.DictReader(f)
    total = sum(float(row["amount"]) for row in reader)

print(f"Total sales: {total:.2f}")
\`\`\`

\`DictReader\` turns each row into a dictionary keyed by the header row.

### Handling missing files

\`\`\`python
try:
    with open("config.txt", encoding="utf-8") as f:
        settings = f.read()
except FileNotFoundError:
    settings = ""
\`\`\`

### Project idea

Write a small to-do program that:

1. loads tasks from \`todo.txt\` (starting empty if the file is missing),
2. lets the user add a task with \`input()\`,
3. saves the list back to the file.`,
          },
        ],
      },
    ],
  },
  {
    slug: "sql-for-analysts",
    title: "SQL for Analysts",
    description:
      "Answer business questions directly from a database. This course teaches the SQL you will use every day as an analyst: selecting and filtering rows, summarising with aggregates, and combining tables with joins and common table expressions.",
    outcomes: [
      "Read a table's structure and SELECT the columns you need",
      "Filter rows with WHERE, pattern matching and NULL-aware conditions",
      "Sort and page through results with ORDER BY and LIMIT",
      "Summarise data with COUNT, SUM and AVG, GROUP BY and HAVING",
      "Combine tables with inner and left joins without losing rows",
      "Break a hard question into steps with subqueries and CTEs",
    ],
    category: "Data",
    difficulty: "beginner",
    instructor: "alan",
    published: true,
    modules: [
      {
        title: "Querying a Single Table",
        lessons: [
          {
            title: "Tables, rows and SELECT",
            durationMinutes: 12,
            content: `## How relational data is organised

A relational database stores data in **tables**. Each table has named **columns** with a fixed type and any number of **rows**. Throughout this course we use a small shop database:

| Table | Key columns |
|-------|-------------|
| \`customers\` | \`id\`, \`name\`, \`country\`, \`signed_up_at\` |
| \`orders\` | \`id\`, \`customer_id\`, \`status\`, \`total\`, \`ordered_at\` |
| \`order_items\` | \`order_id\`, \`product_id\`, \`quantity\`, \`unit_price\` |

The \`id\` column is a **primary key**: it uniquely identifies a row. \`orders.customer_id\` is a **foreign key** that points to \`customers.id\`.

### Your first query

\`\`\`sql
SELECT name, country
FROM customers;
\`\`\`

\`SELECT\` lists the columns you want and \`FROM\` names the table. \`SELECT *\` returns every column, which is handy for exploring but should be avoided in saved reports because the output changes when columns are added.

### Expressions and aliases

You can compute new columns and rename them with \`AS\`:

\`\`\`sql
SELECT id,
       total,
       total * 0.2 AS vat,
       UPPER(status) AS status_label
FROM orders;
\`\`\`

### DISTINCT

\`SELECT DISTINCT country FROM customers;\` returns each country once, removing duplicate rows from the result.

### Style tips

- Write keywords in capitals and names in lower case.
- Put each clause on its own line.
- End statements with a semicolon.

SQL keywords are not case-sensitive, but consistent formatting makes queries much easier to review.`,
          },
          {
            title: "Filtering rows with WHERE",
            durationMinutes: 15,
            pdf: true,
            content: `## Keeping only the rows you need

The \`WHERE\` clause filters rows before they are returned. Only rows for which the condition is true are kept.

\`\`\`sql
SELECT id, total, status
FROM orders
WHERE status = 'shipped'
  AND total >= 50;
\`\`\`

Text values go in **single quotes**. Depending on the database, text comparisons may be case-sensitive.

### Operators

| Operator | Example |
|----------|---------|
| \`=\`, \`<>\` | \`country = 'Germany'\` |
| \`<\`, \`<=\`, \`>\`, \`>=\` | \`total > 100\` |
| \`BETWEEN\` | \`total BETWEEN 10 AND 20\` (inclusive) |
| \`IN\` | \`status IN ('shipped', 'delivered')\` |
| \`LIKE\` | \`name LIKE 'Jo%'\` |
| \`IS NULL\` | \`shipped_at IS NULL\` |

In \`LIKE\` patterns, \`%\` matches any run of characters and \`_\` matches exactly one.

### AND, OR and parentheses

\`AND\` binds more tightly than \`OR\`, which often surprises people:

\`\`\`sql
-- Probably not what you meant
WHERE country = 'Germany' OR country = 'Austria' AND total > 100

-- Explicit and correct
WHERE (country = 'Germany' OR country = 'Austria') AND total > 100
\`\`\`

Use parentheses whenever you mix the two.

### NULL is not a value

\`NULL\` means "unknown". Any comparison with \`NULL\`, even \`NULL = NULL\`, is unknown rather than true, so the row is dropped.

- Write \`shipped_at IS NULL\`, never \`shipped_at = NULL\`.
- \`status <> 'cancelled'\` also drops rows where \`status\` is \`NULL\`.

### Order of evaluation

The database processes \`FROM\`, then \`WHERE\`, and only then \`SELECT\`. That is why you cannot use a column alias defined in \`SELECT\` inside \`WHERE\`; repeat the expression instead.

The handout attached to this lesson summarises these rules on one page. Keep it nearby while you practise.`,
          },
          {
            title: "Sorting and limiting results",
            durationMinutes: 10,
            content: `## ORDER BY

Rows in a table have no guaranteed order. If order matters, say so explicitly with \`ORDER BY\`:

\`\`\`sql
SELECT name, signed_up_at
FROM customers
ORDER BY signed_up_at DESC;
\`\`\`

\`ASC\` (ascending) is the default; \`DESC\` sorts from largest or newest to smallest or oldest.

### Sorting by several columns

\`\`\`sql
SELECT country, name
FROM customers
ORDER BY country ASC, name ASC;
\`\`\`

Rows are sorted by the first column, and the second column only breaks ties. Unlike \`WHERE\`, \`ORDER BY\` runs after \`SELECT\`, so you *can* sort by an alias.

### Limiting the number of rows

To see the top results, add a limit:

\`\`\`sql
SELECT id, total
FROM orders
ORDER BY total DESC
LIMIT 5;
\`\`\`

The syntax varies between databases:

| Database | Syntax |
|----------|--------|
| PostgreSQL, MySQL, SQLite | \`LIMIT 5\` |
| SQL Server | \`SELECT TOP 5 ...\` |
| Standard SQL, Oracle 12c+ | \`FETCH FIRST 5 ROWS ONLY\` |

### Pagination

\`LIMIT 20 OFFSET 40\` skips 40 rows and returns the next 20, which is how many apps show "page 3". Always combine it with an \`ORDER BY\` on a unique column, otherwise pages can overlap or skip rows.

### Where do NULLs go?

Databases disagree on whether \`NULL\` sorts first or last. PostgreSQL lets you choose with \`NULLS FIRST\` or \`NULLS LAST\`.

### Practice

1. Find the ten most recent orders.
2. List customers alphabetically within each country.
3. Show the three largest orders that are still \`'pending'\`.`,
          },
        ],
      },
      {
        title: "Summarising Data",
        lessons: [
          {
            title: "Aggregate functions",
            durationMinutes: 14,
            content: `## From rows to answers

Analysts are rarely asked for individual rows. Questions like "how much did we sell?" need **aggregate functions**, which turn many rows into a single value.

| Function | Returns |
|----------|---------|
| \`COUNT(*)\` | number of rows |
| \`COUNT(column)\` | number of non-NULL values |
| \`COUNT(DISTINCT column)\` | number of different non-NULL values |
| \`SUM(column)\` | total |
| \`AVG(column)\` | mean |
| \`MIN(column)\`, \`MAX(column)\` | smallest and largest |

\`\`\`sql
SELECT COUNT(*)                     AS orders,
       COUNT(DISTINCT customer_id)  AS buyers,
       SUM(total)                   AS revenue,
       ROUND(AVG(total), 2)         AS avg_order_value
FROM orders
WHERE status <> 'cancelled';
\`\`\`

### NULL handling

Aggregates other than \`COUNT(*)\` ignore \`NULL\` values. That means \`AVG(discount)\` is the average of orders **that have a discount**, not of all orders. If missing should mean zero, write \`AVG(COALESCE(discount, 0))\`.

### Conditional aggregation

You can count subsets in one pass by putting a \`CASE\` expression inside the aggregate:

\`\`\`sql
SELECT COUNT(*) AS all_orders,
       SUM(CASE WHEN status = 'returned' THEN 1 ELSE 0 END) AS returned
FROM orders;
\`\`\`

Dividing the two gives a return rate. Watch out for integer division: in some databases \`3 / 4\` is \`0\`, so multiply by \`1.0\` first.

### Checklist before you report a number

- Did you exclude test or cancelled records?
- Are there duplicates that would inflate \`COUNT\` or \`SUM\`?
- Does the time window match the question?`,
          },
          {
            title: "GROUP BY and HAVING",
            durationMinutes: 16,
            content: `## Aggregating per group

\`GROUP BY\` splits rows into groups and computes aggregates for each group separately.

\`\`\`sql
SELECT c.country,
       COUNT(*)      AS orders,
       SUM(o.total)  AS revenue
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
GROUP BY c.country
ORDER BY revenue DESC;
\`\`\`

### The golden rule

Every column in \`SELECT\` must either appear in \`GROUP BY\` or be inside an aggregate function. If you select \`name\` while grouping by \`country\`, the database cannot know which of the many names to show, and most databases will reject the query.

### Grouping by an expression

To build a monthly trend, group by a truncated date:

\`\`\`sql
SELECT DATE_TRUNC('month', ordered_at) AS month,
       SUM(total) AS revenue
FROM orders
GROUP BY DATE_TRUNC('month', ordered_at)
ORDER BY month;
\`\`\`

(\`DATE_TRUNC\` is PostgreSQL; MySQL uses \`DATE_FORMAT\` and SQLite uses \`strftime\`.)

### Filtering groups with HAVING

\`WHERE\` filters rows **before** grouping; \`HAVING\` filters groups **after** aggregation.

\`\`\`sql
SELECT customer_id, COUNT(*) AS orders
FROM orders
WHERE ordered_at >= '2024-01-01'
GROUP BY customer_id
HAVING COUNT(*) >= 5;
\`\`\`

This finds customers with at least five orders since the start of 2024.

### Full order of evaluation

1. \`FROM\` and joins
2. \`WHERE\`
3. \`GROUP BY\`
4. \`HAVING\`
5. \`SELECT\`
6. \`ORDER BY\`
7. \`LIMIT\`

Remembering this order explains most "column does not exist" errors you will meet.`,
          },
        ],
      },
      {
        title: "Combining Tables",
        lessons: [
          {
            title: "Inner joins",
            durationMinutes: 15,
            content: `## Why joins?

Well-designed databases store each fact once. Customer names live in \`customers\`, orders in \`orders\`. To report "revenue by customer name" you must **join** the tables.

### INNER JOIN

\`\`\`sql
SELECT c.name, o.id AS order_id, o.total
FROM orders AS o
INNER JOIN customers AS c
        ON c.id = o.customer_id;
\`\`\`

The \`ON\` clause says which rows belong together. An inner join keeps only pairs that match; orders without a valid customer and customers without orders both disappear from the result.

### Table aliases

Short aliases such as \`o\` and \`c\` keep queries readable. Once tables are joined, always prefix column names with the alias; otherwise a column like \`id\`, which exists in both tables, is ambiguous.

### Joining more than two tables

\`\`\`sql
SELECT c.name, p.title, oi.quantity
FROM order_items AS oi
JOIN orders    AS o ON o.id = oi.order_id
JOIN customers AS c ON c.id = o.customer_id
JOIN products  AS p ON p.id = oi.product_id;
\`\`\`

\`JOIN\` on its own means \`INNER JOIN\`.

### Watch the grain

The **grain** of a result is what one row represents. Joining orders to order items changes the grain from "one row per order" to "one row per item". If you then compute \`SUM(o.total)\`, each order's total is counted once per item and revenue is inflated.

| Query | Grain |
|-------|-------|
| \`FROM orders\` | one row per order |
| \`orders JOIN order_items\` | one row per order line |

Before aggregating after a join, ask:

- What does one row mean now?
- Could a value be repeated across several rows?
- Should I aggregate first and join afterwards?`,
          },
          {
            title: "Left joins and missing data",
            durationMinutes: 14,
            content: `## Keeping unmatched rows

A \`LEFT JOIN\` keeps **every** row from the left table. Where there is no match on the right, the right-hand columns are filled with \`NULL\`.

\`\`\`sql
SELECT c.name, COUNT(o.id) AS orders
FROM customers AS c
LEFT JOIN orders AS o
       ON o.customer_id = c.id
GROUP BY c.name;
\`\`\`

Customers who never ordered appear with \`0\`. Note the use of \`COUNT(o.id)\` rather than \`COUNT(*)\`: the latter would count the single all-NULL row and report 1.

### Finding rows with no match

A classic pattern is the **anti-join**:

\`\`\`sql
SELECT c.id, c.name
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.id
WHERE o.id IS NULL;
\`\`\`

This lists customers who have never placed an order, which is perfect for a re-engagement campaign.

### The WHERE trap

Conditions on the right table behave differently depending on where you put them:

\`\`\`sql
-- Turns the LEFT JOIN back into an INNER JOIN
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.status = 'shipped'

-- Keeps all customers, only matches shipped orders
LEFT JOIN orders o ON o.customer_id = c.id
                  AND o.status = 'shipped'
\`\`\`

In the first version, customers without orders have a \`NULL\` status, so \`WHERE\` removes them. Rule of thumb:

- Conditions on the **left** table belong in \`WHERE\`.
- Conditions on the **right** table belong in the \`ON\` clause.

### Other join types

| Join | Keeps |
|------|-------|
| \`INNER\` | only matching pairs |
| \`LEFT\` | all left rows |
| \`RIGHT\` | all right rows (rarely used; swap the tables instead) |
| \`FULL OUTER\` | all rows from both sides |`,
          },
          {
            title: "Subqueries and CTEs",
            durationMinutes: 18,
            content: `## Queries inside queries

Sometimes you need the result of one query to answer another, such as "which orders are above the average order value?"

\`\`\`sql
SELECT id, total
FROM orders
WHERE total > (SELECT AVG(total) FROM orders);
\`\`\`

The inner query is a **subquery**. Here it returns a single value, so it can be used anywhere a value is allowed.

### Subqueries as lists

\`\`\`sql
SELECT name
FROM customers
WHERE id IN (SELECT customer_id FROM orders WHERE total > 500);
\`\`\`

### Common table expressions

Deeply nested subqueries are hard to read. A **CTE**, introduced with \`WITH\`, gives an intermediate result a name so you can build the query in steps:

\`\`\`sql
WITH customer_revenue AS (
    SELECT customer_id, SUM(total) AS revenue
    FROM orders
    WHERE status <> 'cancelled'
    GROUP BY customer_id
),
ranked AS (
    SELECT customer_id,
           revenue,
           NTILE(10) OVER (ORDER BY revenue DESC) AS decile
    FROM customer_revenue
)
SELECT c.name, r.revenue
FROM ranked AS r
JOIN customers AS c ON c.id = r.customer_id
WHERE r.decile = 1
ORDER BY r.revenue DESC;
\`\`\`

This returns the top 10% of customers by revenue. Each step can be tested on its own by selecting from it directly.

### When to use which

- A **scalar subquery** is fine for a single value such as an average.
- Use **CTEs** when a query has two or more logical steps, or when you reference the same intermediate result twice.
- Name CTEs after what they contain (\`monthly_sales\`), not how they are built (\`temp1\`).

Well-structured CTEs turn a long query into a readable story that a colleague can review.`,
          },
        ],
      },
    ],
  },
  {
    slug: "web-accessibility-fundamentals",
    title: "Web Accessibility Fundamentals",
    description:
      "Build websites that everyone can use, including people who rely on screen readers, keyboards or magnification. You will learn the WCAG principles, write semantic and keyboard-friendly markup, design with sufficient contrast, and test your own pages.",
    outcomes: [
      "Explain who relies on accessible websites and what the WCAG principles ask",
      "Test a page with a keyboard, a screen reader and automated checkers",
      "Write semantic HTML that assistive technology understands",
      "Give images useful text alternatives, or none when they are decorative",
      "Keep focus visible and logical for keyboard users",
      "Choose colours with enough contrast and build forms everyone can complete",
    ],
    category: "Design",
    difficulty: "intermediate",
    instructor: "ada",
    published: true,
    modules: [
      {
        title: "Foundations",
        lessons: [
          {
            title: "Who accessibility is for",
            durationMinutes: 10,
            content: `## Accessibility is about people

Web accessibility means that people with disabilities can perceive, understand, navigate and interact with websites. The World Health Organization estimates that around 1.3 billion people, about one in six, live with a significant disability.

### Kinds of impairment

| Impairment | Examples | Typical tools |
|------------|----------|---------------|
| Visual | blindness, low vision, colour blindness | screen readers, zoom, high-contrast modes |
| Motor | tremor, paralysis, RSI | keyboard only, switch devices, voice control |
| Auditory | deafness, hard of hearing | captions, transcripts |
| Cognitive | dyslexia, ADHD, memory issues | clear language, consistent layouts |

### Permanent, temporary, situational

Disability is not only permanent. Someone with a broken arm, a parent holding a baby, or a commuter in bright sunlight faces similar barriers. Features designed for accessibility, such as captions, large touch targets and good contrast, help all of these users.

### Why it matters to teams

- **It is the right thing to do:** excluding users by accident is still excluding them.
- **It is often the law:** the ADA in the US, the European Accessibility Act and similar laws require accessible digital services.
- **It improves quality:** accessible sites tend to have cleaner markup, better SEO and fewer usability problems.

### Assistive technology in a nutshell

A **screen reader** (such as NVDA, JAWS or VoiceOver) reads the page aloud using the **accessibility tree**, a structure the browser derives from your HTML. If the HTML does not say that something is a button, a heading or a form label, the screen reader user will never know. This is why the rest of this course focuses so heavily on correct markup.

### Reflect

Try using a website you built today with only the keyboard. Note every point where you get stuck.`,
          },
          {
            title: "The WCAG principles",
            durationMinutes: 14,
            content: `## WCAG: the shared standard

The **Web Content Accessibility Guidelines** (WCAG), published by the W3C, are the reference standard for accessibility. Most laws and procurement policies point to WCAG 2.1 or 2.2 at **level AA**.

### Four principles: POUR

1. **Perceivable:** information must be presentable in ways users can perceive. Provide text alternatives for images, captions for video, and enough contrast.
2. **Operable:** every function must work with a keyboard, users must have enough time, and nothing should flash in ways that can trigger seizures.
3. **Understandable:** text is readable, pages behave predictably, and forms help users avoid and fix mistakes.
4. **Robust:** content works with current and future user agents, including assistive technologies, by using valid, standard markup.

### Conformance levels

| Level | Meaning | Example criterion |
|-------|---------|-------------------|
| A | the essential minimum | 1.1.1 Non-text content has a text alternative |
| AA | the usual legal target | 1.4.3 Contrast of at least 4.5:1 for body text |
| AAA | enhanced; not required for whole sites | 1.4.6 Contrast of at least 7:1 |

Each **success criterion** is numbered by principle, guideline and criterion, so 2.1.1 is principle 2 (Operable), guideline 1 (Keyboard accessible), criterion 1 (Keyboard).

### Reading a criterion

Every criterion has an "Understanding" page explaining its intent, who benefits, and sufficient techniques. When a criterion seems vague, read that page before making a decision.

### A practical approach

- Treat level AA as your definition of done.
- Add accessibility checks to design reviews and code reviews, not just a final audit.
- Fix issues that block tasks (for example a form you cannot submit with a keyboard) before cosmetic ones.`,
          },
          {
            title: "Testing your pages",
            durationMinutes: 16,
            content: `## Combining automated and manual testing

Automated tools find only part of the accessibility problems on a page; they cannot judge whether alt text is meaningful or whether a flow makes sense. The rest needs a human.

### Automated checks

Run these early and often:

- **axe DevTools** or **Lighthouse** in the browser
- **eslint-plugin-jsx-a11y** for React code
- axe-core in end-to-end tests, for example with Playwright:

\`\`\`ts
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

test("home page has no detectable a11y violations", async ({ page }) => {
  await page.goto("/");
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});
\`\`\`

They reliably find missing alt attributes, low contrast, missing form labels and invalid ARIA.

### Manual keyboard test

1. Click the address bar, then press **Tab** repeatedly through the page.
2. Check that focus is always visible and moves in a logical order.
3. Activate every control with **Enter** or **Space**.
4. Open and close menus and dialogs; **Escape** should close them.

### Screen reader smoke test

| Platform | Screen reader | How to get it |
|----------|---------------|---------------|
| Windows | NVDA | free download from nvaccess.org |
| macOS | VoiceOver | built in; toggle with Cmd+F5 |
| iOS | VoiceOver | Settings > Accessibility |
| Android | TalkBack | Settings > Accessibility |

Navigate by headings (the **H** key in NVDA) and by landmarks. Ask yourself: does the page make sense when heard rather than seen?

### Zoom and reflow

Zoom the browser to 400%. Content should reflow into one column without horizontal scrolling and without overlapping text.

### Make it a habit

Add a short accessibility checklist to your pull request template. A five-minute keyboard test on every feature prevents most serious barriers.`,
          },
        ],
      },
      {
        title: "Building Accessible Pages",
        lessons: [
          {
            title: "Semantic HTML first",
            durationMinutes: 15,
            content: `## Use the right element

The single most effective accessibility technique is to use HTML elements for their intended purpose. Native elements come with roles, states and keyboard behaviour built in.

\`\`\`html
<!-- Bad: looks like a button, but isn't one -->
<div class="btn" onclick="save()">Save</div>

<!-- Good: focusable, works with Enter and Space, announced as a button -->
<button type="button" onclick="save()">Save</button>
\`\`\`

The \`div\` version cannot be reached with Tab and a screen reader announces it as plain text.

### Headings create an outline

Screen reader users often jump from heading to heading to scan a page. Use one \`h1\` for the page title and nest \`h2\` to \`h6\` logically without skipping levels for visual effect. Style headings with CSS, not by choosing a different level.

### Landmarks

| Element | Purpose |
|---------|---------|
| \`<header>\` | site banner |
| \`<nav>\` | navigation links |
| \`<main>\` | the main content (one per page) |
| \`<aside>\` | related, secondary content |
| \`<footer>\` | site footer |

Landmarks let users jump straight to the main content or navigation.

### Links versus buttons

- A **link** (\`<a href>\`) navigates to another page or location.
- A **button** performs an action on the current page.

Link text should make sense out of context: "Download the 2024 report" rather than "click here".

### The first rule of ARIA

ARIA attributes such as \`role\` and \`aria-label\` can fill gaps, but the W3C's first rule of ARIA is: if a native HTML element does what you need, use it. Incorrect ARIA is worse than none, because it actively misleads assistive technology.`,
          },
          {
            title: "Text alternatives for images",
            durationMinutes: 12,
            content: `## Every image needs a decision

Screen readers cannot see images; they read the \`alt\` attribute instead. Writing good alternative text starts with asking **what the image is for**.

### Informative images

Describe the information the image conveys, briefly:

\`\`\`html
<img src="chart.png"
     alt="Sales grew from 2 to 5 million euros between 2021 and 2024">
\`\`\`

Don't start with "Image of"; the screen reader already announces it as an image.

### Decorative images

If an image adds nothing (a background flourish, an icon next to text that says the same thing), use an **empty** alt so it is skipped:

\`\`\`html
<img src="divider.svg" alt="">
\`\`\`

Leaving \`alt\` out completely is different: many screen readers will then read the file name, such as "divider dot svg".

### Functional images

When an image is the only content of a link or button, describe the **action**, not the picture:

\`\`\`html
<a href="/"><img src="logo.svg" alt="BudhHub home"></a>
<button><svg aria-hidden="true">...</svg><span class="sr-only">Search</span></button>
\`\`\`

### Complex images

Charts and diagrams need a short alt plus a longer description nearby, such as a data table or a paragraph summarising the trend.

### Quick decision table

| The image... | alt text |
|--------------|----------|
| conveys information | a concise description of that information |
| is purely decorative | \`alt=""\` |
| is a link or button | the destination or action |
| contains text | the same text |

Media needs equivalents too:

- **Video:** captions for speech and important sounds.
- **Audio-only:** a text transcript.`,
          },
          {
            title: "Keyboard navigation and focus",
            durationMinutes: 16,
            content: `## Everything must work without a mouse

Many people navigate only with a keyboard or a device that emulates one. WCAG 2.1.1 requires that all functionality be operable through a keyboard.

### Core keys

| Key | Expected behaviour |
|-----|--------------------|
| Tab / Shift+Tab | move to the next / previous interactive element |
| Enter | activate links and buttons |
| Space | activate buttons, toggle checkboxes |
| Arrow keys | move within radio groups, menus, tabs |
| Escape | close dialogs and pop-ups |

### Visible focus

Users need to see where they are. Never remove the focus outline without replacing it:

\`\`\`css
/* Don't */
button:focus { outline: none; }

/* Do: show a clear ring for keyboard users */
button:focus-visible {
  outline: 3px solid #1d4ed8;
  outline-offset: 2px;
}
\`\`\`

\`:focus-visible\` shows the ring for keyboard navigation without showing it on every mouse click.

### Focus order

The Tab order follows the DOM order. If CSS moves things around visually (for example with \`order\` in flexbox), the focus can jump unpredictably. Keep the source order logical. Avoid positive \`tabindex\` values; use \`tabindex="0"\` only to make a custom widget focusable and \`tabindex="-1"\` to focus something from script.

### Managing focus in dynamic interfaces

- When a **dialog** opens, move focus into it, keep Tab within it, and return focus to the triggering button when it closes. The native \`<dialog>\` element with \`showModal()\` does much of this for you.
- After client-side navigation, move focus to the new page's heading.
- Provide a **skip link** as the first focusable element: \`<a href="#main">Skip to content</a>\`.`,
          },
          {
            title: "Colour and contrast",
            durationMinutes: 12,
            content: `## Make text readable

Low contrast is the most common accessibility failure on the web. WCAG defines minimum **contrast ratios** between text and its background, from 1:1 (no contrast) to 21:1 (black on white).

### Level AA requirements

| Content | Minimum ratio |
|---------|---------------|
| Body text | 4.5:1 |
| Large text (at least 24px, or 18.66px bold) | 3:1 |
| UI components and meaningful graphics (borders of inputs, icons, chart lines) | 3:1 |

For example, \`#767676\` grey on white is about 4.5:1 and just passes, while the popular \`#999999\` is about 2.8:1 and fails for body text.

### Don't rely on colour alone

Around 8% of men have some form of colour vision deficiency. If colour is the only way to convey meaning, some users will miss it.

- Mark required fields with text or an asterisk explained in a legend, not only a red label.
- Give links an underline, not just a different colour.
- In charts, use patterns, direct labels or different shapes in addition to colour.
- Show errors with an icon and a message, not only a red border.

### Tools

- The contrast checker in browser DevTools (inspect an element and look at the colour picker).
- WebAIM's online contrast checker.
- Colour-blindness simulation in Chrome DevTools under **Rendering > Emulate vision deficiencies**.

### Design tokens help

Define an accessible palette once and reuse it:

\`\`\`css
:root {
  --text: #1f2937;       /* 14.7:1 on white */
  --text-muted: #4b5563; /*  7.6:1 on white */
  --accent: #1d4ed8;     /*  6.7:1 on white */
}
\`\`\`

Checking contrast when the palette is created saves fixing hundreds of screens later.`,
          },
          {
            title: "Accessible forms",
            durationMinutes: 15,
            content: `## Forms are where tasks succeed or fail

Sign-ups, checkouts and searches all depend on forms. Accessible forms need three things: labels, clear instructions and helpful errors.

### Label every input

\`\`\`html
<label for="email">Email address</label>
<input id="email" name="email" type="email" autocomplete="email" required>
\`\`\`

The \`for\` attribute links the label to the input, so screen readers announce "Email address, edit text, required", and clicking the label focuses the field. A placeholder is **not** a label: it disappears as soon as the user types and usually has poor contrast.

### Group related controls

Radio buttons and checkboxes that answer one question belong in a \`fieldset\` with a \`legend\`:

\`\`\`html
<fieldset>
  <legend>Preferred contact method</legend>
  <label><input type="radio" name="contact" value="email"> Email</label>
  <label><input type="radio" name="contact" value="phone"> Phone</label>
</fieldset>
\`\`\`

### Instructions and hints

Give format requirements before the user makes a mistake, and connect hints with \`aria-describedby\`:

\`\`\`html
<input id="pw" type="password" aria-describedby="pw-hint">
<p id="pw-hint">At least 12 characters.</p>
\`\`\`

### Errors

- Explain what went wrong and how to fix it: "Enter a date in the format DD/MM/YYYY".
- Mark invalid fields with \`aria-invalid="true"\` and link the message with \`aria-describedby\`.
- On submit, show an error summary at the top and move focus to it.

### Use the right input types

\`type="email"\`, \`type="tel"\` and \`autocomplete\` values bring up the right mobile keyboard and let browsers fill data automatically, which helps users with motor and cognitive impairments most of all.`,
          },
        ],
      },
    ],
  },
  {
    slug: "product-management-essentials",
    title: "Product Management Essentials",
    description:
      "A practical introduction to the work of a product manager. Learn how to understand customer problems, decide what to build next, communicate a roadmap and measure whether what you shipped actually worked.",
    outcomes: [
      "Describe what a product manager does day to day, and with whom",
      "Interview customers to understand the problem behind a request",
      "Write a clear problem statement before jumping to solutions",
      "Prioritise a backlog with RICE, MoSCoW and the cost of delay",
      "Build a roadmap that communicates outcomes rather than dates",
      "Pick metrics that show whether a release worked",
    ],
    category: "Business",
    difficulty: "beginner",
    instructor: "alan",
    published: true,
    modules: [
      {
        title: "The Role of a Product Manager",
        lessons: [
          {
            title: "What a product manager does",
            durationMinutes: 10,
            content: `## The job in one sentence

A product manager (PM) is responsible for making sure the team builds **the right product**: something customers value, that the business can sustain, and that the team can actually deliver.

### Value, viability, feasibility, usability

A widely used way to frame the PM's concerns is four risks every idea carries:

| Risk | Question | Main partner |
|------|----------|--------------|
| Value | Will customers buy or use it? | customers, sales |
| Usability | Can they figure out how to use it? | design |
| Feasibility | Can we build it with our time and technology? | engineering |
| Viability | Does it work for the business (legal, financial, brand)? | leadership, finance, legal |

The PM doesn't answer all of these alone, but makes sure each is addressed before the team commits significant effort.

### What PMs actually spend time on

- Talking to customers and studying data to understand problems.
- Deciding priorities and saying "no" (or "not now") to most requests.
- Writing clear problem statements and acceptance criteria.
- Keeping stakeholders informed and aligned.
- Reviewing results after launch and deciding what to do next.

### What a PM is not

A PM is not the "boss" of the engineers or designers. Most PMs have no direct reports and lead through **influence**: clear reasoning, good evidence and trust. A PM is also not a project manager, although the roles overlap; project management focuses on delivering a defined scope on time, while product management decides what scope is worth delivering.

### Reflect

Think of a product you use every day. What problem does it solve, and which of the four risks do you think was hardest for its team?`,
          },
          {
            title: "Working with engineering and design",
            durationMinutes: 12,
            content: `## The product trio

Strong teams are built around a **trio**: a product manager, a designer and a tech lead who discover and decide together. Each brings a different lens:

- **Product** brings customer and business context.
- **Design** brings understanding of user behaviour and interaction.
- **Engineering** brings knowledge of what is possible, and often the most innovative solutions.

Involving engineers only after the solution is decided wastes their best contribution.

### Share problems, not solutions

Compare two ways of starting a piece of work:

> "Add a CSV export button to the reports page."

> "Finance teams spend two hours each month copying report numbers into spreadsheets. How might we remove that work?"

The second invites ideas: maybe a scheduled email, an integration with their accounting tool, or an export. The team may find a better answer than the PM would have.

### Rituals that help

| Ritual | Purpose |
|--------|---------|
| Weekly customer interviews | keep the whole trio close to real users |
| Refinement | clarify upcoming work and split it into small pieces |
| Demo / review | show working software and gather feedback |
| Retrospective | improve how the team works |

### Writing good tickets

A helpful user story includes:

1. **Who** it is for and **why** it matters.
2. **Acceptance criteria** that define done, for example "Given a report with 10,000 rows, when I export it, then the file downloads within 5 seconds".
3. Links to designs, data and customer evidence.

### Trust is the currency

Keep commitments, explain the reasoning behind decisions, admit when you are wrong, and give the team credit publicly. Influence without authority depends on it.`,
          },
        ],
      },
      {
        title: "Discovery",
        lessons: [
          {
            title: "Understanding customer problems",
            durationMinutes: 15,
            content: `## Start with the problem

Most failed products solve a problem nobody has or solve it in a way nobody wants. **Discovery** is the work of reducing that risk before building.

### Customer interviews

Interviews are the fastest way to learn. Ask about **past behaviour**, not hypothetical futures:

| Avoid | Ask instead |
|-------|-------------|
| "Would you use a feature that...?" | "Tell me about the last time you had to...?" |
| "Do you like our app?" | "What did you do right before you opened it?" |
| "How much would you pay?" | "What do you use today, and what does it cost you?" |

People are poor predictors of their own behaviour but good reporters of what they recently did.

### Interview tips

- Talk to five or six people per question you are exploring; patterns emerge quickly.
- Let the customer do 80% of the talking. Silence is fine.
- Dig into specifics: "Can you show me?" and "What happened next?"
- Have a second person take notes so you can listen.

### Jobs to be done

A useful lens is the **job to be done**: the progress a customer is trying to make in a particular situation. A common format is:

\`\`\`text
When I am <situation>,
I want to <motivation>,
so I can <expected outcome>.
\`\`\`

For example: "When I close the books at month end, I want to get report numbers into our spreadsheet quickly, so I can finish before the deadline without errors."

### Combine qualitative and quantitative

Interviews explain **why**; analytics show **how many**. Use data to find where users struggle (for example a step where 40% drop off), then interviews to understand the cause.`,
          },
          {
            title: "Writing a problem statement",
            durationMinutes: 10,
            content: `## Why write it down?

A written problem statement forces clarity and gives the team a shared reference when debating solutions. If you cannot write it in a few sentences, you probably don't understand the problem yet.

### A simple template

\`\`\`text
Problem:   <who> struggles to <do what> because <root cause>.
Evidence:  <interviews, data, support tickets>.
Impact:    <cost to customers and to the business>.
Outcome:   We will know we have solved it when <measurable change>.
Out of scope: <what we are deliberately not addressing>.
\`\`\`

### An example

- **Problem:** Small-business owners struggle to send invoices on time because creating one takes ten manual steps on mobile.
- **Evidence:** 7 of 9 interviewees create invoices on their phone; 38% of invoice drafts are abandoned on mobile compared with 12% on desktop.
- **Impact:** Late invoices delay cash flow for customers; abandoned drafts correlate with churn.
- **Outcome:** Mobile draft abandonment falls below 20% within one quarter.
- **Out of scope:** Recurring invoices and multi-currency support.

### Common mistakes

1. **Embedding the solution:** "Users need a dark mode" is a solution. Ask what problem dark mode would solve.
2. **Being too broad:** "Onboarding is bad" gives the team nothing to act on.
3. **No evidence:** an opinion, even a senior one, is a hypothesis to test.
4. **No success measure:** without it you cannot tell whether you are done.

### Share and revise

Post the draft where the team and stakeholders can comment. Disagreement at this stage is cheap; disagreement after three sprints of building is expensive.`,
          },
          {
            title: "Prioritisation frameworks",
            durationMinutes: 14,
            content: `## You can't build everything

Every team has more ideas than capacity. Prioritisation frameworks make trade-offs explicit and easier to discuss; they don't replace judgement.

### RICE

RICE scores an idea on four factors:

| Factor | Question | Example |
|--------|----------|---------|
| Reach | How many people will it affect per period? | 2,000 users per quarter |
| Impact | How much will it help each one? (0.25 to 3) | 1 (medium) |
| Confidence | How sure are we? (percentage) | 80% |
| Effort | How many person-months? | 2 |

\`\`\`text
RICE = (Reach x Impact x Confidence) / Effort
     = (2000 x 1 x 0.8) / 2 = 800
\`\`\`

Compare scores across ideas, then sanity-check the ranking.

### MoSCoW

For a fixed release, sort requirements into **Must have**, **Should have**, **Could have** and **Won't have (this time)**. Be strict: if everything is a must, nothing is.

### Cost of delay

Some work becomes less valuable the longer you wait: a regulatory deadline, a seasonal campaign, a competitor launch. Ask "what does it cost us per week to not have this?" and favour items with high cost of delay and small size.

### Tips

- Score together with the trio; the conversation matters more than the number.
- Revisit priorities regularly as evidence changes.
- Publish both what you will do and what you won't, with reasons.
- Reserve some capacity (often 15 to 20%) for technical health and bugs.

### Saying no well

"Not now, because we're focused on X, which affects more customers" is a respectful answer. Explain the trade-off and how the request will be reconsidered.`,
          },
        ],
      },
      {
        title: "Delivery and Measurement",
        lessons: [
          {
            title: "Roadmaps that communicate",
            durationMinutes: 12,
            content: `## What a roadmap is for

A roadmap communicates **direction and intent**. It helps stakeholders understand what the team is working towards and why. It is not a promise of exact features on exact dates.

### Outcome-based roadmaps

Instead of listing features, list the problems or outcomes you will work on:

| Feature roadmap | Outcome roadmap |
|-----------------|-----------------|
| Q1: CSV export | Reduce time to get report data into finance tools |
| Q2: Dark mode | Increase weekly active use on mobile |
| Q3: SSO | Unblock enterprise deals that require central login |

This leaves the team free to find the best solution and makes it obvious why each item matters.

### Now, Next, Later

A simple format that avoids false precision:

- **Now:** what the team is actively working on; high confidence.
- **Next:** what comes after; problems are clear but solutions may change.
- **Later:** ideas and bigger bets; low confidence, subject to change.

Uncertainty grows with distance, and this format makes that visible.

### Tailor the message

Different audiences need different levels of detail:

1. **Executives:** themes, business outcomes and major risks.
2. **Sales and support:** what's coming soon and what it means for customers.
3. **The team:** detailed priorities and the reasoning behind them.

### Keep it alive

Review the roadmap at least monthly. When priorities change, update it and tell people why. A roadmap nobody trusts is worse than none, and trust comes from being honest about changes rather than pretending nothing moved.`,
          },
          {
            title: "Measuring success with metrics",
            durationMinutes: 15,
            content: `## Did it work?

Shipping is not the goal; changing customer behaviour and business results is. Decide **before launch** how you will judge success.

### Choose a North Star and inputs

A **North Star metric** captures the core value customers get, for example "invoices paid through the app per week". Teams then work on **input metrics** they can influence directly, such as invoice creation time or the share of invoices sent with a payment link.

### Good metrics are

- **Actionable:** they change when the team's work succeeds.
- **Comparable:** measured the same way over time.
- **A rate or ratio** where possible: "conversion rate" beats "total sign-ups", which grows with traffic regardless of quality.

Beware of **vanity metrics**, such as total page views, that always go up and guide no decisions.

### A simple metric pyramid

| Level | Example |
|-------|---------|
| North Star | weekly paid invoices |
| Input | % of invoices created on mobile that are sent |
| Health / guardrail | support tickets per 1,000 invoices, page load time |

Guardrail metrics protect against "winning" by harming something else.

### Experiments

When possible, run an **A/B test**: show the change to a random half of users and compare.

\`\`\`text
Control conversion:  4.0%  (n = 10,000)
Variant conversion:  4.6%  (n = 10,000)
Relative lift:       +15%
\`\`\`

Check statistical significance before celebrating, decide the sample size in advance, and don't stop the test early just because the numbers look good.

### Close the loop

Share results, including failures, with the team and stakeholders. Learning that an idea didn't work is valuable; ignoring it is not.`,
          },
        ],
      },
    ],
  },
  {
    slug: "statistics-with-spreadsheets",
    title: "Statistics with Spreadsheets",
    description:
      "Learn the core ideas of statistics using nothing more than a spreadsheet. You will summarise and visualise data, measure relationships between variables, and draw careful conclusions with confidence intervals and hypothesis tests. Every formula works in both Excel and Google Sheets.",
    outcomes: [
      "Summarise data with the mean, median, mode and standard deviation",
      "Spot outliers with percentiles and draw histograms in a spreadsheet",
      "Measure how two variables move together with correlation",
      "Fit and read a simple linear regression",
      "Explain sampling error and compute a confidence interval",
      "Run a hypothesis test and report its result honestly",
    ],
    category: "Mathematics",
    difficulty: "intermediate",
    instructor: "ada",
    published: true,
    modules: [
      {
        title: "Describing Data",
        lessons: [
          {
            title: "Mean, median and mode",
            durationMinutes: 12,
            content: `## Measures of central tendency

A single "typical" value helps summarise a column of numbers. There are three common choices, and picking the right one matters.

| Measure | Definition | Spreadsheet formula |
|---------|------------|---------------------|
| Mean | sum of values divided by their count | \`=AVERAGE(B2:B101)\` |
| Median | middle value when sorted | \`=MEDIAN(B2:B101)\` |
| Mode | most frequent value | \`=MODE.SNGL(B2:B101)\` |

### A worked example

Seven employees earn (in thousands): 32, 35, 36, 38, 41, 44, 190.

- Mean = 416 / 7 = **59.4**
- Median = **38** (the fourth of seven sorted values)

One very high salary pulls the mean far above what most people earn. The median is **robust** to such outliers.

### Which one should I use?

- Use the **median** for skewed data such as incomes, house prices or response times.
- Use the **mean** for roughly symmetric data, or when totals matter (total cost = mean cost x count).
- Use the **mode** for categories, such as the most common shoe size or product sold.

When mean and median differ a lot, the data is skewed: mean > median suggests a long tail to the right.

### Watch out for

1. **Blank cells versus zeros:** \`AVERAGE\` ignores blanks but includes zeros. Check which one "missing" is recorded as.
2. **Averaging averages:** the average of two shops' average sales is wrong if they had different numbers of customers. Use \`=SUMPRODUCT(avgs, counts) / SUM(counts)\` for a weighted mean.
3. **Text that looks like numbers:** imported values may be stored as text and silently ignored. \`=COUNT(B2:B101)\` tells you how many real numbers there are.

### Try it

Enter the salary example in a sheet and compare \`AVERAGE\`, \`MEDIAN\` and \`TRIMMEAN(range, 0.3)\`, which drops the most extreme 30% of values before averaging.`,
          },
          {
            title: "Measuring spread",
            durationMinutes: 14,
            content: `## Typical values aren't enough

Two classes can both average 70% on a test: one where everybody scored between 65 and 75, and another where scores ranged from 20 to 100. **Measures of spread** describe this difference.

### Range and interquartile range

- **Range** = maximum - minimum: \`=MAX(B2:B101) - MIN(B2:B101)\`. Simple, but driven entirely by the two most extreme values.
- **Interquartile range (IQR)** = Q3 - Q1, the spread of the middle 50%:

\`\`\`text
=QUARTILE.INC(B2:B101, 3) - QUARTILE.INC(B2:B101, 1)
\`\`\`

The IQR is robust to outliers and pairs naturally with the median.

### Variance and standard deviation

The **variance** is the average squared distance from the mean. The **standard deviation** (SD) is its square root, which brings it back to the original units.

| Formula | Use when |
|---------|----------|
| \`=STDEV.S(range)\` | your data is a **sample** from a larger population (the usual case) |
| \`=STDEV.P(range)\` | your data is the **entire** population |

\`STDEV.S\` divides by n - 1 instead of n, which corrects the tendency of a sample to underestimate the spread of its population.

### Interpreting the SD

For roughly bell-shaped data, the **68-95-99.7 rule** applies:

- about 68% of values lie within 1 SD of the mean,
- about 95% within 2 SD,
- about 99.7% within 3 SD.

If delivery times have mean 3 days and SD 0.5 days, a 5-day delivery is 4 SD above the mean and truly unusual.

### Standardising with z-scores

A **z-score** expresses a value in SD units: \`=STANDARDIZE(x, mean, sd)\`. It lets you compare results on different scales, such as a maths score and an essay score.

### Coefficient of variation

\`=STDEV.S(range) / AVERAGE(range)\` gives spread relative to size, useful when comparing, for example, the variability of cheap and expensive products.`,
          },
          {
            title: "Percentiles, outliers and histograms",
            durationMinutes: 15,
            content: `## Seeing the shape of data

Summary numbers can hide important structure. Always look at the **distribution**.

### Percentiles

The p-th percentile is the value below which p% of observations fall.

\`\`\`text
=PERCENTILE.INC(B2:B101, 0.9)    90th percentile
=PERCENTRANK.INC(B2:B101, B7)    where does B7 rank? (0 to 1)
\`\`\`

Percentiles are common in performance work: "95% of pages load in under 1.2 seconds" is more useful than an average load time.

### Finding outliers with the IQR rule

A common rule flags values far outside the middle half of the data:

| Fence | Formula |
|-------|---------|
| Lower | Q1 - 1.5 x IQR |
| Upper | Q3 + 1.5 x IQR |

Values outside the fences are potential outliers. Investigate them before deleting anything. An outlier might be a typing error (a height of 1,750 cm), or it might be your most important customer.

### Histograms

A histogram groups values into **bins** and shows how many fall into each.

1. Select your column of values.
2. In Google Sheets choose **Insert > Chart** and set the chart type to **Histogram**. In Excel choose **Insert > Statistic Chart > Histogram**.
3. Adjust the bin width until the shape is clear; too few bins hide detail, too many create noise.

To count bins yourself, use \`=COUNTIFS(B:B, ">=10", B:B, "<20")\` for each interval.

### Shapes to recognise

- **Symmetric / bell-shaped:** mean is close to the median.
- **Right-skewed:** a long tail of high values (incomes, waiting times); mean is above the median.
- **Bimodal:** two peaks, often a sign that two groups are mixed together, such as weekday and weekend traffic.

### Box plots

A box plot draws the median, quartiles and fences in one compact picture. It is ideal for comparing the same measure across several groups side by side.`,
          },
        ],
      },
      {
        title: "Relationships Between Variables",
        lessons: [
          {
            title: "Correlation",
            durationMinutes: 12,
            content: `## Do two variables move together?

The **Pearson correlation coefficient** r measures the strength and direction of a **linear** relationship between two numeric variables.

\`\`\`text
=CORREL(A2:A51, B2:B51)
\`\`\`

r always lies between -1 and +1:

| r | Interpretation |
|---|----------------|
| close to +1 | strong positive: as one rises, the other rises |
| around 0 | no linear relationship |
| close to -1 | strong negative: as one rises, the other falls |

Rough guides call |r| above 0.7 strong and below 0.3 weak, but what counts as meaningful depends on the field.

### Always plot first

Create a **scatter chart** (Insert > Chart > Scatter) before trusting r. Very different data sets can share the same r: a curved relationship, a cloud with one extreme point, or two separate clusters. The statistician Francis Anscombe famously built four data sets with nearly identical means, variances and correlations that look completely different when plotted.

### Correlation is not causation

Ice cream sales and drowning incidents are positively correlated, but ice cream doesn't cause drowning; hot weather drives both. Such a hidden driver is called a **confounding variable**. Other reasons for correlation without causation include:

- **Reverse causation:** does exercise improve mood, or do happier people exercise more?
- **Coincidence:** with enough variables, some will correlate by chance.
- **Selection effects:** studying only successful companies hides the failures.

### Rank correlation

If the relationship is monotonic but not linear, or the data has outliers, use **Spearman's rank correlation**: rank both columns with \`RANK.AVG\` and then apply \`CORREL\` to the ranks.

### Exercise

Collect the daily temperature and number of cold drinks sold for a month. Plot them, compute r, and list two possible confounders.`,
          },
          {
            title: "Simple linear regression",
            durationMinutes: 16,
            content: `## Drawing the best straight line

**Linear regression** fits a line y = a + b x that predicts an outcome y from a predictor x. "Best" means the line minimises the sum of squared vertical distances (residuals) between the points and the line: the **least squares** method.

### The formulas

With advertising spend in column A and sales in column B:

| Quantity | Formula | Meaning |
|----------|---------|---------|
| Slope b | \`=SLOPE(B2:B51, A2:A51)\` | change in y for one extra unit of x |
| Intercept a | \`=INTERCEPT(B2:B51, A2:A51)\` | predicted y when x = 0 |
| R squared | \`=RSQ(B2:B51, A2:A51)\` | share of variation in y explained by x |
| Prediction | \`=FORECAST.LINEAR(1500, B2:B51, A2:A51)\` | predicted y for x = 1500 |

Note that the y range comes **first** in these functions.

### Interpreting the output

Suppose the slope is 4.2 and the intercept is 10,000. Then each extra euro of advertising is associated with 4.20 euros of additional sales, and a month with no advertising is predicted to sell about 10,000. An R squared of 0.64 means 64% of the month-to-month variation in sales is explained by advertising spend; the rest comes from other factors.

### Adding a trendline

On a scatter chart, open the series options and enable **Trendline**, then show the equation and R squared. This is a quick visual check that your formulas agree with the chart.

### Check the residuals

Compute residuals with \`=B2 - FORECAST.LINEAR(A2, B$2:B$51, A$2:A$51)\` and plot them against x. They should look like random scatter around zero. A curve or a funnel shape means a straight line is the wrong model.

### Don't extrapolate

- A model fitted on spend between 500 and 3,000 euros says nothing reliable about spending 50,000.
- Keep predictions within the range of the data you used.`,
          },
        ],
      },
      {
        title: "Drawing Conclusions",
        lessons: [
          {
            title: "Samples and the standard error",
            durationMinutes: 14,
            content: `## From sample to population

We rarely measure everyone. Instead we take a **sample** and use it to estimate a population value, such as the average time customers spend on a site. Different samples give different estimates; statistics tells us how much they vary.

### Sampling well

An estimate is only as good as the sample. A **simple random sample** gives every member of the population the same chance of selection. In a spreadsheet you can add \`=RAND()\` next to each row, sort by that column and take the first n rows.

Common sources of bias:

- **Convenience samples:** surveying only people who answer email.
- **Survivorship:** looking only at customers who didn't cancel.
- **Non-response:** people with strong opinions are more likely to reply.

No sample size fixes a biased sampling method.

### The standard error

The **standard error of the mean** (SE) measures how much sample means vary from sample to sample:

\`\`\`text
SE = s / sqrt(n)
=STDEV.S(B2:B101) / SQRT(COUNT(B2:B101))
\`\`\`

Because of the square root, quadrupling the sample size only halves the standard error. Precision gets expensive.

| n | SE when s = 20 |
|---|----------------|
| 25 | 4.0 |
| 100 | 2.0 |
| 400 | 1.0 |

### The central limit theorem

For reasonably large samples (a common rule of thumb is n of 30 or more), the distribution of sample means is approximately **normal**, even if the data itself is skewed. This remarkable result is why normal-based methods, such as the confidence intervals in the next lesson, work so widely.

### Simulate it

Fill a column with \`=RANDBETWEEN(1, 6)\` to roll a die 1,000 times. Then compute the mean of many groups of 30 rolls and draw a histogram of those means: it forms a bell shape centred on 3.5.`,
          },
          {
            title: "Confidence intervals and hypothesis tests",
            durationMinutes: 18,
            content: `## Quantifying uncertainty

A **confidence interval** gives a range of plausible values for a population parameter. A 95% interval is constructed by a method that captures the true value in 95% of repeated samples.

### A confidence interval for a mean

\`\`\`text
Mean:         =AVERAGE(B2:B41)
Margin:       =CONFIDENCE.T(0.05, STDEV.S(B2:B41), COUNT(B2:B41))
Lower bound:  =AVERAGE(B2:B41) - margin
Upper bound:  =AVERAGE(B2:B41) + margin
\`\`\`

\`CONFIDENCE.T\` uses the t-distribution, which is appropriate when the population SD is unknown (almost always). Report it as "mean 12.4 minutes, 95% CI 10.9 to 13.9".

### Hypothesis testing

A test asks whether the data is consistent with a **null hypothesis** (H0), usually "no difference" or "no effect".

1. State H0 and the alternative, for example "new checkout and old checkout have the same mean time".
2. Choose a significance level, commonly alpha = 0.05.
3. Compute the **p-value**: the probability of seeing a difference at least this large if H0 were true.
4. If p < alpha, reject H0; otherwise you don't have enough evidence to reject it.

### The two-sample t-test

\`\`\`text
=T.TEST(A2:A41, B2:B41, 2, 3)
\`\`\`

The arguments are the two ranges, the number of **tails** (2 if the difference could go either way) and the **type**:

| Type | Test |
|------|------|
| 1 | paired (the same subjects measured twice) |
| 2 | two samples, equal variances |
| 3 | two samples, unequal variances (Welch; a safe default) |

The function returns the p-value directly.

### Interpreting results responsibly

- A p-value is **not** the probability that H0 is true.
- "Not significant" does not prove there is no effect; the sample may be too small.
- Statistical significance is not practical importance. With huge samples, trivial differences become significant, so always report the size of the effect with its confidence interval.`,
          },
        ],
      },
    ],
  },
  {
    slug: "typescript-in-practice",
    title: "TypeScript in Practice",
    description:
      "Go beyond basic annotations and use TypeScript's type system to make invalid states impossible. This course covers unions and narrowing, generics, mapped and conditional types, strict compiler settings and runtime validation at the edges of your application. It assumes you already write JavaScript comfortably.",
    outcomes: [
      "Model data with union and literal types instead of loose strings",
      "Narrow types safely with type guards and discriminated unions",
      "Write generic functions with the right constraints",
      "Derive types with keyof, mapped and conditional types",
      "Choose between enums and their alternatives",
      "Turn on a strict tsconfig and validate data at the boundaries of your app",
    ],
    category: "Programming",
    difficulty: "advanced",
    instructor: "alan",
    published: true,
    modules: [
      {
        title: "Modelling Your Domain with Types",
        lessons: [
          {
            title: "Union and literal types",
            durationMinutes: 12,
            content: `## Describing exactly what is allowed

A **union type** says a value can be one of several types. A **literal type** narrows a type to specific values. Together they let you model your domain far more precisely than plain \`string\` or \`number\`.

\`\`\`ts
type Status = "draft" | "published" | "archived";
type Id = string | number;

function setStatus(status: Status) { /* ... */ }

setStatus("published"); // ok
setStatus("deleted");   // error: not assignable to type 'Status'
\`\`\`

Typos in status strings become compile errors instead of production bugs, and editors autocomplete the valid values.

### Literal inference and as const

TypeScript widens literals in mutable positions:

\`\`\`ts
let mode = "dark";                 // type: string
const theme = "dark";              // type: "dark"
const config = { mode: "dark" };   // mode: string
const fixed = { mode: "dark" } as const; // mode: "dark" (readonly)
\`\`\`

\`as const\` is also handy for deriving a union from an array, so the list and the type can never drift apart:

\`\`\`ts
const ROLES = ["student", "instructor", "admin"] as const;
type Role = (typeof ROLES)[number]; // "student" | "instructor" | "admin"
\`\`\`

### Unions of object types

| Approach | Example | Trade-off |
|----------|---------|-----------|
| Optional fields | \`{ error?: string; data?: User }\` | allows nonsense such as both or neither |
| Union of shapes | \`{ ok: true; data: User } \\| { ok: false; error: string }\` | exactly one valid shape at a time |

Prefer the union: it encodes the rule "either data or an error" in the type itself.

### Working with a union

- You can only use members that exist on **every** type in the union.
- To use something specific to one member, first **narrow** the type (next lesson).`,
          },
          {
            title: "Narrowing and type guards",
            durationMinutes: 14,
            content: `## Letting the compiler follow your logic

**Narrowing** is how TypeScript refines a union to a more specific type based on runtime checks. The compiler analyses control flow, so after a check it knows more about the value.

\`\`\`ts
function format(value: string | number | Date): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return value.toFixed(2);
  return value.toISOString(); // must be Date here
}
\`\`\`

### Built-in narrowing checks

| Check | Narrows |
|-------|---------|
| \`typeof x === "string"\` | primitives |
| \`x instanceof Date\` | class instances |
| \`"email" in x\` | object types with that property |
| \`x === null\`, \`x !== undefined\` | removes null or undefined |
| \`Array.isArray(x)\` | arrays |
| truthiness \`if (x)\` | removes null, undefined, and falsy literals |

Be careful with truthiness: \`if (count)\` also excludes \`0\`, which is often a valid value.

### Custom type guards

When the check is more complex, write a function whose return type is a **type predicate**:

\`\`\`ts
type User = { id: string; email: string };

function isUser(value: unknown): value is User {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as User).id === "string" &&
    typeof (value as User).email === "string"
  );
}

const users = items.filter(isUser); // User[]
\`\`\`

Since TypeScript 5.5, simple arrow functions like \`x => x !== undefined\` passed to \`filter\` are inferred as type predicates automatically.

### Assertion functions

An assertion function throws if a condition fails and narrows the type afterwards:

\`\`\`ts
function assertDefined<T>(v: T, msg: string): asserts v is NonNullable<T> {
  if (v === null || v === undefined) throw new Error(msg);
}
\`\`\`

### A word of caution

A type guard is a promise the compiler trusts blindly:

- keep guards small,
- unit-test them.`,
          },
          {
            title: "Discriminated unions and exhaustiveness",
            durationMinutes: 15,
            content: `## One tag to rule them all

A **discriminated union** is a union of object types that share a literal property, the **discriminant** (often called \`kind\` or \`type\`). Checking that property narrows to exactly one member.

\`\`\`ts
type Shape =
  | { kind: "circle"; radius: number }
  | { kind: "rect"; width: number; height: number }
  | { kind: "triangle"; base: number; height: number };

function area(shape: Shape): number {
  switch (shape.kind) {
    case "circle":
      return Math.PI * shape.radius ** 2;
    case "rect":
      return shape.width * shape.height;
    case "triangle":
      return (shape.base * shape.height) / 2;
  }
}
\`\`\`

Inside each \`case\`, only the fields of that member are available, so \`shape.radius\` in the \`"rect"\` branch is a compile error.

### Exhaustiveness checking

What happens when someone adds \`{ kind: "hexagon"; side: number }\`? Make the compiler tell you every place that must be updated by assigning the leftover value to \`never\`:

\`\`\`ts
function assertNever(x: never): never {
  throw new Error("Unhandled case: " + JSON.stringify(x));
}

// ...inside the switch
default:
  return assertNever(shape);
\`\`\`

If any case is missing, \`shape\` is not \`never\` in the default branch and compilation fails.

### Modelling state machines

Discriminated unions are ideal for UI and request state:

\`\`\`ts
type RemoteData<T> =
  | { state: "idle" }
  | { state: "loading" }
  | { state: "success"; data: T }
  | { state: "error"; error: Error };
\`\`\`

Compare this with \`{ loading: boolean; data?: T; error?: Error }\`, which permits eight combinations of which only four make sense.

### Guidelines

- Use a single, consistently named discriminant across your codebase.
- Make the discriminant a string literal, not a boolean, so new states can be added later.
- Keep \`assertNever\` in a shared utilities module.`,
          },
        ],
      },
      {
        title: "Generics",
        lessons: [
          {
            title: "Generic functions and constraints",
            durationMinutes: 15,
            content: `## Reusable code that keeps its types

A **generic** is a type parameter: a placeholder filled in when the function is used. Without generics you must choose between a specific type and losing type information with \`any\`.

\`\`\`ts
function first<T>(items: readonly T[]): T | undefined {
  return items[0];
}

const n = first([1, 2, 3]);      // number | undefined
const s = first(["a", "b"]);     // string | undefined
\`\`\`

TypeScript **infers** \`T\` from the arguments, so you rarely need to write \`first<number>(...)\`.

### Constraints

Use \`extends\` to require that a type parameter has certain capabilities:

\`\`\`ts
function longest<T extends { length: number }>(a: T, b: T): T {
  return a.length >= b.length ? a : b;
}

longest("apple", "fig");       // string
longest([1, 2], [1, 2, 3]);    // number[]
longest(10, 20);               // error: number has no 'length'
\`\`\`

### Relating parameters with keyof

\`\`\`ts
function pluck<T, K extends keyof T>(items: T[], key: K): T[K][] {
  return items.map((item) => item[key]);
}

const emails = pluck(users, "email");   // string[]
pluck(users, "emial");                  // error: typo caught
\`\`\`

\`K extends keyof T\` ties the second argument to the keys of the first, and \`T[K]\` is the type of that property.

### Generic types

Types and interfaces can be generic too:

\`\`\`ts
type ApiResponse<T> = { data: T; fetchedAt: Date };
type Page<T> = { items: T[]; nextCursor: string | null };
\`\`\`

### When not to use generics

| Smell | Better |
|-------|--------|
| A type parameter used only once | use the concrete type or \`unknown\` |
| \`<T>(x: T): string\` that ignores T | take \`unknown\` instead |
| Callers must always pass \`<T>\` explicitly | reconsider the API |

A good rule of thumb:

- a type parameter should relate at least two things, such as an input and an output.`,
          },
          {
            title: "keyof, indexed access and mapped types",
            durationMinutes: 16,
            content: `## Types computed from other types

TypeScript can derive new types from existing ones. This keeps related types in sync automatically.

### keyof and indexed access

\`\`\`ts
type Course = { id: string; title: string; published: boolean };

type CourseKey = keyof Course;         // "id" | "title" | "published"
type Title = Course["title"];          // string
type Values = Course[keyof Course];    // string | boolean
\`\`\`

### Mapped types

A mapped type iterates over keys to build a new object type:

\`\`\`ts
type Flags<T> = { [K in keyof T]: boolean };

type CourseFlags = Flags<Course>;
// { id: boolean; title: boolean; published: boolean }
\`\`\`

Modifiers can add or remove \`readonly\` and \`?\`:

\`\`\`ts
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Draft<T> = { [K in keyof T]?: T[K] };
\`\`\`

### Key remapping with as

You can rename or filter keys with an \`as\` clause:

\`\`\`ts
type OnlyStrings<T> = {
  [K in keyof T as T[K] extends string ? K : never]: T[K];
};

type CourseText = OnlyStrings<Course>; // { id: string; title: string }
\`\`\`

Mapping a key to \`never\` removes it.

### The built-in utility types

Many everyday utilities are mapped types in the standard library:

| Utility | Produces |
|---------|----------|
| \`Partial<T>\` | all properties optional |
| \`Required<T>\` | all properties required |
| \`Readonly<T>\` | all properties readonly |
| \`Pick<T, K>\` | only keys K |
| \`Omit<T, K>\` | all keys except K |
| \`Record<K, V>\` | object with keys K and values V |

\`\`\`ts
type CourseUpdate = Partial<Omit<Course, "id">>;
const statusLabels: Record<"draft" | "published", string> = {
  draft: "Draft",
  published: "Published",
};
\`\`\`

Benefits of deriving types:

- adding a field to \`Course\` updates \`CourseUpdate\` automatically,
- there are no duplicated definitions to forget.`,
          },
        ],
      },
      {
        title: "Advanced Type Operators",
        lessons: [
          {
            title: "Conditional types and infer",
            durationMinutes: 16,
            content: `## Types that make decisions

A **conditional type** chooses between two types based on an \`extends\` check, much like a ternary expression:

\`\`\`ts
type IsString<T> = T extends string ? true : false;

type A = IsString<"hi">;  // true
type B = IsString<42>;    // false
\`\`\`

### Distribution over unions

When the checked type is a bare type parameter, conditional types **distribute** over unions, applying to each member separately:

\`\`\`ts
type NonNull<T> = T extends null | undefined ? never : T;

type C = NonNull<string | null | undefined>; // string
\`\`\`

This is how the built-in \`NonNullable\`, \`Exclude\` and \`Extract\` work. To turn distribution off, wrap both sides in a tuple: \`[T] extends [string]\`.

### Extracting types with infer

Inside the \`extends\` clause, \`infer\` declares a type variable that TypeScript fills in by pattern matching:

\`\`\`ts
type ElementOf<T> = T extends readonly (infer E)[] ? E : never;
type Awaited2<T> = T extends Promise<infer V> ? Awaited2<V> : T;

type D = ElementOf<string[]>;               // string
type E = Awaited2<Promise<Promise<number>>>; // number
\`\`\`

### Built-ins you should know

| Utility | Example | Result |
|---------|---------|--------|
| \`ReturnType<F>\` | \`ReturnType<() => Date>\` | \`Date\` |
| \`Parameters<F>\` | \`Parameters<(a: string, b: number) => void>\` | \`[a: string, b: number]\` |
| \`Awaited<T>\` | \`Awaited<Promise<User>>\` | \`User\` |
| \`Exclude<U, X>\` | \`Exclude<"a" \\| "b", "a">\` | \`"b"\` |

### A practical example

Derive a type from an existing function instead of declaring it twice:

\`\`\`ts
async function loadDashboard(userId: string) {
  return { user: await getUser(userId), courses: await getCourses(userId) };
}

type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
\`\`\`

### Keep it readable

Type-level code is still code:

- name intermediate types,
- add a comment with an example,
- prefer simple types when they are good enough.`,
          },
          {
            title: "Enums and their alternatives",
            durationMinutes: 12,
            content: `## Modelling fixed sets of values

Many codebases need a fixed set of named values: roles, statuses, event names. TypeScript offers several ways to model them, and they are not equally good.

### Enums

\`\`\`ts
enum Role {
  Student = "student",
  Instructor = "instructor",
}
\`\`\`

Enums are one of the few TypeScript features that emit runtime JavaScript: each enum becomes an object, and numeric enums also get a reverse mapping from numbers back to names, which surprises people who iterate over them. Enums can't be used with Node's type-stripping mode or with the \`erasableSyntaxOnly\` compiler option introduced in TypeScript 5.8.

### Union of literals (usually best)

\`\`\`ts
type Role = "student" | "instructor";
\`\`\`

Zero runtime cost, excellent autocompletion, and values are plain strings that serialise naturally to JSON and databases.

### Const object when you need runtime values

If you need to iterate over the values or refer to them by name, combine a const object with a derived type:

\`\`\`ts
export const Role = {
  Student: "student",
  Instructor: "instructor",
} as const;

export type Role = (typeof Role)[keyof typeof Role]; // "student" | "instructor"

for (const value of Object.values(Role)) console.log(value);
\`\`\`

The same name can be used for the value and the type because TypeScript keeps them in separate namespaces.

### Comparison

| Option | Runtime code | Iterable | Works with type stripping |
|--------|--------------|----------|---------------------------|
| \`enum\` | yes | awkward | no |
| literal union | no | no | yes |
| \`as const\` object + type | yes (plain object) | yes | yes |

### Recommendation

- Use a literal union by default.
- Use an \`as const\` object when you need the values at runtime, for example to fill a select box.
- Avoid new enums unless your codebase already standardises on them.`,
          },
        ],
      },
      {
        title: "TypeScript in Real Projects",
        lessons: [
          {
            title: "A strict tsconfig",
            durationMinutes: 12,
            content: `## Let the compiler help you

The type checker is only as useful as its settings. New projects should start strict; loosening later is easy, tightening later is painful.

### The essentials

\`\`\`json
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "ESNext",
    "moduleResolution": "Bundler",
    "strict": true,
    "noUncheckedIndexedAccess": true,
    "exactOptionalPropertyTypes": true,
    "noImplicitOverride": true,
    "noFallthroughCasesInSwitch": true,
    "verbatimModuleSyntax": true,
    "skipLibCheck": true
  }
}
\`\`\`

### What strict enables

| Flag | Catches |
|------|---------|
| \`strictNullChecks\` | using a value that may be \`null\` or \`undefined\` |
| \`noImplicitAny\` | parameters whose type silently becomes \`any\` |
| \`strictFunctionTypes\` | unsafe callback parameter types |
| \`useUnknownInCatchVariables\` | assuming a caught error is an \`Error\` |
| \`strictPropertyInitialization\` | class fields never assigned |

### Beyond strict

- **noUncheckedIndexedAccess** makes \`arr[i]\` and \`record[key]\` include \`undefined\`, which reflects reality: indexes can be out of range.
- **exactOptionalPropertyTypes** distinguishes "property missing" from "property set to \`undefined\`".
- **verbatimModuleSyntax** requires \`import type\` for type-only imports, so bundlers can safely drop them.

### Migrating an existing project

1. Turn on \`strict\` and count the errors with \`npx tsc --noEmit\`.
2. If there are too many, enable flags one at a time, starting with \`noImplicitAny\` and \`strictNullChecks\`.
3. Fix errors module by module; avoid sprinkling \`any\` or the non-null assertion \`!\`.
4. Add \`tsc --noEmit\` to CI so the count can only go down.

### any versus unknown

\`any\` turns off checking for a value and everything it touches. \`unknown\` means "I don't know yet": you must narrow it before use. Prefer \`unknown\` for data you haven't validated.`,
          },
          {
            title: "Validating data at the boundaries",
            durationMinutes: 15,
            content: `## Types vanish at runtime

TypeScript types are erased when the code is compiled. If you write

\`\`\`ts
const user = (await res.json()) as User;
\`\`\`

nothing checks that the response actually is a \`User\`. A renamed field on the server becomes an \`undefined\` deep inside your app, far from the cause.

### Where to validate

Validate wherever data **enters** your program from outside the type system:

- HTTP request bodies and query strings
- responses from third-party APIs
- environment variables
- \`localStorage\`, files and message queues
- form input

Inside the boundary, trust the types; at the boundary, verify them.

### Schema libraries

Libraries such as **Zod**, **Valibot** or **ArkType** let you declare a schema once and derive the static type from it:

\`\`\`ts
import { z } from "zod";

const CourseInput = z.object({
  title: z.string().min(3).max(120),
  difficulty: z.enum(["beginner", "intermediate", "advanced"]),
  tags: z.array(z.string()).max(10).default([]),
});

type CourseInput = z.infer<typeof CourseInput>;

export function parseCourse(body: unknown): CourseInput {
  return CourseInput.parse(body); // throws a detailed ZodError if invalid
}
\`\`\`

Use \`safeParse\` when you want to return validation errors to the user instead of throwing.

### Parse, don't validate

Rather than checking data and continuing to pass around the raw input, **parse** it into a well-typed value and pass that on. Code after the boundary can then rely on the guarantees, for example that \`title\` has at least three characters.

### Environment variables

\`\`\`ts
const Env = z.object({
  DATABASE_URL: z.string().url(),
  PORT: z.coerce.number().int().default(3000),
});

export const env = Env.parse(process.env);
\`\`\`

Failing fast at startup with a clear message is far better than a crash at 3 a.m. when a rarely used code path finally reads a missing variable.`,
          },
        ],
      },
    ],
  },
  {
    slug: "machine-learning-foundations",
    title: "Machine Learning Foundations",
    description:
      "Understand how machines learn from data, without drowning in maths. You will learn how to frame a problem, split data correctly, train your first regression and classification models with scikit-learn, and evaluate them honestly. Basic Python knowledge is assumed.",
    outcomes: [
      "Tell when machine learning fits a problem, and when a rule does",
      "Split data into training, validation and test sets without leakage",
      "Train linear and logistic regression models with scikit-learn",
      "Evaluate classifiers with precision, recall and ROC AUC",
      "Check a model's mistakes and its fairness before you trust it",
    ],
    category: "Data",
    difficulty: "intermediate",
    instructor: "ada",
    published: false,
    modules: [
      {
        title: "What Machine Learning Is",
        lessons: [
          {
            title: "Learning from examples",
            durationMinutes: 12,
            content: `## Rules versus examples

In traditional programming you write the rules: "if the email contains 'free money', mark it as spam". In **machine learning** (ML) you provide examples with the right answers, and an algorithm finds the rules itself. The result is a **model**: a function that maps inputs to predictions.

### Three kinds of learning

| Type | Data | Example task |
|------|------|--------------|
| Supervised | inputs with known answers (labels) | predict house prices, detect spam |
| Unsupervised | inputs only | group customers into segments |
| Reinforcement | rewards from an environment | teach an agent to play a game |

This course focuses on **supervised learning**, which powers most business applications.

### Vocabulary

- **Features:** the input columns, such as floor area, number of rooms, postcode.
- **Label / target:** the value to predict, such as the sale price.
- **Training:** adjusting the model's parameters so its predictions match the labels.
- **Inference:** using the trained model on new data.

### Regression or classification?

- **Regression** predicts a number: delivery time, temperature, revenue.
- **Classification** predicts a category: spam or not, which product a customer will buy.

### When ML is a good fit

1. There is a pattern, but it is too complex to write down by hand.
2. You have enough relevant, labelled historical data.
3. Occasional wrong predictions are acceptable, or can be caught by a human.

If a few clear rules solve the problem, write the rules: they are cheaper, faster and easier to explain. ML is a tool, not a goal.`,
          },
          {
            title: "Training, validation and test sets",
            durationMinutes: 14,
            content: `## Don't grade your own homework

A model that memorises its training data can look perfect and still fail on new data. This is **overfitting**. To measure real performance we must evaluate on data the model has never seen.

### The three-way split

| Split | Typical share | Used for |
|-------|---------------|----------|
| Training | 60-80% | fitting the model's parameters |
| Validation | 10-20% | choosing between models and settings |
| Test | 10-20% | one final, honest estimate of performance |

Touch the test set only at the very end. If you keep tweaking until the test score looks good, it silently becomes another validation set.

### Splitting with scikit-learn

\`\`\`python
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=42, stratify=y
)
\`\`\`

\`stratify=y\` keeps the class proportions the same in both parts, which matters when one class is rare. \`random_state\` makes the split reproducible.

### Cross-validation

With small data sets, a single validation split is noisy. **k-fold cross-validation** splits the training data into k parts, trains k times, each time validating on a different part, and averages the scores:

\`\`\`python
from sklearn.model_selection import cross_val_score

scores = cross_val_score(model, X_train, y_train, cv=5)
print(scores.mean(), scores.std())
\`\`\`

### Data leakage

Leakage happens when information from outside the training data sneaks into training. Common causes:

- Scaling or imputing using statistics from the **whole** data set before splitting.
- Features that are only known after the outcome, such as "refund issued" when predicting fraud.
- Randomly splitting time series, so the model trains on the future. Split by date instead.

Leakage produces excellent offline scores and disappointing real-world results.`,
          },
        ],
      },
      {
        title: "Your First Models",
        lessons: [
          {
            title: "Linear regression as learning",
            durationMinutes: 15,
            content: `## A model you already know

Linear regression predicts a number as a weighted sum of features:

\`\`\`text
price = w0 + w1 * area + w2 * rooms + w3 * age
\`\`\`

**Training** means finding the weights that minimise the **mean squared error** (MSE) between predictions and true values on the training set.

### In scikit-learn

Every scikit-learn model follows the same pattern: create, \`fit\`, \`predict\`.

\`\`\`python
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error

model = LinearRegression()
model.fit(X_train, y_train)

predictions = model.predict(X_test)
print("MAE:", mean_absolute_error(y_test, predictions))
print("Weights:", model.coef_, "Intercept:", model.intercept_)
\`\`\`

### Regression metrics

| Metric | Meaning | Note |
|--------|---------|------|
| MAE | average absolute error | same units as the target; easy to explain |
| RMSE | square root of MSE | punishes large errors more |
| R squared | share of variance explained | 1 is perfect, 0 is no better than predicting the mean |

Always compare against a **baseline**, such as predicting the training mean for every row. A model that can't beat the baseline hasn't learned anything useful.

### Preparing features

- **Scale** numeric features (for example with \`StandardScaler\`) when using regularised models, so weights are comparable.
- **Encode** categories with one-hot encoding (\`OneHotEncoder\`).
- Wrap preprocessing and the model in a \`Pipeline\` so the same steps are applied at training and prediction time, and fitted only on training data.

### Underfitting and overfitting

A straight line can't capture a curved relationship (underfitting); a very flexible model can chase noise (overfitting). Regularised variants such as \`Ridge\` add a penalty on large weights, trading a little training accuracy for better generalisation.`,
          },
          {
            title: "Classification with logistic regression",
            durationMinutes: 15,
            content: `## Predicting categories

Despite its name, **logistic regression** is a classification model. It computes a weighted sum of features, like linear regression, then squashes it through the **sigmoid** function into a probability between 0 and 1.

\`\`\`text
p(spam) = 1 / (1 + e^-(w0 + w1 * x1 + ... + wn * xn))
\`\`\`

If the probability is above a **threshold** (0.5 by default) the model predicts the positive class.

### Training a classifier

\`\`\`python
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
clf.fit(X_train, y_train)

labels = clf.predict(X_test)              # 0 or 1
probs = clf.predict_proba(X_test)[:, 1]   # probability of class 1
\`\`\`

### Why probabilities matter

Probabilities let you choose the threshold to fit the business cost of mistakes:

| Situation | Threshold |
|-----------|-----------|
| Missing a fraud case is very costly | lower (e.g. 0.2): flag more transactions |
| False alarms annoy customers | higher (e.g. 0.8): flag only confident cases |

### Interpreting the model

Each weight shows how a feature pushes the log-odds up or down. After scaling, larger absolute weights indicate more influential features. This transparency is one reason logistic regression remains popular in regulated fields such as credit scoring.

### Multiple classes

Scikit-learn's \`LogisticRegression\` handles more than two classes automatically, producing one probability per class that sums to 1.

### Beyond linear boundaries

Logistic regression draws a straight (linear) boundary between classes. When the boundary is more complex, tree-based models often perform better:

- random forests,
- gradient boosting (for example \`HistGradientBoostingClassifier\`).

Start with the simple model anyway: it sets a baseline and is easy to debug.`,
          },
          {
            title: "Evaluating classifiers",
            durationMinutes: 16,
            content: `## Accuracy can lie

Imagine 1% of transactions are fraudulent. A model that always predicts "not fraud" is 99% accurate and completely useless. To evaluate classifiers properly, look at the kinds of mistakes they make.

### The confusion matrix

| | Predicted positive | Predicted negative |
|---|---|---|
| **Actually positive** | true positive (TP) | false negative (FN) |
| **Actually negative** | false positive (FP) | true negative (TN) |

\`\`\`python
from sklearn.metrics import confusion_matrix, classification_report

print(confusion_matrix(y_test, labels))
print(classification_report(y_test, labels))
\`\`\`

### Precision and recall

- **Precision** = TP / (TP + FP): of everything we flagged, how much was really positive?
- **Recall** = TP / (TP + FN): of all real positives, how many did we find?
- **F1 score** is the harmonic mean of the two, a single number that is high only when both are.

There is a trade-off: lowering the threshold raises recall but usually lowers precision. Choose based on costs. A cancer screening test favours recall; a spam filter that might hide important email favours precision.

### Threshold-independent metrics

The **ROC AUC** measures how well the model ranks positives above negatives across all thresholds: 0.5 is random, 1.0 is perfect. For rare positive classes, the **precision-recall AUC** (average precision) is more informative.

\`\`\`python
from sklearn.metrics import roc_auc_score, average_precision_score

print(roc_auc_score(y_test, probs))
print(average_precision_score(y_test, probs))
\`\`\`

### Beyond the metrics

1. Inspect examples the model gets wrong; they often reveal data problems.
2. Check performance separately for important groups of users to detect unfair behaviour.
3. Monitor after deployment: data drifts over time and models degrade.

A model is ready when it beats the baseline, its errors are acceptable to the people affected, and you know how you'll notice when it stops working.`,
          },
        ],
      },
    ],
  },
];
