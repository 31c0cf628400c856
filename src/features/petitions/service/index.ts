import { localDate } from '../../../core/time';
import type { Platform } from '../../../platform';
import type { ResidentsService } from '../../residents/service';
import { createBoard } from '../board';
import { type PetitionsPolicy, petitionsPolicy } from '../policy';
import * as store from '../store';
import { catalogue } from './catalogue';
import { deadlines } from './deadlines';
import { deputies } from './deputies';
import { details } from './details';
import { exports } from './export';
import { filing } from './filing';
import { following } from './following';
import { handling } from './handling';
import { meetings } from './meetings';
import { createNotifier } from './notify';
import { getPetition, type Parts } from './parts';
import { reportFigures } from './report-figures';
import { stats } from './stats';
import { work } from './work';

export type { CatalogueKind, StatsPeriod } from '../policy';
export type { CatalogueEntry, Names } from './catalogue';
export type { DeputyArea, DeputyAreas } from './deputies';
export type { HandlerDetails, PetitionDetails, Supporter } from './details';
export type { Draft } from './filing';
export type { Note } from './following';
export type { StatusChange } from './handling';
export type { MeetingInput, MeetingPreview } from './meetings';
export type { Actor } from './parts';
export type { PetitionReportFigures } from './report-figures';
export type { Breakdown, Responsiveness } from './stats';
export type { PetitionWork } from './work';

/** Petitions to deputies: filing and co-signing, following, handling, time limits, meetings, the three rates. */
export type PetitionsService = ReturnType<typeof createPetitionsService>;

export function createPetitionsService(
  platform: Pick<Platform, 'db' | 'reads' | 'clock' | 'config' | 'identity' | 'outbox' | 'settings'>,
  deps: { residents: ResidentsService },
  policy: PetitionsPolicy = petitionsPolicy(platform.config, platform.settings),
) {
  const { db, reads, clock, config, identity, outbox, settings } = platform;
  const notify = createNotifier({ identity, outbox, policy });
  const parts: Parts = {
    db,
    reads,
    clock,
    config,
    identity,
    outbox,
    settings,
    residents: deps.residents,
    policy,
    notify,
  };
  const assignment = deputies(parts);
  // A deputy's invitation carries their areas: assigned in the transaction that grants the role.
  identity.onInvitationRedeemed(assignment.applyInvitation);
  return {
    policy,
    /** The petition, or PetitionNotFound. */
    petition: (id: number) => getPetition(db, id),
    timeline: (id: number) => store.eventsOf(db, id),
    department: (id: number) => store.findDepartment(db, id),
    /** Today's calendar date where the deployment is. */
    today: () => localDate(clock.now(), policy.timezone),
    ...filing(parts),
    ...following(parts),
    ...details(parts),
    ...handling(parts),
    ...assignment,
    /** Departments a petition can be transferred to now (retired ones are not offered). */
    departments: () => store.listDepartments(db),
    ...meetings(parts),
    ...deadlines(parts),
    ...stats(parts),
    ...reportFigures(parts),
    /** The staff console's board: the /petitions list a page at a time (board.ts). */
    board: createBoard(db, clock),
    ...exports(parts),
    ...catalogue(parts),
    ...work(parts),
  };
}
