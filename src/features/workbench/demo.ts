/** No demo data: the workbench shows the other areas' demo data. */
export const workbenchDemo = async (): Promise<string> => 'workbench: nothing to load';
