/** SQLite's "database is locked" (SQLITE_BUSY and its extended codes, e.g. SQLITE_BUSY_SNAPSHOT), as the store's driver reports it. */
export function isStoreBusy(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
