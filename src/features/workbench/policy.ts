import { MAX_UPLOAD_BYTES } from '../../telegram/files';

/** The workbench's rules. */
export const workbenchPolicy = {
  /** Months offered when a report or an export asks for one: this one and the eleven before. */
  monthsOffered: 12,
  /** Problems listed in one message; the count says how many more there are. */
  problemsShown: 30,
  maxUploadBytes: MAX_UPLOAD_BYTES,
} as const;
