import { describe, expect, it } from 'vitest';
import { findPersonalData, maskPersonalData } from '../../server/src/shared/personal-data.js';

describe('masking personal data in public text', () => {
  it.each([
    ['gọi tôi 0912 345 678, CCCD 079123456789', 'gọi tôi 09xx xxx 678, CCCD xxxxxxxxx789'],
    ['SĐT: 0912.345.678', 'SĐT: 09xx.xxx.678'],
    ['liên hệ 0912-345-678 nhé', 'liên hệ 09xx-xxx-678 nhé'],
    ['số máy 0912345678 2 lần không ai nghe', 'số máy 09xxxxx678 2 lần không ai nghe'],
    ['+84 912 345 678', '+84 9xx xxx 678'],
    ['điện thoại bàn 0263 3822 123', 'điện thoại bàn 02xx xxxx 123'],
    ['căn cước 079 123 456 789', 'căn cước xxx xxx xxx 789'],
    ['CMND số 123456789 cấp năm 2010', 'CMND số xxxxxx789 cấp năm 2010'],
    ['STK 0123456789 Vietcombank', 'STK xxxxxxx789 Vietcombank'],
    ['số tài khoản: 1903 4567 8901 23 Techcombank', 'số tài khoản: xxxx xxxx xxx1 23 Techcombank'],
    ['chuyển vào 1234567890123 giúp', 'chuyển vào xxxxxxxxxx123 giúp'],
    ['email nguyenvana@gmail.com hoặc a.b@xa.lamha.gov.vn', 'email n***@gmail.com hoặc a***@xa.lamha.gov.vn'],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it.each([
    'Tổng kinh phí 4.377.500.000 đồng, dân góp 2.000.000đ mỗi hộ',
    'Kinh phí 4377500000 đồng',
    'Gọi tổng đài 1900 1234 hoặc 1800 599 920',
    'Ngày 12/05/2025 lúc 17:00, số nhà 125 đường 3/2',
    'Diện tích 12000000 m2 đất rừng',
    'Năm 2023 có 44 mô hình, 42 được công nhận',
    'Mã theo dõi ABCD1234EFGH5678',
    'Đường ĐT 725 km 12+300',
  ])('leaves "%s" as it is', (text) => {
    expect(findPersonalData(text)).toEqual([]);
    expect(maskPersonalData(text)).toBe(text);
  });

  it('says what it found, in order', () => {
    expect(findPersonalData('a@b.vn 0912345678 079123456789').map((match) => match.kind)).toEqual([
      'EMAIL',
      'PHONE',
      'CITIZEN_ID',
    ]);
  });
});
