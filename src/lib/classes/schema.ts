/**
 * The fields of the classes forms, validated with zod at the boundary. Error messages are keys of
 * the interface strings' `classes.errors` group, so each locale words them.
 */
import { z } from 'zod';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from './join-code';

/** A form field's text: trimmed, inner runs of spaces made one, within a length. */
const text = (max: number) =>
	z
		.string({ error: 'required' })
		.transform((s) => s.replace(/\s+/g, ' ').trim())
		.pipe(z.string().min(1, { error: 'required' }).max(max, { error: 'tooLong' }));

export const NAME_MAX = { className: 80, studentName: 60, teacherName: 80, email: 254 } as const;

/** A class's name, as the teacher gives it. */
export const classNameSchema = text(NAME_MAX.className);
/** A student's name, as they give it when joining (or the teacher renames it). */
export const studentNameSchema = text(NAME_MAX.studentName);

/** A join code as typed: case, spaces and dashes do not matter. */
export const joinCodeSchema = z
	.string({ error: 'required' })
	.transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
	.pipe(
		z
			.string()
			.length(JOIN_CODE_LENGTH, { error: 'badCode' })
			.refine((s) => [...s].every((c) => JOIN_CODE_ALPHABET.includes(c)), { error: 'badCode' })
	);

/** Teacher sign-in. */
export const signInSchema = z.object({
	email: z.string({ error: 'required' }).trim().max(NAME_MAX.email, { error: 'tooLong' }),
	password: z.string({ error: 'required' }).min(1, { error: 'required' }).max(1000, {
		error: 'tooLong'
	})
});

/** Teacher sign-up. */
export const signUpSchema = z.object({
	name: text(NAME_MAX.teacherName),
	email: z
		.string({ error: 'required' })
		.trim()
		.max(NAME_MAX.email, { error: 'tooLong' })
		.pipe(z.email({ error: 'badEmail' })),
	password: z
		.string({ error: 'required' })
		.min(8, { error: 'shortPassword' })
		.max(128, { error: 'tooLong' })
});

/** Keys of `classes.errors` that the schemas above can give. */
export type FieldError = 'required' | 'tooLong' | 'badCode' | 'badEmail' | 'shortPassword';

/**
 * A form's fields as strings: a field missing, or sent as a file, is undefined, so the schema
 * says "required" rather than anything throwing.
 */
export function formFields(form: FormData, names: readonly string[]) {
	const fields: Record<string, string | undefined> = {};
	for (const name of names) {
		const value = form.get(name);
		fields[name] = typeof value === 'string' ? value : undefined;
	}
	return fields;
}

/** The first problem of a failed parse, as a key of `classes.errors`, and the field it is on. */
export function firstProblem(error: z.ZodError): { field: string; problem: FieldError } {
	const issue = error.issues[0];
	const known: FieldError[] = ['required', 'tooLong', 'badCode', 'badEmail', 'shortPassword'];
	const problem = known.includes(issue?.message as FieldError)
		? (issue.message as FieldError)
		: 'required';
	return { field: String(issue?.path[0] ?? ''), problem };
}
