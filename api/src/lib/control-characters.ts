/**
 * A control character that no person types (tab, line feed and carriage return, which a note may
 * hold, excepted): PostgreSQL refuses a NUL in text, and a document cannot print the others.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
