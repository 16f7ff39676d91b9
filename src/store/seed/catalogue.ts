import { CATEGORIES, CONDITIONS, type Category, type Condition } from '../../domain/listing.js';
import { compilePhrase, slotsOf, type PhraseTemplate } from './phraseTemplate.js';
import { WeightedTable } from './random.js';
import {
  CONDITION_PHRASES,
  LOGISTICS_SENTENCES,
  REASON_SENTENCES,
  SHARED_OPENERS,
  SHARED_POOLS,
  STATIC_SLOTS,
  VOCABULARY,
  type CategoryVocabulary,
  type ItemTemplate,
} from './vocabulary.js';

/**
 * The vocabulary made ready for drawing: phrases split into parts, weights
 * summed, names composed and every `{slot}` checked once at load. A typo in
 * a vocabulary file fails here, at import, instead of in listing 734,512.
 */

export interface CatalogueItem {
  readonly template: ItemTemplate;
  /** `{name}` for each model, in the order of `template.models`. */
  readonly names: readonly string[];
  /** `{item}` for each model: the name, with the type added when the name alone is only a material or style. */
  readonly prose: readonly string[];
  readonly title: PhraseTemplate | undefined;
  readonly details: readonly PhraseTemplate[];
  readonly attrs: Readonly<Record<string, readonly string[]>>;
}

export interface CatalogueCategory {
  readonly category: Category;
  readonly items: WeightedTable<CatalogueItem>;
  readonly titles: readonly PhraseTemplate[];
  readonly openers: readonly PhraseTemplate[];
  readonly sentences: readonly PhraseTemplate[];
  readonly conditionPhrases: Readonly<Record<Condition, readonly PhraseTemplate[]>>;
  readonly logistics: readonly PhraseTemplate[];
  readonly pools: Readonly<Record<string, readonly string[]>>;
}

export const REASONS: readonly PhraseTemplate[] = REASON_SENTENCES.map(compilePhrase);
const SHARED_LOGISTICS = LOGISTICS_SENTENCES.map(compilePhrase);
const SHARED_OPENER_PHRASES = SHARED_OPENERS.map(compilePhrase);
const NO_ATTRS: Readonly<Record<string, readonly string[]>> = {};

function itemName(vocab: CategoryVocabulary, brand: string, model: string): string {
  if (vocab.naming === 'work-by-author') return `${model} by ${brand}`;
  if (!brand) return model;
  return model ? `${brand} ${model}` : brand;
}

function compileCategory(vocab: CategoryVocabulary): CatalogueCategory {
  const items = vocab.items.map((template): readonly [CatalogueItem, number] => [
    {
      template,
      names: template.models.map((model) => itemName(vocab, template.brand, model)),
      prose: template.models.map((model) =>
        template.brand ? itemName(vocab, template.brand, model) : `${model} ${template.type}`,
      ),
      title: template.title === undefined ? undefined : compilePhrase(template.title),
      details: (template.details ?? []).map(compilePhrase),
      attrs: template.attrs ?? NO_ATTRS,
    },
    template.weight ?? 1,
  ]);
  const conditionPhrases = {} as Record<Condition, PhraseTemplate[]>;
  for (const condition of CONDITIONS) {
    const shared = vocab.sharedConditionPhrases === false ? [] : CONDITION_PHRASES[condition];
    conditionPhrases[condition] = [...(vocab.conditionNotes[condition] ?? []), ...shared].map(compilePhrase);
  }
  const own = vocab.openers.map(compilePhrase);
  return {
    category: vocab.category,
    items: new WeightedTable(items),
    titles: vocab.titles.map(compilePhrase),
    openers: vocab.sharedOpeners === false ? own : [...own, ...SHARED_OPENER_PHRASES],
    sentences: vocab.sentences.map(compilePhrase),
    conditionPhrases,
    logistics: vocab.logistics ? vocab.logistics.map(compilePhrase) : SHARED_LOGISTICS,
    pools: vocab.pools,
  };
}

/** Every slot that a phrase for this item could not fill, and other authoring mistakes, as readable lines. */
function problemsOf(cat: CatalogueCategory, item: CatalogueItem): string[] {
  const known = new Set<string>([
    ...STATIC_SLOTS,
    ...Object.keys(item.attrs),
    ...Object.keys(cat.pools),
    ...Object.keys(SHARED_POOLS),
  ]);
  const where = `${cat.category} / ${item.template.brand || '(unbranded)'} ${item.template.type}`;
  const problems: string[] = [];
  const phrases = [
    ...(item.title ? [item.title] : cat.titles),
    ...item.details,
    ...cat.openers,
    ...cat.sentences,
    ...CONDITIONS.flatMap((c) => cat.conditionPhrases[c]),
    ...REASONS,
    ...cat.logistics,
  ];
  for (const phrase of phrases) {
    for (const slot of slotsOf(phrase)) {
      const base = slot.replace(/\d+$/, '');
      if (!known.has(slot) && !known.has(base)) problems.push(`${where}: unknown slot {${slot}} in "${phrase.source}"`);
    }
  }
  for (const [slot, values] of Object.entries(item.attrs))
    if (values.length === 0) problems.push(`${where}: attribute ${slot} has no values`);
  const [min, max] = item.template.price;
  if (!(min >= 1 && max > min)) problems.push(`${where}: price range [${min}, ${max}] must satisfy 1 <= min < max`);
  if (item.template.models.length === 0) problems.push(`${where}: no models`);
  const years = item.template.years;
  if (years && years[0] > years[1]) problems.push(`${where}: years run backwards`);
  return problems;
}

/** Categories with seed vocabulary: a category added without any is never generated. */
const SEEDED_CATEGORIES = CATEGORIES.filter((c) => VOCABULARY[c] !== undefined);

function compileCatalogue(): Partial<Record<Category, CatalogueCategory>> {
  const catalogue: Partial<Record<Category, CatalogueCategory>> = {};
  const problems: string[] = [];
  for (const category of SEEDED_CATEGORIES) {
    const cat = compileCategory(VOCABULARY[category]!);
    for (const item of cat.items.items) problems.push(...problemsOf(cat, item));
    for (const [slot, values] of Object.entries(cat.pools))
      if (values.length === 0) problems.push(`${category}: pool ${slot} is empty`);
    for (const condition of CONDITIONS)
      if (cat.conditionPhrases[condition].length === 0)
        problems.push(`${category}: nothing describes the condition "${condition}"`);
    catalogue[category] = cat;
  }
  if (problems.length) throw new Error(`seed vocabulary has ${problems.length} problem(s):\n${problems.join('\n')}`);
  return catalogue;
}

const CATALOGUE: Readonly<Partial<Record<Category, CatalogueCategory>>> = compileCatalogue();

export const CATEGORY_TABLE = new WeightedTable(
  SEEDED_CATEGORIES.map((c) => [CATALOGUE[c]!, VOCABULARY[c]!.share] as const),
);

/** A category's compiled vocabulary; throws for a category that has none. */
export function catalogueCategory(category: Category): CatalogueCategory {
  const found = CATALOGUE[category];
  if (!found) throw new Error(`seed vocabulary has no category ${category}`);
  return found;
}

/** The catalogue item for a brand and type, for the fixed demo listings; throws if the vocabulary lost it. */
export function findItem(category: Category, brand: string, type: string): CatalogueItem {
  const found = catalogueCategory(category).items.items.find(
    (i) => i.template.brand === brand && i.template.type === type,
  );
  if (!found) throw new Error(`seed vocabulary has no ${brand} ${type} in ${category}`);
  return found;
}
