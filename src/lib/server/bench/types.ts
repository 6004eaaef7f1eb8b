/** One figure of `dalil bench`: a measured value beside a baseline measured in the same run. */
export interface Figure {
	name: string;
	value: number;
	unit: string;
	/** the baseline's value, in the same unit, or null where the figure has none */
	baseline: number | null;
	/** value / baseline, or null */
	ratio: number | null;
	/** the target, as text (e.g. "≤ 150 ms"); empty for a figure printed for comparison */
	target: string;
}

/** A group of figures, one module per issue that adds them. */
export interface Suite {
	name: string;
	run: () => Promise<Figure[]>;
}
