import { describe, expect, it } from 'vitest';
import { personalDetails } from '../../../src/features/faq/personal-details';

const asker = (firstName: string, lastName: string | null = null, username: string | null = null) => ({
  firstName,
  lastName,
  username,
});

describe('personal details in an answer about to become a common question', () => {
  it("point out the resident's own name first, then phone numbers and the door number", () => {
    const text = '有问题打13812345678。王阿姨您好，医保卡丢了带身份证来补办。您家3栋2单元502室我们可以上门。';
    expect(personalDetails(text, asker('王阿姨'))).toEqual([
      { kind: 'residentName', text: '王阿姨' },
      { kind: 'phone', text: '13812345678' },
      { kind: 'address', text: '3栋2单元502室' },
    ]);
  });

  it('know the resident by surname and courtesy title, and other people by theirs', () => {
    expect(personalDetails('王奶奶您好，请找李师傅。', asker('秀英', '王'))).toEqual([
      { kind: 'residentName', text: '王奶奶' },
      { kind: 'name', text: '李师傅' },
    ]);
    expect(personalDetails('Hi Tom, come back tomorrow to Room 203.', asker('Tom'))).toEqual([
      { kind: 'residentName', text: 'Tom' },
      { kind: 'address', text: 'Room 203' },
    ]);
  });

  it('find land lines and ID numbers, and leave dates, floors and everyday words alone', () => {
    expect(personalDetails('办公室电话 0731-2222-3333，身份证号 430203199001011234。').map((d) => d.kind)).toEqual([
      'phone',
      'idNumber',
    ]);
    expect(personalDetails('每月5号上午9点到11点半领取，办公室在二楼。小区里的老年人小时候都来过。')).toEqual([]);
    expect(personalDetails('Come back tomorrow.', asker('Tom'))).toEqual([]);
  });
});
