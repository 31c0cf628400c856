import type { DemoFaqEntry } from './demo-entry';

/** 安全: fire safety, hazards, emergencies. */
export const safety: DemoFaqEntry[] = [
  {
    key: 'fire-safety',
    category: 'safety',
    zh: {
      question: '家里怎么防火？',
      phrasings: ['消防安全要注意什么', '电动车能在楼道充电吗', '冬天用电要注意什么'],
      keywords: ['消防', '防火', '电动车', '楼道充电'],
      answer:
        '电动车不要推进楼道和家里充电，不要飞线充电；出门关火关电；楼道不堆杂物，消防通道保持畅通；' +
        '家里最好备一个灭火器。着火了马上打119。',
    },
    en: {
      question: 'How do I prevent fires at home?',
      phrasings: ['Fire safety tips', 'Can I charge my e-bike in the stairwell', 'How to stay safe from fire'],
      keywords: ['fire safety', 'e-bike'],
      answer:
        'Never charge e-bikes in the stairwell or at home, and no cables hanging from windows; ' +
        'turn off gas and power when you go out; keep stairwells and fire exits clear; keep an extinguisher at home. ' +
        'In a fire, call 119 at once.',
    },
  },
  {
    key: 'hazard-report',
    category: 'safety',
    zh: {
      question: '发现安全隐患怎么报告？',
      phrasings: ['楼道里堆满杂物找谁', '消防通道被堵了怎么反映', '看到有人飞线充电怎么办', '井盖坏了报给谁'],
      keywords: ['安全隐患', '消防通道', '报告'],
      answer: '在机器人里点"我要反映"，写清楚地点和情况，可以附照片。紧急危险请直接打119或110。',
    },
    en: {
      question: 'How do I report a safety hazard?',
      phrasings: [
        'The fire exit is blocked',
        'Someone is charging an e-bike with a cable from the window',
        'A manhole cover is broken',
      ],
      keywords: ['hazard', 'report'],
      answer:
        'Tap "Report a problem" in the bot, say where and what, and add a photo if you can. ' +
        'For immediate danger call 119 or 110.',
    },
  },
  {
    key: 'emergency',
    category: 'safety',
    zh: {
      question: '遇到紧急情况打什么电话？',
      phrasings: ['着火了打几号', '老人晕倒了怎么办', '报警电话是多少'],
      keywords: ['119', '110', '120', '急救'],
      answer: '火警打119，报警打110，急救打120。先打电话，再告诉社区。',
    },
    en: {
      question: 'What number do I call in an emergency?',
      phrasings: ['Fire emergency number', 'Someone collapsed, who do I call', 'Police number'],
      keywords: ['emergency', 'ambulance', 'police'],
      answer: 'Fire: 119. Police: 110. Ambulance: 120. Call first, then tell the community.',
    },
  },
];
