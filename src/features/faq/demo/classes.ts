import type { DemoFaqEntry } from './demo-entry';

/** 讲座与课堂: talks and weekend classes. */
export const classes: DemoFaqEntry[] = [
  {
    key: 'talks-legal',
    category: 'classes',
    zh: {
      question: '社区有法律讲座吗？',
      phrasings: ['普法讲座什么时候办', '法律援助讲座在哪里听', '有没有讲法律知识的课'],
      keywords: ['法律讲座', '普法', '法律援助讲座'],
      answer: '社区不定期办法律援助讲座，讲赡养、遗产、防诈骗这些大家关心的事，免费参加。时间地点会在机器人里通知。',
    },
    en: {
      question: 'Are there talks about the law?',
      phrasings: ['When is the next legal talk', 'Legal aid lecture schedule', 'Is there a lecture on legal rights'],
      keywords: ['legal talk', 'lecture'],
      answer:
        'The community holds free legal-aid talks from time to time, on things like caring for parents, ' +
        'inheritance and scams. Dates and places are announced in the bot.',
    },
  },
  {
    key: 'talks-mental',
    category: 'classes',
    zh: {
      question: '有心理健康讲座吗？',
      phrasings: ['心情不好可以找谁聊聊', '社区有心理咨询吗', '老是睡不着心里烦怎么办'],
      keywords: ['心理健康', '心理咨询', '情绪'],
      answer:
        '社区不定期办心理健康讲座，时间看机器人里的通知。心里难受想找人说说，可以联系社区办公室，' +
        '工作人员会帮您联系专业的人。有危险请马上打110或120。',
    },
    en: {
      question: 'Are there mental health talks?',
      phrasings: [
        'I feel low, who can I talk to',
        'Is there counselling in the community',
        'I cannot sleep and feel anxious',
      ],
      keywords: ['mental health', 'counselling'],
      answer:
        'The community holds mental-health talks from time to time; see the notices in the bot. ' +
        'If you are struggling and want to talk, contact the office and staff will put you in touch with a ' +
        'professional. If anyone is in danger, call 110 or 120 now.',
    },
  },
  {
    key: 'kids-classes',
    category: 'classes',
    zh: {
      question: '周末有给小孩上的课吗？',
      phrasings: ['社区有儿童兴趣班吗', '孩子周末可以去哪里学习', '周末课堂怎么报名'],
      keywords: ['周末课堂', '儿童', '孩子', '兴趣班'],
      answer:
        '有。社区周末给孩子办公益课堂，志愿者辅导作业、带兴趣活动，免费参加。' +
        '安排和报名看机器人里的通知，或问社区办公室。',
    },
    en: {
      question: 'Are there weekend classes for children?',
      phrasings: [
        'What can kids do at the weekend',
        'How do I sign my child up for the weekend class',
        'Is there a homework club for kids',
      ],
      keywords: ['weekend class', 'children'],
      answer:
        'Yes. Free weekend classes for children, with volunteers helping with homework and hobbies. ' +
        'See the notices in the bot or ask the office to sign up.',
    },
  },
];
