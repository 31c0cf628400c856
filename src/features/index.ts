import { Composer } from 'grammy';
import type { Platform } from '../platform';
import type { BotContext } from '../telegram/context';
import type { Audience, Feature } from '../telegram/feature';
import type { CliDeps, Deps, LegacyFeature } from '../telegram/legacy';
import { faqFeature } from './faq';
import { createFundFeature } from './fund';
import { marketFeature } from './market';
import { collectAudiences, createNotices } from './notices';
import { partnersFeature } from './partners';
import { petitionsFeature } from './petitions';
import { reliefFeature } from './relief';
import { legacyReportSources } from './report-sources';
import { createResidents } from './residents';

/**
 * Every area, built once with the platform and the services of the areas it depends on, in dependency order.
 * Installed in this order; the FAQ (which answers any free text) comes last.
 */
export function createAreas(platform: Platform, legacyDeps: Deps) {
  const residents = createResidents(platform);
  // Other areas' audiences, asked for lazily: `features` includes notices itself, so it exists only after notices.
  const notices = createNotices(platform, {
    residents: residents.service,
    audiences: () => collectAudiences(features),
  });

  // TRANSITION (issue 12): areas not yet moved to handed-in services, adapted to the Feature they will become.
  const fundFeature = createFundFeature(legacyReportSources(platform.db));
  const legacy: LegacyFeature[] = [
    marketFeature,
    reliefFeature,
    petitionsFeature,
    fundFeature,
    partnersFeature,
    faqFeature,
  ];

  const features: Feature[] = [residents.feature, notices.feature, ...legacy.map((f) => fromLegacy(f, legacyDeps))];
  const services = { residents: residents.service, notices: notices.service };
  return { features, services };
}

export type Areas = ReturnType<typeof createAreas>;

/** TRANSITION (issue 12): a legacy area as a Feature; its handlers find `ctx.deps`, its jobs and CLI verbs the deps. */
function fromLegacy(f: LegacyFeature, deps: Deps): Feature {
  const cliDeps = (out: (line: string) => void): CliDeps => ({
    db: deps.db,
    config: deps.config,
    clock: deps.clock,
    log: deps.log,
    out,
  });
  const withDeps = new Composer<BotContext>();
  withDeps.use((ctx, next) => {
    ctx.deps = deps;
    return next();
  }, f.composer);
  const audiences: Record<string, Audience> = {};
  for (const [k, a] of Object.entries(f.audiences ?? {}))
    audiences[k] = { labelKey: a.labelKey, userIds: (now) => a.userIds(deps.db, now, deps.config.TIMEZONE) };
  return {
    name: f.name,
    commands: f.commands,
    menu: f.menu,
    deepLinks: Object.fromEntries(
      Object.entries(f.deepLinks ?? {}).map(([k, fn]) => [
        k,
        (ctx: BotContext, arg: string) => {
          ctx.deps = deps;
          return fn(ctx, arg);
        },
      ]),
    ),
    answersFreeText: f.answersFreeText,
    composer: withDeps,
    jobs: f.jobs?.(deps),
    demo: f.seedDemo ? () => f.seedDemo!(cliDeps(() => {})) : undefined,
    cli: Object.fromEntries(
      Object.entries(f.cli ?? {}).map(([k, c]) => [
        k,
        {
          usage: c.usage,
          run: async (args: string[], out: (l: string) => void) => (await c.run(args, cliDeps(out))) ?? undefined,
        },
      ]),
    ),
    audiences,
  };
}
