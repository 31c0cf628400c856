import { writeFileSync } from 'node:fs';
import { EXCEL_BOM } from '../../core/csv';
import type { CliCommand } from '../../telegram/feature';
import { isCategoryCode } from './policy';
import { num, type Rates, share } from './rates';
import type { PetitionsService } from './service';

const USAGE = 'usage: <user_id> <community_id> [category code: roads|safety|sanitation|noise|facilities|other|k<n>]';

/** `npm run cli -- petitions …`: export, the three rates, and deputies' assignments. */
export function petitionsCli(petitions: PetitionsService): Record<string, CliCommand> {
  /** `petitions assign|unassign <user_id> <community_id> [category]`. */
  const assignment =
    (change: PetitionsService['assignDeputy']) =>
    async (args: string[], out: (l: string) => void): Promise<undefined> => {
      const [u, c, cat] = args;
      if (!u || !/^\d{1,15}$/.test(u) || !c || !/^\d{1,9}$/.test(c) || (cat !== undefined && !isCategoryCode(cat))) {
        out(USAGE);
        return;
      }
      out((await change(null, Number(u), Number(c), cat ?? null)) ? 'done' : 'nothing to do');
    };

  const line = (who: string, x: Rates) =>
    `${who}: filed ${x.filed}, response ${share(x.ackedInTime, x.ackDue)}, ` +
    `resolution ${share(x.resolved, x.answerDue)}, satisfaction ${num(x.satisfaction)} ` +
    `(${x.rated} rated, ${share(x.satisfied, x.rated)} satisfied), median ack ${num(x.medianAckHours)} h, ` +
    `median resolve ${num(x.medianResolveDays)} d, overdue ${x.overdue}`;

  return {
    'petitions export': {
      usage: 'petitions export [file.csv]     every petition as CSV (no phone numbers)',
      async run(args, out) {
        const csv = await petitions.exportCsv();
        if (args[0]) {
          writeFileSync(args[0], EXCEL_BOM + csv);
          out(`written ${csv.split('\n').length - 2} petitions to ${args[0]}`);
        } else out(csv.trimEnd());
        return undefined;
      },
    },
    'petitions stats': {
      usage: 'petitions stats [YYYY-MM]       the three rates for a month (default: last month)',
      async run(args, out) {
        const asked = args[0] && /^\d{4}-(0[1-9]|1[0-2])$/.test(args[0]) ? args[0] : undefined;
        const r = await petitions.month(asked);
        out(`petitions ${r.month}`);
        out(line('overall', r.overall));
        for (const d of r.deputies) out(line(`deputy ${d.userId} ${d.name}`, d.rates));
        return undefined;
      },
    },
    'petitions assign': {
      usage: 'petitions assign <user_id> <community_id> [category]   a deputy answers for a community',
      run: assignment(petitions.assignDeputy),
    },
    'petitions unassign': {
      usage: 'petitions unassign <user_id> <community_id> [category]',
      run: assignment(petitions.unassignDeputy),
    },
  };
}
