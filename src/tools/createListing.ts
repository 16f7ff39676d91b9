import { z } from 'zod';
import { CATEGORIES, ConditionSchema, formatEur, type Category } from '../domain/listing.js';
import { defineTool } from './toolSpec.js';
import { PriceArgument } from './argumentSchemas.js';
import { summarizeListing } from './listingView.js';
import { cleanLine, cleanText } from '../shared/readableText.js';

/** Photos one listing may show. */
export const MAX_LISTING_PHOTOS = 8;

export const CreateListingParams = z.object({
  // Cleaned before they are judged: the seller confirms, and the listing shows, what a reader sees.
  title: z.string().overwrite(cleanLine).trim().min(3).max(120),
  description: z.string().overwrite(cleanText).trim().min(10).max(4000),
  // Free text, not an enum: a category outside the list reaches the policy, whose refusal names the list.
  category: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .describe(`One of: ${CATEGORIES.join(', ')}`),
  price: PriceArgument,
  condition: ConditionSchema,
  photoIds: z
    .array(z.string().regex(/^img_[0-9a-f]{32}$/, 'must be a photo id (img_…) the seller sent'))
    .max(MAX_LISTING_PHOTOS)
    .nullable()
    .optional()
    .describe('Ids of photos the seller sent in this conversation (named in the photo notes), to show on the listing'),
});
export type CreateListingArgs = z.infer<typeof CreateListingParams>;

export const createListing = defineTool({
  name: 'createListing',
  effect: 'write',
  description:
    'Post a new listing for the current seller. Always waits for the seller to confirm the exact title, description, category, condition and price (EUR) before anything is posted.',
  parameters: CreateListingParams,
  progress: 'Preparing your listing for confirmation…',
  facts: async ({ title, description, category, price, photoIds }, store) => ({
    category,
    price,
    text: `${title} ${description}`,
    // Whose photos these are: the policy refuses another seller's before the seller is asked to confirm.
    photos: await Promise.all(
      [...new Set(photoIds ?? [])].map(async (id) => ({ id, sellerId: (await store.images.get(id))?.sellerId })),
    ),
  }),
  summarize: ({ title, description, category, condition, price, photoIds }) => {
    // By code point, so an emoji at the cut is not split into half a character.
    const chars = [...description];
    const excerpt = chars.length > 160 ? `${chars.slice(0, 157).join('')}…` : description;
    const n = new Set(photoIds ?? []).size;
    const photos = n ? ` with ${n} photo${n === 1 ? '' : 's'}` : '';
    return `Post a new listing "${title}"${photos} in ${category} (condition: ${condition}) for ${formatEur(price)}. Description: ${excerpt}`;
  },
  run: async (args, { store, context }) => {
    const photoIds = [...new Set(args.photoIds ?? [])];
    // Only the seller's own photos: another seller's id (or none at all) never reaches a listing.
    for (const id of photoIds) {
      const image = await store.images.get(id);
      if (image?.sellerId !== context.sellerId)
        return {
          ok: false,
          error: 'invalid_arguments',
          issues: [`photoIds: ${id} is not a photo this seller sent`],
          message: 'Use only the ids of photos the seller sent in this conversation.',
        };
    }
    const created = await store.listings.insert({
      photoIds,
      sellerId: context.sellerId,
      title: args.title,
      description: args.description,
      // The policy gate has already refused any category outside the list.
      category: args.category as Category,
      price: args.price,
      condition: args.condition,
    });
    return { ok: true, created: summarizeListing(created) };
  },
});
