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

/** An entry of the audit log as read back. */
export interface AuditRecord extends AuditEntry {
	id: string;
	/** ms since the epoch */
	at: number;
	/** the actor's name, when the actor is a teacher who still has an account */
	actorName: string | null;
}

/**
 * The audit log of one subject (e.g. an assignment), newest first.
 * @param db the database
 * @param subject what the entries are about
 * @param limit at most this many entries
 */
export async function auditOf(
	db: Kysely<Database>,
	subject: string,
	limit = 500
): Promise<AuditRecord[]> {
	const rows = await db
		.selectFrom('audit')
		.leftJoin('user', 'user.id', 'audit.actor_id')
		.select([
			'audit.id',
			'audit.at',
			'audit.actor_kind',
			'audit.actor_id',
			'audit.action',
			'audit.subject',
			'audit.detail',
			'user.name as actor_name'
		])
		.where('audit.subject', '=', subject)
		.orderBy('audit.at', 'desc')
		.orderBy('audit.id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		at: Number(r.at),
		actorKind: r.actor_kind as AuditEntry['actorKind'],
		actorId: r.actor_id,
		actorName: r.actor_name ?? null,
		action: r.action,
		subject: r.subject,
		...(r.detail ? { detail: JSON.parse(r.detail) as Record<string, unknown> } : {})
	}));
}
