import { Composer } from 'grammy';
import type { BotContext } from '../../telegram/context';
import { checkinBot } from './bot-checkin';
import { residentBot } from './bot-resident';
import { rosterBot } from './bot-roster';
import { settingsBot } from './bot-settings';

/** Resident view first; every staff composer guards each of its commands, buttons and flow steps itself. */
export const reliefBot = new Composer<BotContext>(residentBot, rosterBot, checkinBot, settingsBot);
