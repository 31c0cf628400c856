import type { BotContext } from '../../../../telegram/context';
import { flatComposer } from '../../../../telegram/flat-chains';
import type { ResidentsService } from '../../../residents/service';
import type { PetitionsService } from '../../service';
import { handlingBot } from './handling';
import { meetingBot } from './meeting';

/** Deputies (and staff, who may act on any petition): handling petitions and recording meetings. */
export const deputyBot = (petitions: PetitionsService, residents: ResidentsService) =>
  flatComposer<BotContext>(handlingBot(petitions, residents), meetingBot(petitions));
