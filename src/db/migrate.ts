import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';

export const MIGRATIONS_DIR = resolve(import.meta.dirname, '../../migrations');

/** The migrations in `dir`, by file name: TypeScript in the sources, JavaScript once built (npm run build). */
export class FolderProvider implements MigrationProvider {
  constructor(private readonly dir: string) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.dir)).filter((f) => /^\d{4}_[\w-]+\.[jt]s$/.test(f)).sort();
    const out: Record<string, Migration> = {};
    for (const f of files)
      out[f.replace(/\.[jt]s$/, '')] = (await import(pathToFileURL(join(this.dir, f)).href)) as Migration;
    return out;
  }
}

export class MigrationFailed extends Error {}

/** Applies every pending migration in one transaction; on failure nothing is applied and the reason is thrown. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed against no schema
export async function migrateToLatest(db: Kysely<any>, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new FolderProvider(dir) });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const why = error instanceof Error ? error.message : String(error);
    throw new MigrationFailed(
      failed ? `migration ${failed} failed: ${why} (nothing was applied)` : `cannot migrate the database: ${why}`,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
