// npm run bench [-- name ...]: runs each named benchmark (all when none is named) in turn.
const all = ['faq', 'updates', 'broadcast', 'scale', 'console', 'activities', 'charts', 'instances', 'memory'] as const;
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = asked.length ? asked : [...all];
for (const name of names) {
  if (!(all as readonly string[]).includes(name)) {
    console.error(`unknown benchmark "${name}"; known: ${all.join(', ')}`);
    process.exit(2);
  }
  const mod = (await import(`./${name}.ts`)) as { main: (args: string[]) => Promise<void> };
  await mod.main(process.argv.slice(2));
}

export {};
