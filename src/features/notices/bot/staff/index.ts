import type { Platform } from '../../../../platform';
import type { BotContext } from '../../../../telegram/context';
import { flatComposer } from '../../../../telegram/flat-chains';
import type { NoticesService } from '../../service';
import { composeBot } from './compose';
import { confirmBot } from './confirm';
import { manageBot } from './manage';

/** Everything staff do with broadcasts: compose, confirm or schedule, follow and stop. */
export function staffBot(notices: NoticesService, platform: Pick<Platform, 'config' | 'clock' | 'i18n'>) {
  return flatComposer<BotContext>(
    composeBot(notices, platform),
    confirmBot(notices, platform),
    manageBot(notices, platform),
  );
}
