import { vi } from './vi.ts';

export type { Messages } from './vi.ts';

/** The catalogue in use. Vietnamese only for now; en.ts is ready for a language switch. */
export const t = vi;
