import { inLocale } from '../../../core/names';
import { type Button, grid, markup, pagedRows } from '../../../telegram/markup';
import { CB } from '../callbacks';
import { PAGE } from '../policy';
import { SERVICE_GROUPS, type Service, type ServiceGroup } from '../store';
import { type Card, type Reader, withNotice } from './common';

// The catalogue as staff keep it: the list, one service's card with a button per thing that can change, and the
// add-service questions.

const groupName = ({ t }: Reader, g: string) => t(`market.group.${g}`);

/** Every service, retired ones marked and last, a page at a time; and "add a service". */
export function catalogueCard(r: Reader, services: Service[], page: number): Card {
  const { t, locale } = r;
  const label = (s: Service) => `${s.active ? '' : '🗄 '}${inLocale(s, locale)} · ${groupName(r, s.groupKey)}`;
  const { rows } = pagedRows(services, page, PAGE, (s) => ({ text: label(s), data: CB.service(s.id) }), CB.catalogue);
  rows.push([{ text: t('market.catalogue.btn.add'), data: CB.addService }]);
  const retired = services.filter((s) => !s.active).length;
  const text = t(services.length ? 'market.catalogue.list' : 'market.catalogue.empty', {
    count: services.length - retired,
    retired,
  });
  return { text, markup: markup(rows) };
}

const yesNo = ({ t }: Reader, b: boolean) => t(b ? 'market.catalogue.yes' : 'market.catalogue.no');

/** One service: everything about it, and a button for each thing staff can change now. */
export function serviceCard(r: Reader, s: Service, notice?: string): Card {
  const { t } = r;
  const text = t('market.catalogue.card', {
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    group: groupName(r, s.groupKey),
    capacity: s.defaultCapacity,
    minutes: s.minutesPerTicket,
    details: yesNo(r, s.needsDetails),
    photo: yesNo(r, s.needsPhoto),
    state: t(s.active ? 'market.catalogue.active' : 'market.catalogue.retired'),
  });
  const btn = (key: string, data: string, params: Record<string, string> = {}) => ({ text: t(key, params), data });
  const rows: Button[][] = [
    [
      btn('market.catalogue.btn.name', CB.editService(s.id, 'n')),
      btn('market.catalogue.btn.capacity', CB.editService(s.id, 'c')),
      btn('market.catalogue.btn.minutes', CB.editService(s.id, 'm')),
    ],
    [btn('market.catalogue.btn.group', CB.groupOf(s.id))],
    [
      btn('market.catalogue.btn.details', CB.flagService(s.id, 'd'), { now: yesNo(r, s.needsDetails) }),
      btn('market.catalogue.btn.photo', CB.flagService(s.id, 'p'), { now: yesNo(r, s.needsPhoto) }),
    ],
    [
      s.active
        ? btn('market.catalogue.btn.retire', CB.retireService(s.id))
        : btn('market.catalogue.btn.restore', CB.restoreService(s.id)),
    ],
    [btn('market.catalogue.btn.list', CB.catalogue(0))],
  ];
  return { text: withNotice(text, notice), markup: markup(rows) };
}

/** The four groups as buttons: for a new service, or to move one (`serviceId`). */
export function groupCard(r: Reader, serviceId?: number): Card {
  const data = (g: ServiceGroup) => (serviceId === undefined ? CB.newGroup(g) : CB.setGroup(serviceId, g));
  const rows = grid(SERVICE_GROUPS.map((g) => ({ text: groupName(r, g), data: data(g) })));
  if (serviceId !== undefined) rows.push([{ text: r.t('market.btn.back'), data: CB.service(serviceId) }]);
  return { text: r.t('market.catalogue.askGroup'), markup: markup(rows) };
}

/** Minutes per person: the usual ones as buttons, any other typed. */
export const minutesCard = (r: Reader): Card => ({
  text: r.t('market.catalogue.askMinutes'),
  markup: markup(
    grid(
      [5, 10, 15, 20, 30].map((n) => ({ text: String(n), data: CB.newMinutes(n) })),
      5,
    ),
  ),
});

/** What a resident is asked when booking: nothing, a description, a photo, or both. */
export const needsCard = ({ t }: Reader): Card => ({
  text: t('market.catalogue.askNeeds'),
  markup: markup([
    [{ text: t('market.catalogue.needs.none'), data: CB.newNeeds('0') }],
    [{ text: t('market.catalogue.needs.details'), data: CB.newNeeds('d') }],
    [{ text: t('market.catalogue.needs.photo'), data: CB.newNeeds('p') }],
    [{ text: t('market.catalogue.needs.both'), data: CB.newNeeds('b') }],
  ]),
});

export const confirmRetireServiceCard = (r: Reader, s: Service): Card => ({
  text: r.t('market.catalogue.confirmRetire', { name: inLocale(s, r.locale) }),
  markup: markup([
    [
      { text: r.t('market.catalogue.btn.retireYes'), data: CB.retireServiceYes(s.id) },
      { text: r.t('market.btn.back'), data: CB.service(s.id) },
    ],
  ]),
});

/** The question each typed change asks, with what it is now. */
export function askServiceFieldText(r: Reader, s: Service, what: 'n' | 'c' | 'm'): string {
  if (what === 'n') return r.t('market.catalogue.askName', { nameZh: s.nameZh, nameEn: s.nameEn });
  if (what === 'c') return r.t('market.catalogue.askCapacity', { now: s.defaultCapacity });
  return r.t('market.catalogue.askMinutesTyped', { now: s.minutesPerTicket });
}
