// A report with nothing to operate: rendered on the server only, it needs no JavaScript at all.
export const csr = false;
