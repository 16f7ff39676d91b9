import type { Condition } from '../../../domain/listing.js';

/**
 * Words and sentences every category draws on: colours, materials, where to
 * pick things up, why people sell, and how they describe wear. Category files
 * add their own on top; a slot resolves to the item's own choices first, then
 * the category's pools, then these.
 */

export const COLOURS = [
  'black', 'white', 'grey', 'anthracite', 'silver', 'space grey', 'graphite', 'charcoal', 'navy', 'dark blue',
  'light blue', 'sky blue', 'petrol blue', 'teal', 'turquoise', 'mint green', 'sage green', 'olive', 'forest green',
  'bottle green', 'khaki', 'beige', 'sand', 'cream', 'off-white', 'ivory', 'taupe', 'brown', 'chocolate brown',
  'cognac', 'tan', 'camel', 'burgundy', 'bordeaux', 'red', 'cherry red', 'coral', 'orange', 'rust', 'terracotta',
  'mustard yellow', 'yellow', 'lemon', 'pink', 'dusty pink', 'blush', 'lilac', 'lavender', 'purple', 'plum',
  'gold', 'rose gold', 'copper', 'bronze', 'matte black', 'glossy white', 'two-tone', 'multicoloured',
] as const;

export const MATERIALS = [
  'solid oak', 'oiled oak', 'white oak', 'smoked oak', 'walnut', 'teak', 'beech', 'birch plywood', 'pine', 'ash',
  'cherry wood', 'mango wood', 'acacia', 'bamboo', 'rattan', 'wicker', 'seagrass', 'leather', 'aniline leather',
  'faux leather', 'suede', 'linen', 'cotton', 'organic cotton', 'wool', 'merino wool', 'cashmere', 'velvet',
  'corduroy', 'bouclé', 'jute', 'aluminium', 'brushed steel', 'stainless steel', 'powder-coated steel',
  'cast iron', 'brass', 'chrome', 'glass', 'smoked glass', 'marble', 'travertine', 'terrazzo', 'concrete',
  'ceramic', 'stoneware', 'porcelain', 'carbon', 'titanium', 'polypropylene', 'MDF with oak veneer',
] as const;

/** Real European cities, some with a district, for pickup and meeting points. */
export const CITIES = [
  'Berlin', 'Berlin-Kreuzberg', 'Berlin-Neukölln', 'Berlin-Pankow', 'Prenzlauer Berg', 'Hamburg', 'Hamburg-Altona',
  'Hamburg-Eimsbüttel', 'Munich', 'Munich-Schwabing', 'Cologne', 'Cologne-Ehrenfeld', 'Frankfurt am Main',
  'Frankfurt-Sachsenhausen', 'Stuttgart', 'Düsseldorf', 'Leipzig', 'Dresden', 'Hanover', 'Nuremberg', 'Bremen',
  'Essen', 'Dortmund', 'Bonn', 'Münster', 'Freiburg', 'Heidelberg', 'Mannheim', 'Karlsruhe', 'Augsburg', 'Kiel',
  'Lübeck', 'Rostock', 'Potsdam', 'Mainz', 'Wiesbaden', 'Regensburg', 'Würzburg', 'Göttingen', 'Aachen',
  'Amsterdam', 'Amsterdam-Noord', 'Amsterdam De Pijp', 'Rotterdam', 'Utrecht', 'The Hague', 'Eindhoven',
  'Groningen', 'Leiden', 'Haarlem', 'Nijmegen', 'Delft', 'Maastricht', 'Arnhem', 'Brussels', 'Brussels-Ixelles',
  'Antwerp', 'Ghent', 'Bruges', 'Leuven', 'Liège', 'Namur', 'Luxembourg City', 'Paris', 'Paris 11e', 'Paris 15e',
  'Montreuil', 'Lyon', 'Lyon Croix-Rousse', 'Marseille', 'Toulouse', 'Bordeaux', 'Lille', 'Nantes', 'Strasbourg',
  'Montpellier', 'Rennes', 'Grenoble', 'Nice', 'Annecy', 'Dijon', 'Tours', 'Angers', 'Madrid', 'Madrid Malasaña',
  'Madrid Chamberí', 'Barcelona', 'Barcelona Gràcia', 'Barcelona Eixample', 'Valencia', 'Seville', 'Málaga',
  'Bilbao', 'San Sebastián', 'Zaragoza', 'Granada', 'Palma de Mallorca', 'Alicante', 'Lisbon', 'Lisbon Alfama',
  'Porto', 'Braga', 'Coimbra', 'Faro', 'Rome', 'Rome Trastevere', 'Milan', 'Milan Navigli', 'Turin', 'Bologna',
  'Florence', 'Naples', 'Genoa', 'Verona', 'Padua', 'Venice Mestre', 'Bergamo', 'Trieste', 'Vienna',
  'Vienna Leopoldstadt', 'Vienna Neubau', 'Graz', 'Linz', 'Salzburg', 'Innsbruck', 'Zurich', 'Zurich Oerlikon',
  'Geneva', 'Basel', 'Bern', 'Lausanne', 'Lucerne', 'Copenhagen', 'Copenhagen Vesterbro', 'Frederiksberg',
  'Aarhus', 'Odense', 'Aalborg', 'Stockholm', 'Stockholm Södermalm', 'Gothenburg', 'Malmö', 'Uppsala', 'Lund',
  'Oslo', 'Oslo Grünerløkka', 'Bergen', 'Trondheim', 'Stavanger', 'Helsinki', 'Helsinki Kallio', 'Espoo',
  'Tampere', 'Turku', 'Dublin', 'Dublin Rathmines', 'Cork', 'Galway', 'Limerick', 'Warsaw', 'Warsaw Mokotów',
  'Kraków', 'Wrocław', 'Gdańsk', 'Poznań', 'Łódź', 'Prague', 'Prague Vinohrady', 'Brno', 'Bratislava', 'Budapest',
  'Budapest District VII', 'Ljubljana', 'Zagreb', 'Split', 'Tallinn', 'Riga', 'Vilnius', 'Athens', 'Thessaloniki',
  'Nicosia', 'Valletta', 'Bucharest', 'Cluj-Napoca', 'Sofia',
] as const;

