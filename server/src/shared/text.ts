/**
 * Folds Vietnamese text for search: NFC-insensitive, lower case, tone marks and vowel marks
 * removed, đ → d. "Đền bù giải phóng mặt bằng" and "den bu giai phong mat bang" fold the same.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
