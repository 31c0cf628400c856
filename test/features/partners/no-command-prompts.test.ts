import { describe, expect, it } from 'vitest';
import { LOCALES, loadResources } from '../../../src/i18n';

// Issue 13 item 12: "发送 /shifts" after approval. Every place in the FAQ and partners areas that sent people to
// type a command now offers a button (commands stay as shortcuts, listed by /help from their descriptions).

const SEND_A_COMMAND = /(发送|输入|打|send|type)\s*\/[a-z]/i;

function strings(node: unknown, path: string, out: [string, string][]) {
  if (typeof node === 'string') out.push([path, node]);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) strings(v, path ? `${path}.${k}` : k, out);
  return out;
}

describe('the FAQ and partners areas', () => {
  it('never tell anyone to send a command: they offer a button', () => {
    const resources = loadResources();
    const prompts = LOCALES.flatMap((lng) =>
      (['faq', 'partners'] as const).flatMap((area) =>
        strings(resources[lng]?.translation[area], `${lng}:${area}`, []).filter(([, s]) => SEND_A_COMMAND.test(s)),
      ),
    );
    expect(prompts).toEqual([]);
  });
});
