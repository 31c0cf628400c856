/** No demo data: the playground shows the alarm as soon as anyone types a danger. */
export const safetyDemo = async (): Promise<string> => 'safety: nothing to load (type 着火了 to see the alarm)';
