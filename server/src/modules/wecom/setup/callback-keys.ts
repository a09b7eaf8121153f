// The callback Token and EncodingAESKey, generated for the owner as WeCom's own "随机获取" would: the Token letters
// and digits, at most 32 (we use all 32); the EncodingAESKey exactly 43 letters and digits (base64 text without the
// trailing "=", decoding to the 32-byte AES key). WeCom's console refuses anything else.
import { randomBytes } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** 62 × 4: bytes at or above it are dropped so that every character is equally likely */
const UNBIASED_BELOW = 248;

export function randomAlnum(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= UNBIASED_BELOW) continue;
      out += ALNUM[byte % ALNUM.length];
      if (out.length === length) break;
    }
  }
  return out;
}

export const generateCallbackKeys = () => ({ callbackToken: randomAlnum(32), encodingAesKey: randomAlnum(43) });
