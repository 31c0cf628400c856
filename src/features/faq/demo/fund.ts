import type { DemoFaqEntry } from './demo-entry';

/** 社区公益基金: what it is, ways to give, the accounts. */
export const fund: DemoFaqEntry[] = [
  {
    key: 'fund-what',
    category: 'fund',
    zh: {
      question: '社区公益基金是什么？',
      phrasings: ['社区基金是怎么来的', '公益基金什么时候成立的', '社区基金有多少钱'],
      keywords: ['社区公益基金', '基金'],
      answer:
        '社区公益基金2024年7月4日成立，由25家单位和个人发起，首批筹集100500元，用来帮扶困难居民、办社区公益。' +
        '到现在基金自己还挣了4222元。',
    },
    en: {
      question: 'What is the community fund?',
      phrasings: [
        'When was the community fund set up',
        'How much money does the fund have',
        'Who started the community fund',
      ],
      keywords: ['community fund', 'charity fund'],
      answer:
        'The community charity fund was founded on 4 July 2024 by 25 organisations and individuals with 100,500 ' +
        'yuan, to help residents in need and run community projects. It has raised 4,222 yuan itself so far.',
    },
  },
  {
    key: 'fund-donate',
    category: 'fund',
    zh: {
      question: '怎么给社区基金捐款？',
      phrasings: ['我想捐钱给社区', '捐款去哪里捐', '怎么献爱心'],
      keywords: ['捐款', '捐钱', '捐赠'],
      answer: '请到社区办公室当面捐款，工作人员会开收据、记账。机器人不收钱，也不会让您在网上付款。',
    },
    en: {
      question: 'How do I donate to the community fund?',
      phrasings: [
        'I want to give money to the community',
        'Where can I make a donation',
        'How can I contribute money to the fund',
      ],
      keywords: ['donate', 'donation'],
      answer:
        'Please donate in person at the community office; staff give you a receipt and record it. ' +
        'The bot never takes money and never asks you to pay online.',
    },
  },
  {
    key: 'fund-online',
    category: 'fund',
    zh: {
      question: '可以在网上或微信转账捐款吗？',
      phrasings: ['机器人能付款吗', '能扫码捐钱吗', '有人让我转账给社区基金是真的吗'],
      keywords: ['网上捐款', '转账', '扫码'],
      answer:
        '不可以。机器人不收任何款项，捐款只在社区办公室当面办理。有人以社区名义让您转账，请不要转，' +
        '打110或社区电话核实。',
    },
    en: {
      question: 'Can I donate online or by transfer?',
      phrasings: [
        'Can I pay through the bot',
        'Someone asked me to transfer money to the fund, is it real',
        'Can I donate with WeChat or Alipay',
      ],
      keywords: ['online', 'transfer', 'scam'],
      answer:
        'No. The bot takes no payments; donations are only made in person at the office. ' +
        "If someone asks you to transfer money in the community's name, do not pay; call 110 or the office to check.",
    },
  },
  {
    key: 'fund-types',
    category: 'fund',
    zh: {
      question: '捐款有哪几种方式？',
      phrasings: ['定向捐是什么意思', '消费捐怎么捐', '服务捐是什么'],
      keywords: ['定向捐', '消费捐', '月月捐', '服务捐'],
      answer:
        '有四种：定向捐，指定帮某个人或某件事；消费捐，在合作商家消费，商家拿出一部分捐给基金；' +
        '月月捐，每个月固定捐一点；服务捐，不捐钱，捐时间和手艺。',
    },
    en: {
      question: 'What kinds of donation are there?',
      phrasings: [
        'What is a directed donation',
        'What is a service donation',
        'What ways are there to give to the fund',
      ],
      keywords: ['directed', 'consumption', 'monthly', 'service donation'],
      answer:
        'Four kinds: directed (for a named person or project); consumption-linked (a partner shop gives part of what ' +
        'you spend); monthly (a fixed small amount each month); and in service (you give time and skills instead of ' +
        'money).',
    },
  },
  {
    key: 'fund-monthly',
    category: 'fund',
    zh: {
      question: '怎么参加月月捐？',
      phrasings: ['每个月捐一点可以吗', '月月捐最少捐多少', '想每月固定捐钱'],
      keywords: ['月月捐', '每月'],
      answer: '到社区办公室登记月月捐，金额自己定，多少都是心意。登记后每个月到办公室交就行。',
    },
    en: {
      question: 'How do I give monthly?',
      phrasings: [
        'Can I donate a little every month',
        'What is the minimum monthly donation',
        'I want to donate a fixed amount each month',
      ],
      keywords: ['monthly donation'],
      answer:
        'Sign up for monthly giving at the community office. You choose the amount; every bit counts. ' +
        'Then bring it to the office each month.',
    },
  },
  {
    key: 'fund-accounts',
    category: 'fund',
    zh: {
      question: '基金的钱用在哪里了？',
      phrasings: ['社区基金的账能查吗', '捐的钱去哪了', '基金现在还有多少钱'],
      keywords: ['账目', '公开', '余额'],
      answer: '基金的每笔收支都记账公开。在机器人里点"社区基金"，可以看到收入、支出和余额。',
    },
    en: {
      question: 'How is the fund money spent?',
      phrasings: ['Can I see the fund accounts', 'Where did my donation go', 'Is the fund transparent'],
      keywords: ['accounts', 'spending', 'balance'],
      answer:
        'Every income and expense of the fund is recorded openly. Tap "Community fund" in the bot to see income, ' +
        'spending and the balance.',
    },
  },
];
