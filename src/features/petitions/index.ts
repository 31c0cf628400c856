import { writeFileSync } from 'node:fs';
import { Composer } from 'grammy';
import { EXCEL_BOM } from '../../core/csv';
import { localDate } from '../../core/time';
import type { BotContext } from '../../telegram/context';
import type { LegacyFeature as Feature } from '../../telegram/legacy';
import { followBot, openDeepLink } from './bot-follow';
import { handlerBot } from './bot-handler';
import { residentBot } from './bot-resident';
import { isCategory } from './callbacks';
import { assignDeputy, unassignDeputy } from './handling';
import { petitionJobs } from './jobs';
import { seedDemoPetitions } from './seed';
import { exportCsv, monthStart, num, pct, previousMonth, responsiveness } from './stats';

export const petitionsFeature: Feature = {
  name: 'petitions',
  composer: new Composer<BotContext>(residentBot, followBot, handlerBot),
  commands: [
    { command: 'petition', descKey: 'petitions.commands.petition', scope: 'all' },
    { command: 'mypetitions', descKey: 'petitions.commands.mypetitions', scope: 'all' },
    { command: 'petitions', descKey: 'petitions.commands.petitions', scope: 'deputy' },
    { command: 'meeting', descKey: 'petitions.commands.meeting', scope: 'deputy' },
    { command: 'petitionstats', descKey: 'petitions.commands.petitionstats', scope: 'staff' },
    { command: 'deputies', descKey: 'petitions.commands.deputies', scope: 'staff' },
  ],
  menu: [
    { key: 'petitions.menu.report', order: 30 },
    { key: 'petitions.menu.mine', order: 31 },
  ],
  jobs: petitionJobs,
  deepLinks: { p_: openDeepLink },
  seedDemo: async ({ db, config, clock }) => {
    const n = await seedDemoPetitions(db, clock.now(), {
      ackDays: config.PETITION_ACK_DAYS,
      answerDays: config.PETITION_ANSWER_DAYS,
    });
    return `petitions: departments and ${n} new demo petitions (肖明组 culvert, fire exit, street light)`;
  },
  cli: {
    'petitions export': {
      usage: 'petitions export [file.csv]     every petition as CSV (no phone numbers)',
      run: async (args, { db, out }) => {
        const csv = await exportCsv(db);
        if (args[0]) {
          writeFileSync(args[0], EXCEL_BOM + csv);
          out(`written ${csv.split('\n').length - 2} petitions to ${args[0]}`);
        } else out(csv.trimEnd());
      },
    },
    'petitions stats': {
      usage: 'petitions stats [YYYY-MM]       the three rates for a month (default: last month)',
      run: async (args, { db, config, clock, out }) => {
        const now = clock.now();
        const month =
          args[0] && /^\d{4}-(0[1-9]|1[0-2])$/.test(args[0])
            ? args[0]
            : previousMonth(localDate(now, config.TIMEZONE).slice(0, 7));
        const [y, m] = month.split('-').map(Number) as [number, number];
        const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
        const r = await responsiveness(db, monthStart(month, config.TIMEZONE), monthStart(next, config.TIMEZONE), now);
        const line = (who: string, x: typeof r.overall) =>
          `${who}: filed ${x.filed}, response ${pct(x.responseRate)}, resolution ${pct(x.resolutionRate)}, satisfaction ${num(x.satisfaction)} (${x.rated} rated), median ack ${num(x.medianAckHours)} h, median resolve ${num(x.medianResolveDays)} d, overdue ${x.overdue}`;
        out(`petitions ${month}`);
        out(line('overall', r.overall));
        for (const d of r.deputies) out(line(`deputy ${d.userId} ${d.name}`, d.rates));
      },
    },
    'petitions assign': {
      usage: 'petitions assign <user_id> <community_id> [category]   a deputy answers for a community',
      run: async (args, { db, clock, out }) =>
        assignment(args, out, (u, c, cat) => assignDeputy(db, null, u, c, cat, clock.now())),
    },
    'petitions unassign': {
      usage: 'petitions unassign <user_id> <community_id> [category]',
      run: async (args, { db, clock, out }) =>
        assignment(args, out, (u, c, cat) => unassignDeputy(db, null, u, c, cat, clock.now())),
    },
  },
};

async function assignment(
  args: string[],
  out: (l: string) => void,
  fn: (userId: number, communityId: number, category: string | null) => Promise<boolean>,
) {
  const [u, c, cat] = args;
  if (!u || !/^\d{1,15}$/.test(u) || !c || !/^\d{1,9}$/.test(c) || (cat !== undefined && !isCategory(cat))) {
    out('usage: <user_id> <community_id> [roads|safety|sanitation|noise|facilities|other]');
    return;
  }
  out((await fn(Number(u), Number(c), cat ?? null)) ? 'done' : 'nothing to do');
}
