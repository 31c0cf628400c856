import type { Platform } from '../platform';
import type { Feature } from '../telegram/feature';
import { createActivities } from './activities';
import { createFaq } from './faq';
import { createFund } from './fund';
import { createMarket } from './market';
import { collectAudiences, createNotices } from './notices';
import { createPartners } from './partners';
import { createPetitions } from './petitions';
import { createRelief } from './relief';
import { createResidents } from './residents';
import { createSafety } from './safety';
import { createSetup } from './setup';
import { createWorkbench } from './workbench';

/**
 * Every area, built once with the platform and the services of the areas it depends on, in dependency order.
 * Installed in the order of `features`; the FAQ (which answers any free text) comes last.
 */
/** `edges`: features built on top of the areas (the staff console), whose workbench tasks the workbench shows too. */
export function createAreas(platform: Platform, edges: () => readonly Feature[] = () => []) {
  const residents = createResidents(platform);
  const safety = createSafety(platform, { residents: residents.service });
  // Other areas' audiences are asked for lazily: `features` includes notices itself, so it exists only after it.
  const notices = createNotices(platform, {
    residents: residents.service,
    audiences: () => collectAudiences(features),
  });
  const market = createMarket(platform, { residents: residents.service });
  const relief = createRelief(platform, { residents: residents.service });
  const petitions = createPetitions(platform, { residents: residents.service });
  const partners = createPartners(platform);
  const activities = createActivities(platform, {
    residents: residents.service,
    partners: partners.service,
    relief: relief.service,
  });
  const fund = createFund(platform, {
    partners: partners.service,
    // The community report's figures, each from its own area's service.
    sources: {
      marketFigures: market.service.reportFigures,
      marketResidentsServed: market.service.residentsServed,
      reliefMonths: (months) => relief.service.monthsFigures(months),
      petitionFigures: petitions.service.reportFigures,
      activityFigures: (from, to, today) => activities.service.activityFigures(from, to, today),
    },
  });
  // Every area's live answers are asked before the FAQ's entries: lazily, as `features` includes the FAQ.
  const faq = createFaq(platform, { residents: residents.service, features: () => features });
  // The workbench gathers every area's tasks, imports and exports: lazily, as `features` includes it.
  const workbench = createWorkbench(platform, { features: () => [...features, ...edges()] });
  // The set-up walks the first admin through every area's steps (lazily, likewise) and greets residents when done.
  const setup = createSetup(platform, {
    features: () => features,
    residents: residents.service,
    greet: residents.greet,
  });

  const features: Feature[] = [
    safety.feature,
    setup.feature,
    residents.feature,
    notices.feature,
    market.feature,
    relief.feature,
    petitions.feature,
    fund.feature,
    partners.feature,
    activities.feature,
    workbench.feature,
    faq.feature,
  ];
  const services = {
    residents: residents.service,
    safety: safety.service,
    notices: notices.service,
    market: market.service,
    relief: relief.service,
    petitions: petitions.service,
    fund: fund.service,
    partners: partners.service,
    activities: activities.service,
    faq: faq.service,
    workbench: workbench.service,
    setup: setup.service,
  };
  return { features, services };
}

export type Areas = ReturnType<typeof createAreas>;
