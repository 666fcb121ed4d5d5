/** Tables of the meetings module (filled by its migration 013). */
// biome-ignore lint/suspicious/noEmptyInterface: the module's tables are added here.
export interface MeetingTables {}