export const COUNTRIES = [
  'Germany', 'the Netherlands', 'Belgium', 'France', 'Spain', 'Portugal', 'Italy', 'Austria', 'Switzerland',
  'Denmark', 'Sweden', 'Norway', 'Finland', 'Ireland', 'Poland', 'Czechia', 'Slovakia', 'Hungary', 'Slovenia',
  'Croatia', 'Estonia', 'Latvia', 'Lithuania', 'Luxembourg', 'Greece', 'Romania',
] as const;

export const SELLING_REASONS = [
  'I am moving abroad', 'we are moving to a smaller flat', 'I upgraded to a newer model', 'it no longer fits our interior',
  'the kids have outgrown it', 'I received a second one as a gift', 'I simply do not use it enough',
  'we are clearing out the storage room', 'I changed hobbies', 'I bought the wrong size', 'we are downsizing',
  'I am relocating for work', 'my partner and I merged households, so we have two', 'it was an impulse buy',
  'I need the space for a home office', 'we are renovating and changing the style', 'I am emigrating next month',
  'the new flat has no room for it', 'I switched systems', 'it is surplus to requirements after a move',
  'we are expecting a baby and need the room', 'I inherited a better one', 'the lease on our flat ends soon',
  'my back no longer lets me use it', 'I am consolidating my collection', 'I replaced it with a lighter one',
  'we redecorated the living room', 'it has been sitting unused in the cellar', 'I am going travelling for a year',
] as const;

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export const SHARED_POOLS: Readonly<Record<string, readonly string[]>> = {
  colour: COLOURS,
  material: MATERIALS,
  city: CITIES,
  country: COUNTRIES,
  reason: SELLING_REASONS,
  month: MONTH_NAMES,
  months: ['two', 'three', 'four', 'six', 'eight', 'ten', 'twelve', 'eighteen', 'twenty-four', 'thirty'],
  times: ['a handful of', 'three or four', 'maybe ten', 'a couple of dozen', 'two', 'five or six'],
  weekday: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  room: ['living room', 'bedroom', 'guest room', 'home office', 'hallway', 'attic', 'basement', 'garage', 'kitchen', 'study'],
  payment: ['cash', 'bank transfer', 'PayPal', 'instant transfer', 'cash or bank transfer', 'cash or PayPal', 'a payment app'],
  carrier: ['DHL', 'DPD', 'GLS', 'Hermes', 'PostNL', 'bpost', 'La Poste', 'Correos', 'PostNord', 'Österreichische Post', 'UPS', 'Packlink'],
};

