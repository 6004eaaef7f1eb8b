import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextJoin, textResult } from './common';
import { toBytes } from './index';

/** A report with nothing in it: these tests are about the text. */
const emptyReport = () => ({
	format: 'test',
	exported: [],
	converted: [],
	omitted: [],
	notes: [],
	noteMessages: []
});

// property runs take seconds on a loaded machine: no 5 s default
describe('TextJoin', { timeout: 60_000 }, () => {
	it('gives what join gives, across chunks, empty pieces included', () => {
		// Pieces up to 200,000 characters, so that some runs cross many chunks (128K characters).
		const piece = fc.oneof(
			fc.constantFrom('', '\n', 'زوارة'),
			fc.integer({ min: 0, max: 200_000 }).map((n) => 'ب'.repeat(n))
		);
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom('', '\n'), (pieces, sep) => {
				const out = new TextJoin(sep);
				for (const p of pieces) out.add(p);
				const joined = pieces.join(sep);
				expect(out.chunks().join('')).toBe(joined);
			}),
			{ numRuns: 200 }
		);
	});

	it('takes pieces one at a time (push) into the same text as add', () => {
		const pieces = ['زوارة', '', 'a'.repeat(150_000), 'طرابلس', '\n'];
		const pushed = new TextJoin('\n');
		for (const p of pieces) pushed.push(p);
		const added = new TextJoin('\n');
		added.add(...pieces);
		// The chunks may be cut elsewhere (add flushes after all its pieces); the text is the same.
		expect(pushed.chunks().length).toBeGreaterThan(1);
		expect(pushed.chunks().join('')).toBe(added.chunks().join(''));
		expect(pushed.chunks().join('')).toBe(pieces.join('\n'));
	});

	it('gives a result whose text and bytes are the joined text', async () => {
		const out = new TextJoin('\n');
		const pieces = ['زوارة', '', 'a'.repeat(150_000), 'طرابلس'];
		out.add(...pieces);
		const result = textResult(out, emptyReport());
		expect(result.text).toBe(pieces.join('\n'));
		expect(Buffer.from(await toBytes(result)).equals(Buffer.from(pieces.join('\n'), 'utf8'))).toBe(
			true
		);
	});

	it('encodes a character split across two chunks as one character', async () => {
		// 😀 is a surrogate pair: its halves end one chunk and start the next.
		const out = new TextJoin();
		out.add('a'.repeat(150_000) + '\ud83d');
		out.add('\ude00');
		const result = textResult(out, emptyReport());
		expect(result.chunks).toHaveLength(2);
		expect(Buffer.from(await toBytes(result)).toString('utf8')).toBe(result.text);
		expect(result.text?.endsWith('😀')).toBe(true);
	});
});
