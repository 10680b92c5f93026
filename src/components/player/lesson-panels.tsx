"use client";

import dynamic from "next/dynamic";

/**
 * The player's panels that only some lessons show, each in a chunk of its own: a lesson loads the code of the panel it
 * shows (a quiz, an assignment's hand-in form), a video or text lesson neither. They are rendered on the server as
 * before; only their JavaScript is split off the player's.
 */
export const QuizLesson = dynamic(() => import("@/components/quiz-player/quiz-lesson").then((m) => m.QuizLesson));

export const AssignmentPanel = dynamic(() => import("@/components/assignments/assignment-panel").then((m) => m.AssignmentPanel));