/** Opening sentences that work for anything. */
export const SHARED_OPENERS = [
  'Selling my {item}.',
  'For sale: {name} {type}.',
  'Up for grabs is my trusty {item}.',
  'Offering my {name} {type}, bought in {boughtYear}.',
  'Time to let go of this {name} {type}.',
  'My {item} deserves a new owner.',
  'Private sale: {name} {type}.',
  'Here is my {name} {type}, looking for a new home.',
  'Reluctantly selling our {item}.',
  'You are looking at my {name} {type}, from a careful first owner.',
  'Decluttering, so my {item} has to go.',
  'Listing my {name} {type}, purchased new in {boughtYear}.',
] as const;

/** How sellers describe wear, by condition; category notes are mixed in with these. */
export const CONDITION_PHRASES: Readonly<Record<Condition, readonly string[]>> = {
  new: [
    'Brand new and unused, still in the original packaging.',
    'Never used: it was an unwanted gift and the box is still sealed.',
    'New, unopened, with the receipt from {boughtYear}.',
    'Bought new and never taken out of the box.',
    'Unused, with all tags and the original paperwork.',
    'Still sealed; the shop would not take it back after the return window.',
  ],
  'like new': [
    'Used only {times} times and in as-new condition.',
    'Practically new: no scratches, no marks, nothing to mention.',
    'Like new, kept in a smoke-free and pet-free home.',
    'Barely used and always stored carefully in its box.',
    'In excellent condition, you would struggle to tell it apart from new.',
    'Hardly used; it spent most of its life in the {room}.',
  ],
  good: [
    'In good condition with normal signs of use.',
    'A few light scratches that do not affect anything.',
    'Well looked after, with the usual marks you would expect from regular use.',
    'Good working order; some cosmetic wear, see the photos.',
    'Used for about {months} months and still in good shape.',
    'Clean and fully working, with minor wear here and there.',
  ],
  fair: [
    'Clearly used, with scuffs and scratches, but everything works.',
    'Fair condition: it shows its age but does its job.',
    'Some visible wear and a small dent; priced accordingly.',
    'Cosmetically tired, functionally fine.',
    'It has had a busy life and looks it, but nothing is broken.',
    'A project for someone handy: works, yet could use some love.',
  ],
  'for parts': [
    'Sold as defective, for parts or repair only.',
    'Not working; ideal for spare parts or a repair project.',
    'Faulty, sold as seen with no returns.',
    'For parts: I have not been able to fix it myself.',
    'Broken, but most parts are fine and worth salvaging.',
  ],
};

export const REASON_SENTENCES = [
  'Selling because {reason}.',
  'Only selling because {reason}.',
  'The reason for selling: {reason}.',
  'It has to go because {reason}.',
  'Sadly, {reason}, hence the sale.',
] as const;

/** How to get it: pickup sentences suit anything a person can carry or drive away. */
export const PICKUP_SENTENCES = [
  'Pickup in {city}, {payment} on collection.',
  'Collection from {city}; {payment} preferred.',
  'Can be viewed and collected in {city} on weekday evenings or at the weekend.',
  'I can meet halfway between {city} and {city2}.',
  'Located in {city}; I work from home most days, so pickup is flexible.',
  'Available for pickup in {city} from {weekday} onwards.',
  'Collection only, from the ground floor in {city}.',
  'Pickup in {city}; the price is slightly negotiable for a quick sale.',
  'Viewing welcome in {city}; no holds, first come first served.',
  'Pickup in {city}; I can help carry it to your car.',
  'Can deliver within {city} for a small fee.',
  'Pickup near the central station in {city}.',
] as const;

/** Only for things that fit in a parcel. */
export const SHIPPING_SENTENCES = [
  'Happy to ship within {country} at the buyer’s cost.',
  'Pickup in {city} or shipping with {carrier}; payment by {payment}.',
  'Shipping with {carrier}, tracked and insured, or pickup in {city}.',
  'Can post it anywhere in the EU; pickup in {city} also possible.',
] as const;

export const LOGISTICS_SENTENCES = [...PICKUP_SENTENCES, ...SHIPPING_SENTENCES] as const;
