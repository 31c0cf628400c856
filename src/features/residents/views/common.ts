import type { TFunction } from '../../../i18n';
import type { Role } from '../../../identity';
import type { InlineMarkup } from '../../../telegram/port';

export interface Card {
  text: string;
  markup?: InlineMarkup;
}

export const roleName = (t: TFunction, role: Role | 'resident') => t(`residents.roles.${role}`);
