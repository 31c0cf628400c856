/**
 * The house plan as rules (issue 12). No exceptions: a violation fails `npm test`.
 * Layers, bottom up: core/db/i18n → identity/outbox → telegram → features → app/main/cli/playground.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle means two modules cannot be understood (or tested) apart.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'foundation-never-imports-features',
      severity: 'error',
      comment: 'identity, outbox, telegram and everything below them are what every area stands on, never the reverse.',
      from: { path: '^src/(telegram|identity|outbox|core|db|i18n)/' },
      to: { path: '^src/features/' },
    },
    {
      name: 'foundation-never-imports-the-composition-root',
      severity: 'error',
      from: { path: '^src/(telegram|identity|outbox|core|db|i18n|features)/' },
      to: { path: '^src/(app|main|playground|cli)' },
    },
    {
      name: 'no-other-areas-store-or-bot',
      severity: 'error',
      comment: "Cross-area calls go service to service: another area's tables and handlers are its own business.",
      from: { path: '^src/features/([^/]+)/' },
      to: {
        path: '^src/features/([^/]+)/(store|bot)',
        pathNot: '^src/features/$1/',
      },
    },
    {
      name: 'rules-never-import-grammy',
      severity: 'error',
      comment: "Services, stores, views and the foundation below telegram/ know nothing of Telegram's client library.",
      from: {
        path: '^src/(features/[^/]+/(?!bot/|index\\.ts)|identity/|outbox/|core/|db/)',
      },
      to: { path: '^node_modules/(grammy|@grammyjs)/' },
    },
    {
      name: 'console-uses-area-services-not-stores',
      severity: 'error',
      comment: 'The staff console is a thin edge over the area services (issue 16): no area store, no area bot.',
      from: { path: '^src/console/' },
      to: { path: '^src/features/[^/]+/(store|bot)' },
    },
    {
      name: 'areas-never-import-the-console',
      severity: 'error',
      comment: 'The console is built on the areas; an area that needed the console could not run without it.',
      from: { path: '^src/(features|telegram|identity|outbox|core|db|i18n)/' },
      to: { path: '^src/console/' },
    },
    {
      name: 'migrations-are-frozen',
      severity: 'error',
      comment: 'A migration is frozen in time: it may not follow src/ as it changes.',
      from: { path: '^migrations/' },
      to: { path: '^src/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    // bench/.cache: the scale database and the bench's build of the app (compiled copies of src)
    exclude: { path: '^(data|bench/results|bench/\\.cache)' },
  },
};
