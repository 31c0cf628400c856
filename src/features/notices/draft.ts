import { randomBytes } from 'node:crypto';
import type { Entity, OutContent } from '../../outbox/service';

/** What a staff member wrote, before it has an audience: kept in the compose flow between steps. */
export interface Draft {
  /** A one-time key: the preview's buttons carry it, so an old preview can never send a newer draft. */
  key: string;
  text: string;
  entities: Entity[];
  /** Telegram file_id of the photo, when the notice is a photo with a caption. */
  photo: string | null;
}

export const newDraftKey = () => randomBytes(6).toString('base64url');

/** Keeps the formatting a staff member typed; drops entities another chat's context gives meaning to. */
export function keepEntities(entities: readonly Entity[] | undefined): Entity[] {
  // text_mention needs the user object and custom emoji need a Fragment username: Telegram would refuse both.
  return (entities ?? [])
    .filter((e) => e.type !== 'text_mention' && e.type !== 'custom_emoji')
    .map((e) => ({
      type: e.type,
      offset: e.offset,
      length: e.length,
      ...(e.url ? { url: e.url } : {}),
      ...(e.language ? { language: e.language } : {}),
    }));
}

/** The outbox content of a draft: staff-written text goes as written, its formatting as entities. */
export function contentOf(d: Pick<Draft, 'text' | 'entities' | 'photo'>): OutContent {
  return {
    text: d.text,
    ...(d.entities.length ? { entities: d.entities } : {}),
    ...(d.photo ? { photo: d.photo } : {}),
  };
}
