import { z } from 'zod';
import { defineFlow } from '../../identity';

/** Loading a file: which table, then the file (checked), then the confirmation (the file read again and applied). */
export const importFlow = defineFlow(
  'workbench.import',
  ['upload', 'confirm'],
  z.object({ key: z.string(), fileId: z.string().optional(), fileName: z.string().optional() }),
);
