/** Read-only SQL for maintenance figures, run where it does not hold up the bot. */
export interface ReadQueries {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}
