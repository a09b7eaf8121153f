// A customer's 微信客服 conversation as staff see it: what they wrote or sent (pictures, voice notes, files,
// locations, mini-program cards) and what the bot answered.
import { z } from 'zod';

export const KF_MEDIA_KINDS = ['image', 'voice', 'video', 'file'] as const;
export type KfMediaKind = (typeof KF_MEDIA_KINDS)[number];

export const kfMediaDtoSchema = z
  .object({
    kind: z.enum(KF_MEDIA_KINDS),
    /** stored: ours to show; failed: WeCom would not hand it over (see note); pending: not fetched yet */
    status: z.enum(['stored', 'failed', 'pending']),
    /** for staff, in Chinese: why it cannot be shown, or how to play it */
    note: z.string().optional(),
    /** shown in the page (a picture) or played (a voice note as WAV); a signed link, valid for a while */
    viewUrl: z.string().optional(),
    /** the file as the customer sent it (a voice note: AMR, which browsers do not play) */
    downloadUrl: z.string().optional(),
    contentType: z.string().optional(),
    size: z.number().int().nonnegative().optional(),
  })
  .strict();

export const kfMessageDtoSchema = z
  .object({
    id: z.string(),
    direction: z.enum(['in', 'out']),
    /** WeCom's msgtype: text, image, voice, video, file, location, miniprogram, link, business_card ... */
    msgtype: z.string(),
    /** the words, or for other kinds a short label ([语音] …) */
    text: z.string(),
    sentAt: z.string(),
    media: kfMediaDtoSchema.optional(),
    location: z
      .object({
        name: z.string().optional(),
        address: z.string().optional(),
        latitude: z.number(),
        longitude: z.number(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type KfMessageDto = z.infer<typeof kfMessageDtoSchema>;

export const kfConversationDtoSchema = z.object({ messages: z.array(kfMessageDtoSchema) }).strict();
export type KfConversationDto = z.infer<typeof kfConversationDtoSchema>;

/** A signed media link's parameters: which rendering, until when (epoch seconds), and the signature. */
export const kfMediaLinkQuerySchema = z
  .object({
    v: z.enum(['original', 'playable']).default('original'),
    e: z.coerce.number().int().positive(),
    s: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/),
  })
  .strict();

export const kfMediaParamsSchema = z
  .object({
    merchantId: z.string().regex(/^[0-9a-f]{24}$/),
    messageId: z.string().regex(/^[0-9a-f]{24}$/),
  })
  .strict();
export type KfMediaDto = z.infer<typeof kfMediaDtoSchema>;
