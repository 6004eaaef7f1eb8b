/**
 * Timing helpers for `dalil bench`. Figures are medians of several runs after a warm-up, and are
 * printed beside a baseline measured the same way in the same run, since these machines are noisy.
 */
import { performance } from 'node:perf_hooks';

/**
 * Median wall time of `fn` in milliseconds.
 * @param fn the work to time
 * @param runs how many timed runs (after one warm-up)
 */
export async function medianMs(fn: () => unknown, runs = 7): Promise<number> {
	await fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		await fn();
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

/**
 * A figure with its ratio to the baseline.
 * @param name what was measured
 * @param value the measurement
 * @param unit its unit
 * @param baseline the baseline in the same unit, or null
 * @param target the target as text
 */
export function figure(
	name: string,
	value: number,
	unit: string,
	baseline: number | null,
	target: string
) {
	const round = (x: number) => Math.round(x * 1000) / 1000;
	return {
		name,
		value: round(value),
		unit,
		baseline: baseline === null ? null : round(baseline),
		ratio: baseline ? round(value / baseline) : null,
		target
	};
}
