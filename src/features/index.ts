import type { Feature } from '../telegram/feature';
import { residentsFeature } from './residents';

/** Installed in this order; the FAQ (which answers any free text) comes last. */
export const features: readonly Feature[] = [residentsFeature];
