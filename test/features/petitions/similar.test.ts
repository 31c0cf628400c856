import { describe, expect, it } from 'vitest';
import type { Draft } from '../../../src/features/petitions/service/filing';
import { CHEN, culvert, DAY, DEPUTY, deputy, LI, petitions, platform, useWorld, when, XIAO } from './world';

// Which open petitions a resident typing a description is offered as "the same problem?" (service.test.ts has the
// words, the spot nearby, their own and co-signed ones). These hold the rest of the search: its age, its community,
// every open status and none closed, the best three first.

useWorld();

const neighbourDraft = (over: Partial<Draft> = {}) => ({
  category: 'roads' as const,
  place: '肖明组涵洞',
  description: '涵洞又淹了，上班过不去',
  latitude: null,
  longitude: null,
  ...over,
});
const offered = async (userId: number, over: Partial<Draft> = {}) =>
  (await petitions.similar(userId, neighbourDraft(over))).map((s) => s.petition.id);

describe('which petitions are offered as the same problem', () => {
  it('one filed years ago and still open is offered; one since resolved, or unresolvable, is not', async () => {
    const old = await petitions.file(XIAO, culvert);
    const resolved = await petitions.file(XIAO, { ...culvert, description: `${culvert.description}（二）` });
    const unresolvable = await petitions.file(XIAO, { ...culvert, description: `${culvert.description}（三）` });
    when(DAY);
    await petitions.setStatus(deputy(DEPUTY), resolved.id, { status: 'resolved', note: '已疏通' });
    await petitions.setStatus(deputy(DEPUTY), unresolvable.id, { status: 'unresolvable', note: '铁路产权' });
    when(3 * 365 * DAY);
    expect(await offered(CHEN)).toEqual([old.id]);
  });

  it('every open stage is offered: accepted, investigating, transferred to a department, reopened', async () => {
    const p = await petitions.file(XIAO, culvert);
    when(1);
    await petitions.acknowledge(deputy(DEPUTY), p.id);
    expect(await offered(CHEN)).toEqual([p.id]);
    await petitions.setStatus(deputy(DEPUTY), p.id, { status: 'investigating' });
    expect(await offered(CHEN)).toEqual([p.id]);
    const water = (await petitions.departments()).find((d) => d.nameZh === '水务局')!.id;
    await petitions.setStatus(deputy(DEPUTY), p.id, { status: 'transferred', departmentId: water });
    expect(await offered(CHEN)).toEqual([p.id]);
    when(2 * DAY);
    await petitions.setStatus(deputy(DEPUTY), p.id, { status: 'resolved', note: '已疏通' });
    expect(await offered(CHEN)).toEqual([]);
    when(3 * DAY);
    await petitions.giveFeedback(p.id, XIAO, 'no');
    expect(await offered(CHEN)).toEqual([p.id]);
  });

  it('a petition of another community is not offered, however alike, nor is one of another category', async () => {
    const theirs = await petitions.file(LI, { ...culvert, place: '肖明组涵洞', description: '涵洞又淹了，上班过不去' });
    expect(await offered(CHEN)).toEqual([]);
    expect(await offered(CHEN, { category: 'noise' })).toEqual([]);
    const ours = await petitions.file(XIAO, culvert);
    expect(await offered(CHEN)).toEqual([ours.id]);
    // and the other way round: LI, in the other community, is not offered XIAO's (nor, of course, their own)
    expect(await offered(LI)).toEqual([]);
    expect(theirs.communityId).not.toBe(ours.communityId);
  });

  it('a resident with no home yet is offered only petitions filed by others with no home', async () => {
    await platform.identity.touch({ id: 104, first_name: '新来的' });
    await platform.identity.touch({ id: 105, first_name: '也是新来的' });
    const homeless = await petitions.file(104, { ...culvert, photos: [] });
    expect(homeless.communityId).toBeNull();
    const ours = await petitions.file(XIAO, culvert);
    expect(await offered(105)).toEqual([homeless.id]);
    expect(await offered(CHEN)).toEqual([ours.id]);
  });

  it('the three most alike come first, best first', async () => {
    const words = [
      '涵洞积水过不去',
      '涵洞又淹了，上班过不去',
      '下雨涵洞积水，上班要绕路',
      '涵洞下雨积水，电动车过不去，上班要绕很远的路',
    ];
    const filed = [];
    for (const [i, description] of words.entries()) {
      when(i * DAY);
      filed.push(await petitions.file(XIAO, { ...culvert, latitude: null, longitude: null, description }));
    }
    const found = await petitions.similar(CHEN, neighbourDraft());
    expect(found).toHaveLength(3);
    expect(found[0]!.petition.id).toBe(filed[1]!.id);
    const scores = found.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const ids = found.map((s) => s.petition.id);
    expect(new Set(ids).size).toBe(3);
    // what the card shows comes with each: the place, the words and the stage
    expect(found[0]!.petition).toMatchObject({ place: culvert.place, description: words[1], status: 'submitted' });
  });
});
