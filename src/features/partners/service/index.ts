import type { Platform } from '../../../platform';
import { seedDemoPartners, seedDemoTeams } from '../demo';
import { createApplicationsService } from './applications';
import { createCatalogueService } from './catalogue';
import { createCreditsService } from './credits';
import { createDirectoryService } from './directory';
import { createShiftsService } from './shifts';
import { createTeamsService } from './teams';

export type { Decision } from './applications';
export type { PartnerPatch } from './catalogue';
export type { HoursCredit } from './credits';
export type { NewPartnerInput } from './directory';
export type { HoursView, ShiftInput } from './shifts';

/** Partners and volunteers: the directory, teams and their members, shifts and hours (earned elsewhere too). */
export type PartnersService = ReturnType<typeof createPartnersService>;

export function createPartnersService(platform: Platform) {
  const directory = createDirectoryService(platform);
  const teams = createTeamsService(platform);
  return {
    ...directory,
    ...teams,
    ...createApplicationsService(platform),
    ...createShiftsService(platform),
    ...createCatalogueService(platform),
    ...createCreditsService(platform),
    /** The demo partners: other areas' demo data (the fund's founding donors) names them. Safe to run again. */
    loadDemoPartners: () => seedDemoPartners(directory),
    loadDemoTeams: () => seedDemoTeams(teams),
  };
}
