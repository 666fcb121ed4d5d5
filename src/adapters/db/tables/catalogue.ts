/** Tables of the catalogue module (filled by its migration 012). */
// biome-ignore lint/suspicious/noEmptyInterface: the module's tables are added here.
export interface CatalogueTables {}
