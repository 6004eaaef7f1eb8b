/**
 * Names spelt more than one way. Two small, general mechanisms instead of a list of names:
 *
 * - a consonant skeleton that Latin transliterations and Arabic spellings of one name share
 *   (Zuwara, Zwara, Zuwarah, زوارة → "zr"; Serraj, Sarraj, السراج → "srj"; Haftar, Hifter, حفتر →
 *   "hftr"): vowels and the weak letters و ي dropped, letters that transliterate alike merged;
 * - an Arabic spelling skeleton for the long-vowel letters that foreign names are written with or
 *   without (الأميركية / الأمريكية, طرابلس / طرابلوس).
 *
 * Works on folded tokens (see `foldArabic`).
 */

const LATIN_DIGRAPHS: [RegExp, string][] = [
	[/tch|ch/g, 'tS'],
	[/sch|sh/g, 'S'],
	[/kh|gh|ck|q|g/g, 'k'],
	[/ph|v/g, 'f'],
	[/dj|zh/g, 'j'],
	[/x/g, 'ks'],
	[/c(?=[eiy])/g, 's'],
	[/c/g, 'k'],
	[/p/g, 'b']
];

const ARABIC_LETTERS: Record<string, string> = {
	ب: 'b',
	ت: 't',
	ث: 't',
	ج: 'j',
	ح: 'h',
	خ: 'k',
	د: 'd',
	ذ: 'd',
	ر: 'r',
	ز: 'z',
	س: 's',
	ش: 'S',
	ص: 's',
	ض: 'd',
	ط: 't',
	ظ: 'z',
	غ: 'k',
	ف: 'f',
	ق: 'k',
	ك: 'k',
	ل: 'l',
	م: 'm',
	ن: 'n',
	ه: 'h',
	و: 'w',
	ي: 'y',
	پ: 'b',
	چ: 'tS',
	ڤ: 'f',
	گ: 'k'
};

/** Whether a folded token is written in Latin letters. */
export function isLatin(token: string): boolean {
	return /^[a-z]+$/.test(token);
}

/** Whether a folded token is written in Arabic letters. */
export function isArabic(token: string): boolean {
	return /^[\u0621-\u06FF]+$/.test(token);
}

/** Drops weak letters (not first), collapses doubles. */
function finish(s: string): string {
	let out = '';
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (c === 'V') continue;
		if ((c === 'w' || c === 'y') && i > 0) continue;
		if (out.endsWith(c)) continue;
		out += c;
	}
	return out;
}

/**
 * The consonant skeletons of a Latin token: one, or two where "th"/"dh" may be one letter or two
 * (Fathi = فتحي).
 * @param token a folded Latin token
 */
export function latinSkeletons(token: string): string[] {
	let s = token.replace(/([aeiou])h$/, '$1');
	for (const [re, to] of LATIN_DIGRAPHS) s = s.replace(re, to);
	s = s.replace(/[aeiou]/g, 'V');
	const one = finish(s.replace(/th|dh/g, (m) => m[0]));
	const two = finish(s);
	const out = one === two ? [one] : [one, two];
	// Spanish j and x are a kh (Javier, Xavier = خافيير)
	if (/^[jx]/.test(token)) {
		const kh = latinSkeletons('kh' + token.slice(1))[0];
		if (!out.includes(kh)) out.push(kh);
	}
	return out;
}

/**
 * The consonant skeleton of an Arabic token, comparable with `latinSkeletons`.
 * @param token a folded Arabic token, clitics already stripped
 */
export function arabicSkeleton(token: string): string {
	let s = '';
	for (let i = 0; i < token.length; i++) {
		const c = token[i];
		// final haa is (mostly) a folded taa marbuta: Zuwara, not Zuwarah
		if (c === 'ه' && i === token.length - 1 && i > 0) continue;
		s += ARABIC_LETTERS[c] ?? 'V';
	}
	return finish(s);
}

/**
 * An Arabic token without the long-vowel letters a foreign name is written with or without
 * (امريكيه / اميركيه → امركه). Only meaningful for longer words.
 * @param token a folded Arabic token
 */
export function spellingSkeleton(token: string): string {
	let out = token[0] ?? '';
	for (let i = 1; i < token.length; i++) {
		const c = token[i];
		if (c === 'ا' || c === 'و' || c === 'ي' || c === 'ء') continue;
		if (out.endsWith(c)) continue;
		out += c;
	}
	return out;
}

/** Arabizi: the digits that stand for Arabic letters in Latin chat spelling (3 = ع, 7 = ح, …). */
const ARABIZI: Record<string, string> = {
	'2': 'a',
	'3': 'a',
	'5': 'kh',
	'6': 't',
	'7': 'h',
	'8': 'gh',
	'9': 'q'
};

/**
 * A text with the Arabizi digits inside Latin words read as letters ("5afyer" → "khafyer",
 * "m7md" → "mhhmd"). A digit is read so only when letters stand on both sides of it, or it starts
 * a word of three letters or more that is not a unit ("5km" stays five kilometres).
 * @param text the text as typed
 * @param isUnit whether a Latin word is a unit
 */
export function readArabizi(text: string, isUnit: (word: string) => boolean): string {
	if (!/[a-z][2356789]|[2356789][a-z]/i.test(text)) return text;
	return text.replace(
		/(?<![0-9])\b([a-z]*)([2356789])([a-z]*)\b(?![0-9])/gi,
		(all, before, digit, after) => {
			if (!before && (after.length < 3 || isUnit(after.toLowerCase()))) return all;
			if (!after && before.length < 2) return all;
			return before + ARABIZI[digit] + after;
		}
	);
}
