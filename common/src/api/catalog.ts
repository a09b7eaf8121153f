// A product's photo: managers and owners upload one (JPG, PNG or WebP, up to 500KB, sent as base64 in JSON like the
// spreadsheet import), the catalogue and the editor show it through a signed link (an <img> cannot send the
// session), and it can be removed. The limits and their messages are here so the console checks before sending.
import { z } from 'zod';
import { idParamsSchema, objectIdSchema } from '../schemas/common.js';
import { productDtoSchema } from '../schemas/knowledge-item.js';
import { defineEndpoint } from './contract.js';

export const PRODUCT_PHOTO_MAX_BYTES = 500 * 1024;
export const PRODUCT_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_TOO_BIG = '照片太大了：不能超过 500KB，请压缩或截图后再传';
export const PHOTO_WRONG_TYPE = '只能上传 JPG、PNG 或 WebP 格式的照片';

/** base64 is 4 characters per 3 bytes */
const MAX_BASE64 = Math.ceil(PRODUCT_PHOTO_MAX_BYTES / 3) * 4;

export const productPhotoUploadSchema = z
  .object({
    /** the file's bytes in base64 (a data: URL's prefix is accepted); what they are is read from the bytes */
    data: z
      .string()
      .min(1, '请选择一张照片')
      .max(MAX_BASE64 + 40, PHOTO_TOO_BIG),
  })
  .strict();

/** Replaces the product's photo; answers the product with its new photoUrl. Another merchant's product is 404. */
export const uploadProductPhoto = defineEndpoint({
  method: 'PUT',
  path: '/knowledge/products/:id/photo',
  params: idParamsSchema,
  request: productPhotoUploadSchema,
  response: productDtoSchema,
});

export const removeProductPhoto = defineEndpoint({
  method: 'DELETE',
  path: '/knowledge/products/:id/photo',
  params: idParamsSchema,
  response: productDtoSchema,
});

/**
 * The photo itself, behind the link the product carries (signed for that merchant, product and photo; expires). A
 * bad, expired or foreign link is 404.
 */
export const productPhotoFile = defineEndpoint({
  method: 'GET',
  path: '/product-photos/:merchantId/:productId',
  params: z.object({ merchantId: objectIdSchema, productId: objectIdSchema }).strict(),
  request: z
    .object({
      /** the photo's version (its upload time): a new photo is a new link */
      t: z.coerce.number().int().min(0),
      e: z.coerce.number().int().min(0),
      s: z.string().max(64),
    })
    .strict(),
  response: z.unknown(),
});
