import type { Feature } from '../telegram/feature';
import { faqFeature } from './faq';
import { fundFeature } from './fund';
import { marketFeature } from './market';
import { createNoticesFeature } from './notices';
import { partnersFeature } from './partners';
import { petitionsFeature } from './petitions';
import { reliefFeature } from './relief';
import { residentsFeature } from './residents';

/** Installed in this order; the FAQ (which answers any free text) comes last. */
export const features: readonly Feature[] = [
  residentsFeature,
  createNoticesFeature(() => features),
  marketFeature,
  reliefFeature,
  petitionsFeature,
  fundFeature,
  partnersFeature,
  faqFeature,
];
