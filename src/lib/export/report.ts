/** Building an export's report, so every exporter says the same things the same way. */
import type { BankQuestion } from '../bank/check';
import type { ExportReport } from './types';

/** A report being filled in while an exporter walks the questions. */
export class ReportBuilder {
	readonly report: ExportReport;

	/** @param format the format's name as the CLI spells it */
	constructor(format: string) {
		this.report = { format, exported: [], converted: [], omitted: [], notes: [] };
	}

	/** The question went out as it is. */
	ok(q: BankQuestion): void {
		this.report.exported.push(q.id);
	}

	/** The question went out in another shape; the teacher is told which and why. */
	converted(q: BankQuestion, as: string, note: string): void {
		this.report.exported.push(q.id);
		this.report.converted.push({ id: q.id, type: q.type, as, note });
	}

	/** The question could not go out; the teacher is told why. */
	omitted(q: BankQuestion, reason: string): void {
		this.report.omitted.push({ id: q.id, type: q.type, reason });
	}

	/** A note that is about the whole export. */
	note(text: string): void {
		if (!this.report.notes.includes(text)) this.report.notes.push(text);
	}
}

/**
 * The report as lines for standard error: one a conversion or omission, then the notes.
 * @param report an export's report
 */
export function formatReport(report: ExportReport): string[] {
	const lines = [
		`${report.format}: ${report.exported.length} exported, ${report.converted.length} converted, ${report.omitted.length} left out`
	];
	for (const c of report.converted)
		lines.push(`  converted ${c.id} (${c.type} → ${c.as}): ${c.note}`);
	for (const o of report.omitted) lines.push(`  left out ${o.id} (${o.type}): ${o.reason}`);
	for (const n of report.notes) lines.push(`  note: ${n}`);
	return lines;
}
