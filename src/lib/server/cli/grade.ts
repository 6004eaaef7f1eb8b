/** `dalil grade`: placeholder until its issue lands; says so instead of pretending. */
export async function run(_args: string[]): Promise<number> {
	console.error('dalil grade: not implemented yet');
	return 2;
}
