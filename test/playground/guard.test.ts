import { describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config';
import { playgroundRefusal } from '../../src/playground/guard';

// `npm start` without BOT_TOKEN runs the playground, where anyone at the page acts as the admin persona (issue 14
// item 6): on a machine that looks like a deployment it refuses, in one line, and says what to do.
const refusal = (env: Record<string, string>) => playgroundRefusal(env, createConfig(env));

describe('the playground on a machine that looks like a deployment', () => {
  it('starts on a developer machine with nothing set', () => {
    expect(refusal({})).toBeNull();
  });

  it('refuses with NODE_ENV=production, naming it and the way out', () => {
    const why = refusal({ NODE_ENV: 'production' });
    expect(why).toMatch(/BOT_TOKEN is empty but NODE_ENV=production is set/);
    expect(why).toMatch(/Set BOT_TOKEN to run the bot, or unset NODE_ENV=production/);
    expect(why).not.toContain('\n');
  });

  it('refuses when a deployment database or admins are configured, naming both', () => {
    expect(refusal({ DATABASE_PATH: '/var/lib/linli/linli.db', ADMIN_IDS: '42' })).toMatch(
      /but DATABASE_PATH, ADMIN_IDS are set/,
    );
  });

  it('answers beyond loopback only when PLAYGROUND_PUBLIC=1 says it is meant', () => {
    expect(refusal({ PLAYGROUND_HOST: '0.0.0.0' })).toMatch(
      /PLAYGROUND_HOST=0.0.0.0 would let anyone .* PLAYGROUND_PUBLIC=1/,
    );
    expect(refusal({ PLAYGROUND_HOST: '0.0.0.0', PLAYGROUND_PUBLIC: '1' })).toBeNull();
  });
});
