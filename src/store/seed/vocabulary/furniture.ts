import { PICKUP_SENTENCES } from './shared.js';
import { item, type CategoryVocabulary } from './types.js';

/** IKEA staples, design classics and unbranded pieces described by what they are made of. */

const IKEA_WHITE = ['white', 'black-brown', 'oak effect', 'white stained oak', 'birch effect'];
const SOFA_COLOURS = [
  'light grey',
  'dark grey',
  'beige',
  'olive green',
  'navy blue',
  'rust',
  'mustard',
  'cream',
  'charcoal',
  'dusty pink',
  'forest green',
  'sand',
];
const BED_SIZES = ['90x200 cm', '140x200 cm', '160x200 cm', '180x200 cm'];
const TABLE_SIZES = ['120x80 cm', '140x90 cm', '160x90 cm', '180x90 cm', '200x100 cm', 'Ø 110 cm', 'Ø 120 cm'];
const FLATPACK_DETAILS = [
  'Dimensions: {dims}.',
  'Already taken apart, with all screws and the assembly instructions.',
  'Still assembled; I can help take it apart before pickup.',
  'Fits in an estate car once disassembled.',
];
const SOLID_DETAILS = [
  'Dimensions: {dims}.',
  'Solid and heavy, you will need two people and a van.',
  'Sturdy, no wobble at all.',
  'The wood has a lovely patina.',
];
const UPHOLSTERY_DETAILS = [
  'Covers are removable and were washed last {month}.',
  'Cushions still firm, no sagging.',
  'Upholstery professionally cleaned before listing.',
  'Fabric has no stains or tears.',
];

