import { Composer } from 'grammy';
import type { Platform } from '../../../../platform';
import type { BotContext } from '../../../../telegram/context';
import type { ReliefService } from '../../service';
import { checkinBot } from './checkin';
import { rosterBot } from './roster';
import { settingsBot } from './settings';

/** Everything staff do for the relief pickup; each composer guards every command, button and flow step itself. */
export const staffBot = (relief: ReliefService, platform: Pick<Platform, 'clock' | 'telegram'>) =>
  new Composer<BotContext>(rosterBot(relief, platform), checkinBot(relief, platform), settingsBot(relief, platform));
