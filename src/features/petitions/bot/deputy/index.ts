import { Composer } from 'grammy';
import type { BotContext } from '../../../../telegram/context';
import type { ResidentsService } from '../../../residents/service';
import type { PetitionsService } from '../../service';
import { handlingBot } from './handling';
import { meetingBot } from './meeting';

/** Deputies (and staff, who may act on any petition): handling petitions and recording meetings. */
export const deputyBot = (petitions: PetitionsService, residents: ResidentsService) =>
  new Composer<BotContext>(handlingBot(petitions, residents), meetingBot(petitions));
