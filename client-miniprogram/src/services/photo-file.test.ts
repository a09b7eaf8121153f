import { PHOTO_TOO_BIG, PHOTO_WRONG_TYPE } from '@xiaoer/common/api/catalog';
import { describe, expect, it } from 'vitest';
import { photoProblem } from './photo-file';

describe('a picked product photo', () => {
  it('is checked before sending: a JPG, PNG or WebP up to 500KB', () => {
    expect(photoProblem({ name: 'cake.jpg', size: 200_000, type: 'image/jpeg' })).toBeNull();
    expect(photoProblem({ name: 'wxfile://tmp_abc.PNG', size: 100 })).toBeNull();
    expect(photoProblem({ name: 'cake.jpg', size: 600 * 1024, type: 'image/jpeg' })).toBe(PHOTO_TOO_BIG);
    expect(photoProblem({ name: 'menu.pdf', size: 1000, type: 'application/pdf' })).toBe(PHOTO_WRONG_TYPE);
    expect(photoProblem({ name: 'IMG_0001.HEIC', size: 1000 })).toBe(PHOTO_WRONG_TYPE);
  });
});
