import { NotAllowed } from '../../core/errors';
import type { Platform } from '../../platform';
import type { BotContext } from '../../telegram/context';
import type { Feature } from '../../telegram/feature';
import { flatComposer } from '../../telegram/flat-chains';
import { can } from '../../telegram/middlewares/guard';
import type { PartnersService } from '../partners';
import type { ReliefService } from '../relief/service';
import type { ResidentsService } from '../residents/service';
import { childBot } from './bot/child';
import { residentBot } from './bot/resident';
import { SETUP_STEP, setupBot } from './bot/setup';
import { staffBot } from './bot/staff';
import { CB, CHECKIN_LINK, parseCheckinPayload } from './callbacks';
import { seedDemoActivities } from './demo';
import { activitiesFlows } from './flows';
import { activitiesJobs } from './jobs';
import { calendarAnswers } from './live';
import { createActivitiesService } from './service';
import { activitySheets, periodRange } from './views/export';

export type { ActivitiesService } from './service';

/** Community activities: the calendar, sign-ups and the line, reminders, the day's desk, drills, feedback. */
export function createActivities(
  platform: Platform,
  deps: { residents: ResidentsService; partners: PartnersService; relief: Pick<ReliefService, 'reachableByRelief'> },
) {
  const service = createActivitiesService(platform, {
    places: deps.residents,
    partners: {
      partners: async () =>
        (await deps.partners.partners()).map(({ id, name, userId, active }) => ({ id, name, userId, active })),
      partner: async (id) => {
        const p = await deps.partners.partner(id);
        return p && { id: p.id, name: p.name, userId: p.userId, active: p.active };
      },
      approvedVolunteers: () => deps.partners.approvedVolunteers(),
    },
    relief: { reachableByRelief: () => deps.relief.reachableByRelief() },
    hours: { creditHours: (trx, entries) => deps.partners.creditHours(trx, entries) },
  });
  const resident = residentBot(service, () => platform.telegram.botUsername());
  const setup = setupBot(service);

  /** A staff member scans a resident's QR code: t.me/<bot>?start=ac_<sign-up>_<code> checks them in. */
  async function scanned(ctx: BotContext, arg: string) {
    if (!can(ctx, 'staff')) throw new NotAllowed();
    const p = parseCheckinPayload(arg);
    if (!p) return void (await ctx.reply(ctx.t('common.expired')));
    const r = await service.checkIn(ctx.user.id, p.signupId, 'qr', p.code);
    await ctx.reply(ctx.t('activities.desk.checkedIn', { name: r.name }));
  }

  const feature: Feature = {
    name: 'activities',
    composer: flatComposer<BotContext>(
      staffBot(service, deps.residents),
      childBot(service),
      resident.bot,
      setup.composer,
    ),
    commands: [
      { command: 'activities', descKey: 'activities.commands.activities', scope: 'all' },
      { command: 'myactivities', descKey: 'activities.commands.myactivities', scope: 'all' },
      { command: 'activities_manage', descKey: 'activities.commands.manage', scope: 'staff' },
    ],
    menu: [
      { key: 'activities.menu.main', order: 15 },
      { key: 'activities.menu.partner', order: 16, roles: ['partner'] },
    ],
    flows: activitiesFlows,
    setup: [
      {
        key: SETUP_STEP,
        order: 80,
        titleKey: 'activities.setup.title',
        isDone: async () => service.partnersDecided(),
        start: setup.start,
      },
    ],
    jobs: activitiesJobs(service),
    deepLinks: { [CHECKIN_LINK]: scanned },
    demo: () => seedDemoActivities(platform, service),
    workbench: {
      tasks: [
        { key: 'activities.task.manage', data: CB.list(0), roles: ['staff'], order: 40 },
        { key: 'activities.task.desk', data: CB.today, roles: ['staff'], order: 41 },
      ],
      todos: async (_user, roles) => {
        if (!roles.has('staff') && !roles.has('admin')) return [];
        const count = (await service.todays()).length;
        return count ? [{ key: 'activities.todo.today', count, data: CB.today }] : [];
      },
      exports: [
        {
          key: 'activities',
          labelKey: 'activities.export.label',
          roles: ['staff'],
          period: 'month-or-year',
          sheets: (t, period) => activitySheets(service, t, period),
          fileName: (period) => `activities-${periodRange(period, service.todayDate()).name}`,
        },
      ],
    },
    liveAnswers: calendarAnswers(service),
  };
  return { service, feature };
}
