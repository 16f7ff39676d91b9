import { z } from 'zod';
import { CATEGORIES, ConditionSchema, formatEur, type Category } from '../domain/listing.js';
import { defineTool } from './toolSpec.js';
import { PriceArgument } from './argumentSchemas.js';
import { summarizeListing } from './listingView.js';

export const CreateListingParams = z.object({
  title: z.string().trim().min(3).max(120),
  description: z.string().trim().min(10).max(4000),
  // Free text, not an enum: a category outside the list reaches the policy, whose refusal names the list.
  category: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .describe(`One of: ${CATEGORIES.join(', ')}`),
  price: PriceArgument,
  condition: ConditionSchema,
});
export type CreateListingArgs = z.infer<typeof CreateListingParams>;

export const createListing = defineTool({
  name: 'createListing',
  effect: 'write',
  description:
    'Post a new listing for the current seller. Always waits for the seller to confirm the exact title, description, category, condition and price (EUR) before anything is posted.',
  parameters: CreateListingParams,
  progress: 'Preparing your listing for confirmation…',
  facts: ({ title, description, category, price }) => ({ category, price, text: `${title} ${description}` }),
  summarize: ({ title, description, category, condition, price }) => {
    const excerpt = description.length > 160 ? `${description.slice(0, 157)}…` : description;
    return `Post a new listing "${title}" in ${category} (condition: ${condition}) for ${formatEur(price)}. Description: ${excerpt}`;
  },
  run: async (args, { store, context }) => {
    const created = await store.listings.insert({
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
