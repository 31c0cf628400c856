import { Composer } from 'grammy';
import type { Platform } from '../platform';
import type { BotContext } from '../telegram/context';
import type { Audience, Feature } from '../telegram/feature';
import type { CliDeps, Deps, LegacyFeature } from '../telegram/legacy';
import { createFaq } from './faq';
import { createFund } from './fund';
import { marketFeature } from './market';
import { collectAudiences, createNotices } from './notices';
import { createPartners } from './partners';
import { createPetitions } from './petitions';
import { createRelief } from './relief';
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
  const relief = createRelief(platform);
  const petitions = createPetitions(platform, { residents: residents.service });
  const partners = createPartners(platform);
  const fund = createFund(platform, {
    partners: partners.service,
    sources: {
      ...legacyReportSources(platform.db),
      reliefMonth: (month) => relief.service.monthFigures(month),
      petitionRates: petitions.service.reportRates,
    },
  });
  const faq = createFaq(platform, { residents: residents.service });

  const features: Feature[] = [
    residents.feature,
    notices.feature,
    // TRANSITION (issue 12): the market area, not yet moved, adapted to the Feature it will become.
    fromLegacy(marketFeature, legacyDeps),
    relief.feature,
    petitions.feature,
    fund.feature,
    partners.feature,
    faq.feature,
  ];
  const services = {
    residents: residents.service,
    notices: notices.service,
    relief: relief.service,
    petitions: petitions.service,
    fund: fund.service,
    partners: partners.service,
    faq: faq.service,
  };
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
