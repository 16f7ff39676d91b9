import { CATEGORIES, type Category } from '../../domain/listing.js';

/**
 * Item words per marketplace category. Plurals are matched automatically.
 * Multi-word entries win over their parts ("coffee machine" is not Furniture).
 * A category without words is still understood when named outright.
 */
const KEYWORDS: Partial<Record<Exclude<Category, 'Other'>, string[]>> = {
  Sports: [
    'bike',
    'bicycle',
    'fahrrad',
    'bicicleta',
    'velo',
    'vélo',
    'ebike',
    'e-bike',
    'mtb',
    'bmx',
    'helmet',
    'ski',
    'skis',
    'skiing',
    'snowboard',
    'surfboard',
    'skateboard',
    'longboard',
    'tennis',
    'racket',
    'racquet',
    'golf clubs',
    'golf bag',
    'golf balls',
    'football',
    'basketball',
    'dumbbell',
    'kettlebell',
    'treadmill',
    'exercise bike',
    'rowing machine',
    'yoga mat',
    'tent',
    'sleeping bag',
    'kayak',
    'canoe',
    'paddle board',
    'trek',
    'cannondale',
    'peloton',
    'wetsuit',
    'climbing',
    'rollerblades',
    'inline skates',
    'ice skates',
    'fishing rod',
    'weights',
    'boxing gloves',
    'cleats',
  ],
  Electronics: [
    'phone',
    'smartphone',
    'iphone',
    'android',
    'laptop',
    'macbook',
    'computer',
    'pc',
    'monitor',
    'tablet',
    'ipad',
    'kindle',
    'e-reader',
    'headphones',
    'headphone',
    'headset',
    'earbuds',
    'airpods',
    'camera',
    'lens',
    'dslr',
    'gopro',
    'console',
    'playstation',
    'ps4',
    'ps5',
    'xbox',
    'nintendo',
    'nintendo switch',
    'tv',
    'television',
    'speaker',
    'soundbar',
    'drone',
    'smartwatch',
    'apple watch',
    'keyboard',
    'mouse',
    'printer',
    'router',
    'graphics card',
    'gpu',
    'projector',
    'amplifier',
    'turntable',
    'record player',
    'hifi',
    'hi-fi',
    'charger',
    'power bank',
    'smart speaker',
    'vr headset',
    // Brands: only decide when no item word follows them (the head noun wins).
    'samsung',
    'galaxy',
    'pixel',
    'sony',
    'nikon',
    'canon',
    'bose',
    'sonos',
    'huawei',
    'xiaomi',
    'oneplus',
    'dell',
    'lenovo',
    'asus',
    'acer',
    'garmin',
    'fitbit',
  ],
  Furniture: [
    'sofa',
    'couch',
    'seater',
    'table',
    'desk',
    'shelf',
    'shelves',
    'shelving',
    'bookcase',
    'bookshelf',
    'chair',
    'armchair',
    'stool',
    'bed',
    'bed frame',
    'mattress',
    'wardrobe',
    'dresser',
    'chest of drawers',
    'drawers',
    'cabinet',
    'sideboard',
    'ottoman',
    'bench',
    'cupboard',
    'nightstand',
    'bedside table',
    'futon',
    'kallax',
    'tv stand',
    'recliner',
    'crib',
    'cot',
  ],
  Clothing: [
    // Brands: the head noun still wins ("Nike football" is Sports).
    'nike',
    'adidas',
    'puma',
    'zara',
    'uniqlo',
    'levis',
    "levi's",
    'jacket',
    'coat',
    'shoes',
    'shoe',
    'sneakers',
    'trainers',
    'boots',
    'dress',
    'jeans',
    'shirt',
    't-shirt',
    'tshirt',
    'hoodie',
    'sweater',
    'jumper',
    'pullover',
    'cardigan',
    'skirt',
    'trousers',
    'pants',
    'shorts',
    'suit',
    'blazer',
    'scarf',
    'hat',
    'cap',
    'handbag',
    'purse',
    'sandals',
    'heels',
    'gloves',
    'parka',
    'raincoat',
    'vest',
    'blouse',
    'leggings',
    'clothes',
  ],
  Vehicles: [
    'volkswagen',
    'vw',
    'ford',
    'honda',
    'hyundai',
    'kia',
    'nissan',
    'mazda',
    'volvo',
    'citroen',
    'dacia',
    'suzuki',
    'kawasaki',
    'ducati',
    'porsche',
    'jeep',
    'subaru',
    'motorrad',
    'audi',
    'bmw',
    'toyota',
    'opel',
    'renault',
    'peugeot',
    'mercedes',
    'skoda',
    'fiat',
    'tesla',
    'vespa',
    'car',
    'van',
    'truck',
    'scooter',
    'e-scooter',
    'motorbike',
    'motorcycle',
    'moped',
    'trailer',
    'camper',
    'campervan',
    'caravan',
    'quad',
    'tyres',
    'tires',
  ],
  Books: [
    'book',
    'novel',
    'textbook',
    'comic',
    'comics',
    'manga',
    'cookbook',
    'encyclopedia',
    'paperback',
    'hardcover',
    'hardback',
    'audiobook',
    'atlas',
    'dictionary',
    'trilogy',
    'anthology',
    'biography',
    'memoir',
  ],
  'Home & Garden': [
    'drill',
    'grill',
    'bbq',
    'barbecue',
    'plant',
    'lamp',
    'floor lamp',
    'lawn mower',
    'lawnmower',
    'mower',
    'vacuum',
    'vacuum cleaner',
    'hoover',
    'kettle',
    'coffee machine',
    'espresso machine',
    'coffee maker',
    'toaster',
    'microwave',
    'blender',
    'mixer',
    'fridge',
    'freezer',
    'washing machine',
    'machine à laver',
    'waschmaschine',
    'lavadora',
    'dishwasher',
    'dryer',
    'oven',
    'stove',
    'hob',
    'cooker',
    'rug',
    'carpet',
    'curtains',
    'mirror',
    'toolbox',
    'tools',
    'ladder',
    'hose',
    'planter',
    'flower pot',
    'cushion',
    'duvet',
    'heater',
    'fan',
    'air purifier',
    'dehumidifier',
    'thermomix',
    'pressure washer',
    'bosch',
    'makita',
    'dewalt',
    'weber',
    'chainsaw',
    'circular saw',
    'hedge trimmer',
    'wheelbarrow',
    'parasol',
    'garden furniture',
  ],
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const MATCHERS: Array<{ category: Category; keyword: string; re: RegExp }> = Object.entries(KEYWORDS).flatMap(
  ([category, words = []]) =>
    words.map((keyword) => ({
      category: category as Category,
      keyword,
      re: new RegExp(`(?<!\\w)${escape(keyword)}(?:e?s)?(?!\\w)`, 'gi'),
    })),
);

/**
 * Item words that name a brand or a product line rather than a kind of item: a number right after
 * one is a model ("iPhone 13", "Fiat 500", "Xbox 360"), while after a kind of item ("kids bike 40")
 * it is more likely the price.
 */
const BRANDS = new Set(
  (
    'trek cannondale peloton iphone android macbook ipad kindle airpods gopro playstation ps4 ps5 xbox nintendo ' +
    'samsung galaxy pixel sony nikon canon bose sonos huawei xiaomi oneplus dell lenovo asus acer garmin fitbit ' +
    'kallax nike adidas puma zara uniqlo levis volkswagen vw ford honda hyundai kia nissan mazda volvo citroen ' +
    'dacia suzuki kawasaki ducati porsche jeep subaru motorrad audi bmw toyota opel renault peugeot mercedes skoda ' +
    'fiat tesla vespa bosch makita dewalt weber thermomix'
  ).split(' '),
);

/** Whether an item word names a kind of item ("bike", "sofa"), not a brand or product line ("iPhone", "Fiat"). */
export const namesAKindOfItem = (keyword: string): boolean =>
  !BRANDS.has(keyword.toLowerCase()) && !/^(?:nintendo switch|apple watch|levi's)$/i.test(keyword);

export interface KeywordHit {
  category: Category;
  keyword: string;
  start: number;
  end: number;
}

/** Every item word in the text, in order of position (longest first at a tie). */
export function keywordHits(text: string): KeywordHit[] {
  const hits: KeywordHit[] = [];
  for (const { category, keyword, re } of MATCHERS) {
    for (const m of text.matchAll(re)) hits.push({ category, keyword, start: m.index, end: m.index + m[0].length });
  }
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The category of an item phrase: the LAST item word decides, because in
 * English the head noun comes last ("bike helmet" is a helmet, "book shelf" a
 * shelf). Falls back to the first item word anywhere in the wider text.
 */
export function categoryOf(phrase: string, widerText = ''): Category {
  const inPhrase = keywordHits(phrase);
  if (inPhrase.length) {
    // The hit that ends last; among hits ending together, the longest ("coffee table" over "table").
    const head = inPhrase.reduce((best, h) =>
      h.end > best.end || (h.end === best.end && h.start < best.start) ? h : best,
    );
    return head.category;
  }
  return keywordHits(widerText)[0]?.category ?? 'Other';
}

export function mentionsItem(text: string): boolean {
  return keywordHits(text).length > 0;
}

/** A marketplace category named outright ("Furniture", "home and garden", "sport"). */
export function namedCategory(text: string): Category | undefined {
  const t = text.toLowerCase();
  if (/\bhome\s*(?:&|and)\s*garden\b/.test(t)) return 'Home & Garden';
  const aliases: Record<string, Category> = {
    electronics: 'Electronics',
    electronic: 'Electronics',
    furniture: 'Furniture',
    clothing: 'Clothing',
    clothes: 'Clothing',
    vehicles: 'Vehicles',
    vehicle: 'Vehicles',
    sports: 'Sports',
    sport: 'Sports',
    books: 'Books',
    book: 'Books',
    other: 'Other',
  };
  const m = /\b(electronics?|furniture|clothing|clothes|vehicles?|sports?|books?|other)\b/.exec(t);
  return m ? aliases[m[1]] : undefined;
}

/** A category spelled as the marketplace spells it, whatever the case; undefined if not one. */
export function canonicalCategory(value: string): Category | undefined {
  const lower = value.trim().toLowerCase();
  return (
    CATEGORIES.find((c) => c.toLowerCase() === lower) ??
    (/^home\s*(?:&|and)\s*garden$/.test(lower) ? 'Home & Garden' : undefined)
  );
}

/** Every single word of the item vocabulary, lowercase: what a seller's typo is corrected against. */
export function itemVocabulary(): string[] {
  const words = Object.values(KEYWORDS).flatMap((list = []) => list.flatMap((k) => k.split(/\s+/)));
  return [...new Set(words.map((w) => w.toLowerCase()))];
}
