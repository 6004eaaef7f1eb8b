import { describe, expect, it } from 'vitest';
import { durationText, fewerText, timeLimitText } from './wording';
import { quizStrings } from './strings';

const ar = quizStrings('ar');
const en = quizStrings('en');

describe('the quiz pages’ counts', () => {
	it('say a time limit with the Arabic plural its number takes', () => {
		expect(timeLimitText(ar, 1)).toBe('المدة: دقيقة واحدة');
		expect(timeLimitText(ar, 2)).toBe('المدة: دقيقتان');
		expect(timeLimitText(ar, 10)).toBe('المدة: 10 دقائق');
		expect(timeLimitText(ar, 15)).toBe('المدة: 15 دقيقة');
		expect(timeLimitText(ar, 100)).toBe('المدة: 100 دقيقة');
		expect(timeLimitText(en, 1)).toBe('Time limit: 1 minute');
		expect(timeLimitText(en, 10)).toBe('Time limit: 10 minutes');
	});

	it('say the time taken in minutes and seconds, each agreed with its count', () => {
		expect(durationText(ar, 3 * 60 + 4)).toBe('3 دقائق و4 ثوانٍ');
		expect(durationText(ar, 12 * 60 + 2)).toBe('12 دقيقة وثانيتان');
		expect(durationText(ar, 45)).toBe('45 ثانية');
		expect(durationText(ar, 61)).toBe('دقيقة واحدة وثانية واحدة');
		expect(durationText(en, 61)).toBe('1 minute 1 second');
		expect(durationText(en, 30)).toBe('30 seconds');
	});

	it('say how many questions matched', () => {
		expect(fewerText(ar, 3)).toBe('لا يطابق التصفية إلا 3 أسئلة.');
		expect(fewerText(ar, 12)).toBe('لا يطابق التصفية إلا 12 سؤالًا.');
		expect(fewerText(en, 1)).toBe('Only 1 question matched the filters.');
	});
});
