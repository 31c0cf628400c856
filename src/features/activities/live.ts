import { weekdayOf } from '../../core/calendar';
import { addDays } from '../../core/time';
import type { LiveAnswer } from '../../telegram/workbench';
import type { ActivitiesService } from './service';
import { calendarCard } from './views/resident';

// "这周有什么活动", "周末孩子有什么课": answered from the live calendar, not from a fixed FAQ entry.

const ABOUT = /活动|课堂|讲座|演练|课|activit|event|class|lecture|drill/i;
const WHEN =
  /这周|本周|这个星期|周末|礼拜六|周六|周日|星期六|星期天|明天|今天|近期|最近|有什么|this week|weekend|today|tomorrow|what.*on/i;
const CHILDREN = /孩子|小孩|儿童|小朋友|kid|child/i;

/** The days a question asks about, from `today`: the weekend, this week (to Sunday), tomorrow, today, or 7 days. */
export function periodOf(text: string, today: string): { from: string; to: string } {
  const wd = weekdayOf(today);
  const toSunday = (7 - wd) % 7;
  if (/周末|礼拜六|周六|周日|星期六|星期天|weekend/i.test(text)) {
    const sat = wd === 0 ? addDays(today, -1) : addDays(today, (6 - wd + 7) % 7);
    return { from: wd === 0 ? today : sat, to: addDays(sat, 1) };
  }
  if (/这周|本周|这个星期|this week/i.test(text)) return { from: today, to: addDays(today, toSunday) };
  if (/明天|tomorrow/i.test(text)) return { from: addDays(today, 1), to: addDays(today, 1) };
  if (/今天|today/i.test(text)) return { from: today, to: today };
  return { from: today, to: addDays(today, 7) };
}

type Period = 'weekend' | 'week' | 'tomorrow' | 'today' | 'soon';
const PERIOD_WORDS: Record<Period, RegExp> = {
  weekend: /周末|礼拜六|周六|周日|星期六|星期天|weekend/i,
  week: /这周|本周|这个星期|this week/i,
  tomorrow: /明天|tomorrow/i,
  today: /今天|today/i,
  soon: WHEN,
};
/** A word `periodOf` reads as each period. */
const PERIOD_NAME: Record<Period, string> = {
  weekend: '周末',
  week: '这周',
  tomorrow: '明天',
  today: '今天',
  soon: '',
};

/**
 * The answers, most specific first (the FAQ asks them in order and takes the first that matches; `answer` is not
 * handed the question, so each answer is one period, with or without the children's filter).
 */
export function calendarAnswers(service: ActivitiesService): LiveAnswer[] {
  const out: LiveAnswer[] = [];
  for (const children of [true, false])
    for (const period of Object.keys(PERIOD_WORDS) as Period[])
      out.push({
        key: `activities.${period}${children ? '.children' : ''}`,
        matches: (text) => ABOUT.test(text) && PERIOD_WORDS[period].test(text) && (!children || CHILDREN.test(text)),
        async answer(user, t, locale) {
          const today = service.todayDate();
          const { from, to } = periodOf(PERIOD_NAME[period], today);
          const entries = await service.between(user, from, to, { children });
          if (entries.length === 0) return { text: t('activities.calendar.noneInPeriod') };
          return calendarCard({ t, locale }, entries, 0);
        },
      });
  return out;
}
