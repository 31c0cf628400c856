import type { TestProject } from 'vitest/node';
import { openPostgresDatabase } from '../../src/db/client';
import { migrateToLatest } from '../../src/db/migrate';
import { adminQuery, startPgCluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/**
 * The PostgreSQL project's global setup: one throwaway cluster for the run, and a template database with every
 * migration applied, from which each test's fresh database is copied (CREATE DATABASE … TEMPLATE, milliseconds).
 */
export default async function setup(project: TestProject) {
  const cluster = await startPgCluster();
  await adminQuery(cluster.adminUrl, 'create database linli_template');
  const h = openPostgresDatabase(cluster.urlOf('linli_template'), 1);
  await migrateToLatest(h.db);
  await h.close();
  project.provide('pgAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
