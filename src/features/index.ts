import { Composer } from 'grammy';
import type { Platform } from '../platform';
import type { BotContext } from '../telegram/context';
import type { Audience, Feature } from '../telegram/feature';
import type { CliDeps, Deps, LegacyFeature } from '../telegram/legacy';
import { faqFeature } from './faq';
import { createFundFeature } from './fund';
import { createMarket } from './market';
import { createNoticesFeature } from './notices';
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
  const market = createMarket(platform, { residents: residents.service });

  // TRANSITION (issue 12): areas not yet moved to handed-in services, adapted to the Feature they will become.
  const legacy: LegacyFeature[] = [];
  const moved: Feature[] = [residents.feature, market.feature];
  const notices = createNoticesFeature(() => [...legacy, ...moved.map(toLegacyAudiences)]);
  const fundFeature = createFundFeature({ ...legacyReportSources(platform.db), marketDays: market.service.marketDays });
  legacy.push(notices, reliefFeature, petitionsFeature, fundFeature, partnersFeature, faqFeature);

  const [noticesFeature, ...others] = legacy.map((f) => fromLegacy(f, legacyDeps));
  const features: Feature[] = [residents.feature, noticesFeature!, market.feature, ...others];
  const services = { residents: residents.service, market: market.service };
  return { features, services };
}

export type Areas = ReturnType<typeof createAreas>;

/** TRANSITION (issue 12): a moved area's audiences in the shape the legacy notices area calls. */
function toLegacyAudiences(f: Feature): LegacyFeature {
  const audiences = Object.fromEntries(
    Object.entries(f.audiences ?? {}).map(([k, a]) => [
      k,
      { labelKey: a.labelKey, userIds: (_db: unknown, now: Date) => a.userIds(now) },
    ]),
  );
  return { name: f.name, composer: new Composer<BotContext>(), audiences };
}

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
