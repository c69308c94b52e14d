/** The report's file formats. Apart from render.ts, so that naming them does not load the renderers. */
export const REPORT_FORMATS = ['docx', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
