/**
 * A worker thread of `checkBankDir`: reads and checks the article folders it is sent, and posts
 * each result back. It stays for the next check (warm) until its process ends.
 */
import { parentPort } from 'node:worker_threads';
import { checkBank } from '../bank/check';
import { readArticles } from './bank';

parentPort?.on('message', ({ dir, slugs }: { dir: string; slugs: string[] }) => {
	parentPort?.postMessage(checkBank(readArticles(dir, slugs)));
});
