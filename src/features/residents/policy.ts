import { z } from 'zod';
import { defineSetting } from '../../settings';

/** The sub-district's own name, asked when it is set up in the chat. */
export const subdistrictName = defineSetting('deployment.name', z.string().trim().min(1).max(40), () => '');

/** The residents area's rules: what is kept of a shared phone number, how long names are, how people are listed. */
export const residentsPolicy = {
  /** Digits and a leading +; anything longer is not a phone number Telegram would send. */
  phoneMaxLength: 20,
  /** A community's or compound's name, in either language (the places file has the same limit). */
  placeNameMax: 40,
  subdistrictNameMax: 40,
  addressMax: 100,
  /** People shown on one page of the admin's list, and the most a search returns (narrow it to see others). */
  peoplePerPage: 8,
  searchLimit: 200,
  placesPerPage: 10,
} as const;

/** A contact card as Telegram sends it, reduced to what is stored. */
export const normalisePhone = (raw: string) => raw.replace(/[^\d+]/g, '').slice(0, residentsPolicy.phoneMaxLength);

/** The last four digits of a phone number: what the admin's list shows of it. */
export const phoneTail = (phone: string | null) => (phone ? phone.replace(/\D/g, '').slice(-4) : null);
