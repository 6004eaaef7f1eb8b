/**
 * A worker thread of `checkBankDir`: reads and checks the article folders it is given and posts
 * the result back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkBank } from '../bank/check';
import { readArticles } from './bank';

const { dir, slugs } = workerData as { dir: string; slugs: string[] };
parentPort?.postMessage(checkBank(readArticles(dir, slugs)));
