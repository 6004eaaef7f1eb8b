/** A module bundled and minified as the text of one classic script (see vite.config.ts). */
declare module '*?iife' {
	const code: string;
	export default code;
}
