/**
 * One demo answer in one language; the Chinese and English versions of a question share its key. An answer names a
 * button in straight double quotes exactly as it is labelled in that language, without its emoji ("Market day");
 * any other name takes curly quotes (“代表·局长面对面”). test/features/faq/button-names.test.ts holds them to it.
 */
export interface DemoFaqText {
  question: string;
  phrasings: string[];
  keywords: string[];
  answer: string;
}

export interface DemoFaqEntry {
  key: string;
  category: string;
  zh: DemoFaqText;
  en: DemoFaqText;
}
