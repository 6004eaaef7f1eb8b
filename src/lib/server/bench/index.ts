/**
 * Every benchmark suite. Each issue that promises a figure adds its suite here.
 */
import { bankSuite } from './bank';
import type { Suite } from './types';

export const suites: Suite[] = [bankSuite];
suites.push((await import('./export')).exportSuite);
suites.push((await import('./quiz')).quizSuite);
suites.push((await import('./grading')).gradingSuite);
suites.push((await import('./review')).reviewSuite);
suites.push((await import('./teacher')).teacherSuite);
suites.push((await import('./assign')).assignSuite);
// dalil draft (issue 19)
suites.push((await import('./draft')).draftSuite);
