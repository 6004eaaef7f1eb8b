// The quiz page is rendered on the server only: every answer goes through its form actions, and
// the little a script adds (background saves and checks, the countdown, dragging items) is one
// small script of its own, inlined by the page (src/lib/client/quiz.ts). Hydrating the page would
// cost the Svelte and Kit runtimes, several times more JavaScript than the page needs.
export const csr = false;
