/** The audit log: who did what, when (table `audit`). */
import type { Kysely } from 'kysely';
import { newId } from './db/ids';
import type { Database } from './db/schema';

export interface AuditEntry {
	actorKind: 'teacher' | 'student' | 'system';
	actorId: string | null;
	/** e.g. 'class.create', 'student.rename' */
	action: string;
	subject: string | null;
	detail?: Record<string, unknown>;
}

/** Appends an entry to the audit log. */
export async function audit(db: Kysely<Database>, entry: AuditEntry, now = Date.now()) {
	await db
		.insertInto('audit')
		.values({
			id: newId(),
			at: now,
			actor_kind: entry.actorKind,
			actor_id: entry.actorId,
			action: entry.action,
			subject: entry.subject,
			detail: entry.detail ? JSON.stringify(entry.detail) : null
		})
		.execute();
}