export const furniture: CategoryVocabulary = {
  category: 'Furniture',
  share: 13,
  titles: [
    '{name} {type}',
    '{name} {type} – {conditionWord}',
    '{name} {type} ({conditionWord})',
    '{name} {type}, pickup {city}',
  ],
  logistics: [
    ...PICKUP_SENTENCES,
    'Pickup from {city}; bring a van or a large estate car.',
    'I can deliver within {city} with a van for a small fee.',
    'Collection from a third-floor flat in {city}, no lift; please bring a helper.',
  ],
  items: [
    // IKEA: the bulk of second-hand furniture in every European city
    item('IKEA', 'bookcase', [10, 70], ['Billy'], {
      title: '{name} {type} {dims}, {colour}',
      attrs: { dims: ['80x28x202 cm', '40x28x202 cm', '80x28x106 cm', '80x28x237 cm'], colour: IKEA_WHITE },
      details: FLATPACK_DETAILS,
      weight: 4,
    }),
    item('IKEA', 'shelf', [10, 110], ['Kallax'], {
      title: '{name} {type} {grid} {colour}',
      attrs: {
        grid: ['1x4', '2x2', '2x4', '4x4', '5x5'],
        colour: ['white', 'black-brown', 'white stained oak effect', 'high-gloss white'],
        dims: ['77x39 cm', '77x147 cm', '147x147 cm', '182x182 cm'],
      },
      details: ['Inserts with doors and drawers included.', 'Four storage boxes included.', ...FLATPACK_DETAILS],
      weight: 4,
    }),
    item('IKEA', 'chest of drawers', [15, 160], ['Malm'], {
      title: '{name} {type}, {drawers} drawers, {colour}',
      attrs: { drawers: ['3', '4', '6'], colour: IKEA_WHITE, dims: ['80x48x78 cm', '80x48x100 cm', '160x48x78 cm'] },
      details: ['Anti-tip wall fixing included.', ...FLATPACK_DETAILS],
      weight: 3,
    }),
    item('IKEA', 'bed frame', [30, 250], ['Malm', 'Hemnes', 'Brimnes', 'Tarva', 'Songesand', 'Nordli', 'Neiden'], {
      title: '{name} {type} {dims}, {colour}',
      attrs: { dims: BED_SIZES, colour: IKEA_WHITE },
      details: ['Slatted base included, mattress not included.', ...FLATPACK_DETAILS],
      weight: 3,
    }),
    item('IKEA', 'chest of drawers', [30, 220], ['Hemnes', 'Tarva', 'Songesand', 'Koppang'], {
      title: '{name} {type}, {colour}',
      attrs: {
        colour: ['white stain', 'black-brown', 'light brown', 'pine'],
        dims: ['108x50x96 cm', '79x40x92 cm', '160x50x95 cm'],
      },
      details: FLATPACK_DETAILS,
      weight: 2,
    }),
    item('IKEA', 'wardrobe', [60, 500], ['Pax', 'Pax with Hasvik sliding doors', 'Brimnes', 'Kleppstad'], {
      title: '{name} {type} {dims}, {colour}',
      attrs: { dims: ['100x58x201 cm', '150x66x236 cm', '200x58x236 cm', '250x66x201 cm'], colour: IKEA_WHITE },
      details: ['Interior fittings, rails and drawers included.', ...FLATPACK_DETAILS],
      weight: 3,
    }),
    item('IKEA', 'armchair', [15, 120], ['Poäng'], {
      title: '{name} {type}, {colour} cushion',
      attrs: { colour: ['beige', 'black', 'dark grey', 'natural', 'blue'], dims: ['68x82x100 cm'] },
      details: ['Matching footstool can be added for 20 euros.', ...UPHOLSTERY_DETAILS],
      weight: 2,
    }),
    item('IKEA', 'sofa', [60, 450], ['Ektorp', 'Klippan', 'Kivik', 'Glostad', 'Vimle', 'Finnala', 'Uppland'], {
      title: '{name} {seats} {type}, {colour}',
      attrs: {
        seats: ['2-seat', '3-seat', 'corner', '4-seat'],
        colour: SOFA_COLOURS,
        dims: ['179x88 cm', '218x88 cm', '228x95 cm', '280x210 cm'],
      },
      details: UPHOLSTERY_DETAILS,
      weight: 3,
    }),
    item('IKEA', 'sofa bed', [90, 500], ['Friheten', 'Hyltarp', 'Holmsund'], {
      title: '{name} corner {type} with storage, {colour}',
      attrs: { colour: ['dark grey', 'beige', 'blue'], dims: ['230x151 cm', '140x204 cm sleeping area'] },
      details: ['Easy to pull out; guests love it.', ...UPHOLSTERY_DETAILS],
    }),
    item('IKEA', 'sofa', [150, 900], ['Söderhamn', 'Stockholm 2017'], {
      title: '{name} {type}, {colour}',
      attrs: { colour: SOFA_COLOURS, dims: ['198x99 cm', '211x93 cm'] },
      details: UPHOLSTERY_DETAILS,
    }),
    item('IKEA', 'coffee table', [5, 35], ['Lack'], {
      title: '{name} {type} {dims}, {colour}',
      attrs: { dims: ['90x55 cm', '118x78 cm', '55x55 cm'], colour: ['white', 'black-brown', 'oak effect'] },
      weight: 2,
    }),
    item('IKEA', 'drawer unit', [15, 90], ['Alex', 'Helmer', 'Micke'], {
      title: '{name} {type}, {colour}',
      attrs: { colour: ['white', 'grey-turquoise', 'black-brown', 'red'] },
      details: ['Fits neatly under a desk.'],
    }),
    item('IKEA', 'sideboard', [100, 600], ['Stockholm', 'Hemnes', 'Stockholm 2017', 'Bestå with Lappviken doors'], {
      attrs: { dims: ['160x40x84 cm', '157x88 cm', '180x42x74 cm'] },
      details: FLATPACK_DETAILS,
    }),
    item(
      'IKEA',
      'dining table',
      [30, 300],
      ['Ingatorp', 'Norden', 'Lisabo', 'Ekedalen', 'Mörbylånga', 'Lerhamn', 'Melltorp'],
      {
        title: '{name} {type} {dims}',
        attrs: { dims: TABLE_SIZES },
        details: ['Extends easily for dinner parties.', ...FLATPACK_DETAILS],
        weight: 3,
      },
    ),
    item('IKEA', 'office chair', [30, 180], ['Markus', 'Järvfjället', 'Millberget', 'Flintan'], {
      details: ['Height and tilt adjustments work perfectly.', 'Comfortable for long days at the desk.'],
      weight: 2,
    }),
    item('IKEA', 'desk', [30, 250], ['Bekant', 'Micke', 'Alex', 'Linnmon', 'Hemnes'], {
      title: '{name} {type} {dims}, {colour}',
      attrs: {
        dims: ['120x60 cm', '140x60 cm', '160x80 cm', '105x50 cm'],
        colour: ['white', 'black-brown', 'oak veneer'],
      },
      details: FLATPACK_DETAILS,
      weight: 2,
    }),
    item('IKEA', 'sit/stand desk', [150, 550], ['Idåsen', 'Bekant', 'Trotten'], {
      title: '{name} {type} {dims}',
      attrs: { dims: ['120x70 cm', '160x80 cm', '140x80 cm'] },
      details: ['Electric motor is quiet and smooth.', ...FLATPACK_DETAILS],
    }),
    item('IKEA', 'shelving unit', [15, 120], ['Ivar', 'Hejne', 'Omar', 'Albert'], {
      title: '{name} {type} {dims}',
      attrs: { dims: ['89x30x179 cm', '134x30x179 cm', '174x30x226 cm'] },
      details: ['Untreated pine, perfect for painting.', ...FLATPACK_DETAILS],
    }),
    item('IKEA', 'TV bench', [30, 250], ['Bestå', 'Hemnes', 'Brimnes', 'Lack'], {
      title: '{name} {type} {dims}, {colour}',
      attrs: { dims: ['120x40x38 cm', '180x42x39 cm', '148x47x57 cm'], colour: IKEA_WHITE },
    }),
    item('IKEA', 'storage combination', [20, 180], ['Trofast', 'Stuva', 'Småstad', 'Flisat'], {
      details: ['Storage boxes included.', 'Perfect for a kids’ room.'],
    }),
    item('IKEA', 'cot', [20, 100], ['Sundvik', 'Gulliver', 'Sniglar', 'Smågöra'], {
      details: ['Mattress not included.', 'Base has two height positions.'],
    }),
    item('IKEA', 'wing chair', [60, 290], ['Strandmon'], {
      title: '{name} {type}, {colour}',
      attrs: { colour: ['yellow', 'dark grey', 'green', 'beige', 'blue'] },
      details: UPHOLSTERY_DETAILS,
    }),
    item('IKEA', 'shoe cabinet', [15, 130], ['Hemnes', 'Trones', 'Ståll', 'Bissa'], {}),
    item('IKEA', 'display cabinet', [40, 300], ['Havsta', 'Hemnes', 'Fabrikör', 'Detolf', 'Rudsta'], {
      details: ['Glass shelves all intact.'],
    }),
    item('IKEA', 'bar stools (set of 2)', [20, 150], ['Franklin', 'Ingolf', 'Bergmund', 'Stig'], {}),
    // Design classics
    item(
      'Vitra',
      'chair',
      [60, 480],
      ['Eames Plastic Side Chair DSW', 'Eames Plastic Armchair DAW', 'Tip Ton', 'Panton Chair', 'Standard', 'EVO-C'],
      {
        title: '{name} {type}, {colour}',
        attrs: { colour: ['white', 'black', 'ocean', 'mint', 'mustard', 'dark grey'] },
        details: ['Authentic, with the Vitra label underneath.', 'Maple legs with felt gliders.'],
        weight: 2,
      },
    ),
    item('Vitra', 'lounge chair', [2500, 8500], ['Eames Lounge Chair with Ottoman'], {
      details: ['Black leather, walnut shells.', 'Bought from an authorised dealer; certificate included.'],
    }),
    item('USM', 'sideboard', [500, 4000], ['Haller'], {
      title: '{name} {type}, {colour}, {grid}',
      attrs: {
        colour: ['pure white', 'graphite black', 'gentian blue', 'ruby red', 'pure orange', 'golden yellow'],
        grid: ['2x1', '3x2', '4x2', '3x3'],
      },
      details: ['Easy to reconfigure; extra panels available.'],
    }),
    item('String', 'shelving system', [80, 900], ['Pocket', 'System', 'Plex'], {
      title: '{name} {type}, {colour}',
      attrs: { colour: ['white', 'oak', 'walnut', 'black', 'ash'] },
    }),
    item('Fritz Hansen', 'chair', [120, 550], ['Series 7', 'Ant', 'Grand Prix', 'Drop'], {
      title: '{name} {type} by Arne Jacobsen, {colour}',
      attrs: { colour: ['black ash', 'white lacquer', 'natural oak', 'walnut', 'red'] },
    }),
    item('Herman Miller', 'office chair', [250, 1800], ['Aeron', 'Mirra 2', 'Sayl', 'Embody', 'Cosm'], {
      title: '{name} {type}, size {size}',
      attrs: { size: ['A', 'B', 'C'] },
      details: ['All adjustments work, including lumbar support.', 'Saved my back during years of home office.'],
      weight: 2,
    }),
    item('Steelcase', 'office chair', [200, 1400], ['Leap V2', 'Gesture', 'Series 2', 'Please'], {
      details: ['All adjustments work, including lumbar support.'],
    }),
    item(
      'HAY',
      'chair',
      [80, 450],
      ['About A Chair AAC22', 'About A Chair AAC12', 'Hee dining chair', 'Palissade lounge chair'],
      { title: '{name} {type}, {colour}', attrs: { colour: ['black', 'white', 'oak', 'soft pink', 'dusty blue'] } },
    ),
    item('HAY', 'sofa', [600, 3200], ['Mags', 'Mags Soft'], {
      title: '{name} 2.5-seater {type}, {colour}',
      attrs: { colour: SOFA_COLOURS },
      details: UPHOLSTERY_DETAILS,
    }),
    item('Muuto', 'chair', [100, 550], ['Fiber armchair', 'Visu', 'Nerd', 'Oslo lounge chair'], {
      title: '{name} {type}, {colour}',
      attrs: { colour: ['grey', 'black', 'dusty green', 'oak', 'white'] },
    }),
    item('Thonet', 'chair', [60, 650], ['No. 14 bentwood', 'S 32 cantilever', 'S 64', '214'], {
      details: ['Cane seating is intact.', 'Chrome frame without rust.'],
    }),
    item('Kartell', 'chair', [50, 380], ['Louis Ghost', 'Masters', 'Victoria Ghost'], {
      title: '{name} {type}, {colour}',
      attrs: { colour: ['crystal', 'smoke grey', 'black', 'white'] },
    }),
    item('Kartell', 'storage unit', [50, 260], ['Componibili 3-tier', 'Componibili 2-tier'], {
      title: '{name} {type}, {colour}',
      attrs: { colour: ['white', 'red', 'black', 'silver'] },
    }),
    item('Ligne Roset', 'sofa', [800, 4000], ['Togo 3-seater', 'Togo fireside chair', 'Togo loveseat'], {
      details: ['Original Ligne Roset label present.', ...UPHOLSTERY_DETAILS],
    }),
    item('BoConcept', 'sofa', [300, 3000], ['Osaka', 'Carlton', 'Amsterdam', 'Indivi'], {
      title: '{name} {type}, {colour}',
      attrs: { colour: SOFA_COLOURS },
      details: UPHOLSTERY_DETAILS,
    }),
    item('Bolia', 'sofa', [300, 2500], ['Scandinavia', 'Cosima', 'Noora', 'Sepia'], {
      title: '{name} {type}, {colour}',
      attrs: { colour: SOFA_COLOURS },
      details: UPHOLSTERY_DETAILS,
    }),
    item('Ercol', 'dining chair', [60, 450], ['Windsor', 'Originals stacking', 'Teramo'], {
      details: ['Solid elm and beech, made to last.'],
    }),
    item('Ercol', 'nest of tables', [80, 500], ['Originals', 'Windsor'], {}),
    item('G-Plan', 'sideboard', [120, 900], ['Fresco', 'Astro', 'Danish range'], {
      details: ['Genuine 1960s teak with the G-Plan stamp in the drawer.', ...SOLID_DETAILS],
      attrs: { dims: ['213x46x81 cm', '152x46x76 cm'] },
    }),
    item('Artek', 'stool', [60, 290], ['Stool 60', 'Stool E60'], {
      title: '{name} {type}, {colour}',
      attrs: { colour: ['birch', 'white', 'black', 'lingonberry red'] },
      details: ['Designed by Alvar Aalto; stackable.'],
    }),
    item('Knoll', 'chair', [900, 6000], ['Barcelona', 'Womb', 'Platner lounge'], {}),
    item('Cassina', 'armchair', [1500, 5000], ['LC2', 'LC3', 'Utrecht'], {}),
    item('Stokke', 'high chair', [60, 260], ['Tripp Trapp'], {
      title: '{name} {type}, {colour}',
      attrs: { colour: ['natural', 'white', 'oak black', 'storm grey', 'hazy grey'] },
      details: ['Baby set and cushion included.', 'Grows with the child, from baby to adult.'],
      weight: 2,
    }),
    item('Flexa', 'bunk bed', [100, 700], ['Classic', 'White', 'Popsicle'], {
      details: ['Slatted bases for both beds.', 'Solid pine, very sturdy.'],
      attrs: { dims: ['90x200 cm'] },
    }),
    item('Emma', 'mattress', [60, 650], ['Original', 'Hybrid', 'One'], {
      title: '{name} {type} {dims}',
      attrs: { dims: BED_SIZES },
      details: ['Always used with a mattress protector.', 'Bends enough to fit into an estate car.'],
    }),
    item('Tempur', 'mattress', [150, 1500], ['Original', 'Cloud', 'Sensation'], {
      title: '{name} {type} {dims}',
      attrs: { dims: BED_SIZES },
      details: ['Always used with a mattress protector.'],
    }),
    item('Auping', 'bed', [400, 2500], ['Original', 'Essential', 'Cruise'], {
      title: '{name} {type} {dims}',
      attrs: { dims: BED_SIZES },
      details: ['Electric adjustable base, works perfectly.'],
    }),
    item('Tylko', 'shelf', [200, 1200], ['Type01', 'Type02', 'Tone'], { details: ['Made to measure, very solid.'] }),
    item('Muji', 'bed frame', [80, 450], ['oak', 'walnut', 'pine'], {
      title: '{name} {type} {dims}',
      attrs: { dims: BED_SIZES },
    }),
    item('Maisons du Monde', 'sideboard', [80, 600], ['Copenhague', 'Mathis', 'Bahia', 'Tiberio'], {
      attrs: { dims: ['160x45x80 cm', '180x45x75 cm'] },
    }),
    item('Made.com', 'sofa', [150, 1100], ['Julius', 'Scott', 'Jonah', 'Hampton'], {
      title: '{name} 3-seater {type}, {colour}',
      attrs: { colour: SOFA_COLOURS },
      details: UPHOLSTERY_DETAILS,
    }),
    item('West Elm', 'desk', [120, 650], ['Mid-Century', 'Industrial Storage', 'Parsons'], {}),
    item('Kave Home', 'dining table', [100, 650], ['Argo', 'Oqui', 'Thinh'], {
      title: '{name} {type} {dims}',
      attrs: { dims: TABLE_SIZES },
    }),
    // Unbranded pieces, named by material and style
    item(
      '',
      'dining table',
      [40, 1200],
      [
        'solid oak',
        'oiled walnut',
        'reclaimed pine',
        'extendable beech',
        'round marble',
        'farmhouse',
        'live-edge',
        'teak',
        'white lacquered',
        'industrial steel and oak',
      ],
      { title: '{name} {type} {dims}', attrs: { dims: TABLE_SIZES }, details: SOLID_DETAILS, weight: 4 },
    ),
    item(
      '',
      'dining chairs (set of 4)',
      [30, 600],
      [
        'bentwood',
        'velvet upholstered',
        'rattan and oak',
        'mid-century teak',
        'black metal',
        'Windsor-style',
        'cane-back',
        'ladder-back',
      ],
      { details: ['All four are sturdy and solid.', 'Matching table also for sale.'], weight: 3 },
    ),
    item(
      '',
      'sofa',
      [50, 1500],
      [
        '3-seater',
        '2-seater',
        'L-shaped corner',
        'Chesterfield',
        'velvet',
        'linen slipcover',
        'modular',
        'mid-century',
        'leather',
      ],
      {
        title: '{name} {type}, {colour}',
        attrs: { colour: SOFA_COLOURS, dims: ['190x90 cm', '220x95 cm', '280x180 cm'] },
        details: UPHOLSTERY_DETAILS,
        weight: 4,
      },
    ),
    item(
      '',
      'armchair',
      [20, 600],
      ['wingback', 'velvet', 'rattan', 'leather club', 'mid-century lounge', 'bouclé', 'reading', 'cocktail'],
      { title: '{name} {type}, {colour}', attrs: { colour: SOFA_COLOURS }, details: UPHOLSTERY_DETAILS, weight: 3 },
    ),
    item(
      '',
      'wardrobe',
      [30, 700],
      ['pine', 'two-door', 'sliding-door', 'mirrored', 'antique oak', 'Art Deco walnut', 'Biedermeier'],
      { attrs: { dims: ['100x60x200 cm', '150x60x210 cm', '200x65x220 cm'] }, details: SOLID_DETAILS, weight: 2 },
    ),
    item(
      '',
      'chest of drawers',
      [20, 500],
      ['pine', 'teak', 'painted', 'mid-century', 'vintage', 'six-drawer', 'apothecary'],
      { attrs: { dims: ['80x45x90 cm', '100x50x80 cm', '120x45x110 cm'] }, details: SOLID_DETAILS, weight: 2 },
    ),
    item(
      '',
      'sideboard',
      [50, 1400],
      ['teak', 'walnut', 'mid-century', 'oak', 'rattan-front', 'Danish', 'rosewood-look'],
      { attrs: { dims: ['160x45x80 cm', '180x45x75 cm', '200x50x75 cm'] }, details: SOLID_DETAILS, weight: 2 },
    ),
    item(
      '',
      'bed frame',
      [30, 800],
      ['solid pine', 'oak', 'upholstered', 'black metal', 'storage', 'platform', 'four-poster'],
      {
        title: '{name} {type} {dims}',
        attrs: { dims: BED_SIZES },
        details: ['Slatted base included.', ...SOLID_DETAILS],
        weight: 2,
      },
    ),
    item(
      '',
      'coffee table',
      [10, 500],
      ['round oak', 'marble', 'glass', 'walnut', 'nesting', 'travertine', 'rattan', 'lift-top'],
      { details: SOLID_DETAILS, attrs: { dims: ['100x60 cm', 'Ø 80 cm', '120x60 cm'] }, weight: 2 },
    ),
    item(
      '',
      'desk',
      [15, 600],
      ['oak', 'standing', 'electric height-adjustable', 'writing', 'corner', 'vintage school', 'roll-top'],
      { attrs: { dims: ['120x60 cm', '140x70 cm', '160x80 cm'] }, details: SOLID_DETAILS, weight: 2 },
    ),
    item('', 'office chair', [20, 400], ['ergonomic', 'mesh', 'leather executive', 'kneeling', 'saddle'], {
      details: ['Gas lift works, height stays put.'],
    }),
    item(
      '',
      'bookcase',
      [15, 400],
      ['oak', 'ladder', 'industrial metal and wood', 'pine', 'glass-fronted', 'walnut veneer'],
      { attrs: { dims: ['80x30x200 cm', '100x35x180 cm'] }, details: SOLID_DETAILS },
    ),
    item('', 'TV unit', [15, 350], ['oak', 'white high-gloss', 'mid-century', 'walnut', 'floating'], {
      attrs: { dims: ['160x40x50 cm', '180x45x45 cm'] },
      details: SOLID_DETAILS,
    }),
    item('', 'bedside tables (pair)', [15, 300], ['oak', 'rattan', 'mid-century', 'white', 'marble-top'], {}),
    item('', 'console table', [20, 350], ['oak', 'brass and glass', 'walnut', 'rustic pine'], {}),
    item('', 'rocking chair', [20, 300], ['bentwood', 'rattan', 'oak', 'nursing'], {}),
    item('', 'bar stools (set of 2)', [20, 250], ['velvet', 'industrial', 'rattan', 'oak'], {}),
    item('', 'hall stand', [15, 200], ['bentwood', 'oak', 'metal', 'vintage'], {}),
    item('', 'vanity table', [30, 400], ['white', 'Art Deco', 'oak', 'French-style'], {}),
  ],
  openers: [
    'Selling our {name} {type} after a move.',
    'Beautiful {name} {type} looking for a new home.',
    'This {name} {type} has been in our {room} for a few years.',
    'Offering our {name} {type}; pickup only.',
  ],
  sentences: [
    'It has lived in a smoke-free and pet-free home.',
    'From our {room}, it no longer fits the new layout.',
    'Ground floor, easy to carry out.',
    'Solid construction, no wobble.',
    'It will need a van or a large estate car.',
    'Photos show the real colour in daylight.',
    'Bought from {shop} in {boughtYear}.',
    'Matching pieces available in my other listings.',
    'Happy to hold it until the weekend for a deposit.',
  ],
  conditionNotes: {
    'like new': ['No marks, no scratches, used very carefully.'],
    good: [
      'A few light scratches on the top, otherwise very sturdy.',
      'Small marks from normal use, nothing structural.',
    ],
    fair: [
      'The finish is worn on top and there are a few water rings.',
      'One hinge is loose but easy to fix.',
      'Some fading on the side that faced the window.',
    ],
    'for parts': [
      'One leg is broken; ideal for an upcycling project.',
      'Water damage at the base; the doors and hardware are fine.',
      'Frame is cracked, only the fittings and panels are usable.',
    ],
  },
  pools: {
    shop: [
      'IKEA',
      'JYSK',
      'Maisons du Monde',
      'Made.com',
      'XXXLutz',
      'Home24',
      'Westwing',
      'BoConcept',
      'Bolia',
      'Habitat',
      'Conforama',
      'But',
      'Leen Bakker',
      'Kwantum',
      'Søstrene Grene',
      'Kave Home',
      'Sofacompany',
      'a vintage shop',
      'an antique dealer',
    ],
  },
};
