import type { DemoFaqEntry } from './demo-entry';

/** 合伙人与志愿者: becoming a partner, joining a team. */
export const volunteer: DemoFaqEntry[] = [
  {
    key: 'partner-become',
    category: 'volunteer',
    zh: {
      question: '怎么成为社区合伙人？',
      phrasings: ['商家怎么和社区合作', '我们公司想参加社区公益', '什么是社区合伙人'],
      keywords: ['社区合伙人', '合作', '商家'],
      answer:
        '党员、商家、社工机构、高校志愿队、协会、物业都可以成为社区合伙人，比如乐乐超市。' +
        '请联系社区办公室商量合作方式，电话0731-0000-0000。',
    },
    en: {
      question: 'How can I become a community partner?',
      phrasings: [
        'Our company wants to work with the community',
        'What is a community partner',
        'Can my shop sponsor community projects',
      ],
      keywords: ['partner', 'business'],
      answer:
        'Party members, businesses (such as Lele Supermarket), social-work centres, university volunteer teams, ' +
        'associations and property managers can all be partners. Call the office to talk it over: 0731-0000-0000.',
    },
  },
  {
    key: 'volunteer-join',
    category: 'volunteer',
    zh: {
      question: '怎么当志愿者？',
      phrasings: ['我想做义工', '退休了想为社区出点力', '志愿者在哪里报名'],
      keywords: ['志愿者', '义工', '报名'],
      answer:
        '欢迎！到社区办公室或打电话0731-0000-0000报名，说说您有空的时间和会做什么。' +
        '社区有帮困服务队、便民服务队和公益联盟。',
    },
    en: {
      question: 'How do I become a volunteer?',
      phrasings: ['I want to volunteer', 'I am retired and want to help the community', 'Where do volunteers sign up'],
      keywords: ['volunteer', 'sign up'],
      answer:
        'Welcome! Sign up at the office or call 0731-0000-0000, and tell us when you are free and what you can do. ' +
        'There are three teams: hardship support, convenience services and the charity alliance.',
    },
  },
  {
    key: 'volunteer-teams',
    category: 'volunteer',
    zh: {
      question: '社区有哪些志愿服务队？',
      phrasings: ['帮困服务队是做什么的', '便民服务队和公益联盟有什么区别', '志愿队都干什么'],
      keywords: ['帮困服务队', '便民服务队', '公益联盟'],
      answer:
        '帮困服务队：看望、帮助困难居民；便民服务队：在市集等场合提供理发、维修等便民服务；公益联盟：' +
        '商家和单位一起办公益活动。',
    },
    en: {
      question: 'What volunteer teams are there?',
      phrasings: [
        'What does the hardship support team do',
        'What is the charity alliance',
        'What does the convenience service team do',
      ],
      keywords: ['teams', 'charity alliance'],
      answer:
        'Hardship support team: visits and helps residents in difficulty. ' +
        'Convenience service team: haircuts, repairs and other services at the market. ' +
        'Charity alliance: businesses and organisations running charity projects together.',
    },
  },
];
