import type { DemoFaqEntry } from './demo-entry';

/** 向人大代表反映: telling deputies, following up, co-signing, meetings. */
export const petitions: DemoFaqEntry[] = [
  {
    key: 'petition-how',
    category: 'petitions',
    zh: {
      question: '怎么向人大代表反映问题？',
      phrasings: ['我想找人大代表', '小区的问题找谁反映', '有问题怎么投诉'],
      keywords: ['人大代表', '反映', '我要反映'],
      answer:
        '在机器人里点"我要反映"，写下问题和地点，可以附照片。提交后会转给您所在片区的人大代表，' +
        '之后每一步进展都会通知您。',
    },
    en: {
      question: 'How do I raise a problem with our deputy?',
      phrasings: [
        "I want to contact a people's congress deputy",
        'How do I make a complaint',
        'Who do I tell about a problem in my compound',
      ],
      keywords: ['deputy', 'petition', 'complaint'],
      answer:
        'Tap "Report a problem" in the bot, describe the problem and the place, and add a photo if you like. ' +
        'It goes to the deputy for your area, and you are told about every step.',
    },
  },
  {
    key: 'petition-follow',
    category: 'petitions',
    zh: {
      question: '反映的问题有人管吗？',
      phrasings: ['我反映的事处理到哪一步了', '代表什么时候回复', '怎么查反映的进度'],
      keywords: ['进度', '回复', '处理结果'],
      answer:
        '有。代表收到后会确认，处理中的每一步和最后的答复都会在机器人里通知您。' +
        '在"我的反映"里也能看到您提过的问题和进度。',
    },
    en: {
      question: 'What happens after I report a problem?',
      phrasings: [
        'How do I check the status of my petition',
        'When will the deputy reply',
        'Has anyone handled my complaint',
      ],
      keywords: ['status', 'reply', 'progress'],
      answer:
        'The deputy acknowledges it, and every step and the final reply are sent to you in the bot. ' +
        '"My reports" lists your petitions and their progress.',
    },
  },
  {
    key: 'petition-cosign',
    category: 'petitions',
    zh: {
      question: '别人反映的问题我也遇到了，能附议吗？',
      phrasings: ['可以联名反映吗', '怎么支持邻居的反映', '大家一起反映怎么弄'],
      keywords: ['附议', '联名'],
      answer: '可以。在机器人里打开这条反映，点"联名"就行。联名的人越多，代表越清楚问题有多普遍。',
    },
    en: {
      question: 'Can I support a petition someone else made?',
      phrasings: [
        'Can I co-sign a petition',
        'How do neighbours report a problem together',
        'My neighbour reported the same problem, can I join',
      ],
      keywords: ['co-sign', 'support'],
      answer:
        'Yes. Open the petition in the bot and tap "Co-sign". The more people co-sign, ' +
        'the clearer it is to the deputy how widespread the problem is.',
    },
  },
  {
    key: 'deputies-meeting',
    category: 'petitions',
    zh: {
      question: '什么是代表·局长面对面？',
      phrasings: ['人大代表和局长见面是怎么回事', '代表反映上去的问题怎么解决', '肖明组涵洞的事有人管吗'],
      keywords: ['代表局长面对面', '局长', '涵洞'],
      answer:
        '代表把大家反映的问题带到“代表·局长面对面”，和相关部门负责人当面商量办法，再把结果告诉大家。' +
        '比如肖明组涵洞一下雨就积水，影响每天1000多人出行，就是这样提上去的。',
    },
    en: {
      question: 'What is the deputies and bureau chiefs meeting?',
      phrasings: [
        'How do deputies get problems solved',
        'Is anyone dealing with the flooded culvert at Xiaoming',
        'Do deputies meet the officials',
      ],
      keywords: ['face to face', 'bureau chief', 'culvert'],
      answer:
        "Deputies take residents' problems to “Deputies meet bureau chiefs face to face”, " +
        'agree what to do with the officials in charge, and report back. ' +
        'The Xiaoming culvert, which floods whenever it rains and cuts the commute of over 1,000 people a day, ' +
        'was raised this way.',
    },
  },
];
