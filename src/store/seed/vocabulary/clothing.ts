import { item, type CategoryVocabulary } from './types.js';

/** Shoes, outerwear, denim, bags and accessories, sized the way European listings size them. */

const EU_SHOE = [
  '36',
  '37',
  '37.5',
  '38',
  '38.5',
  '39',
  '40',
  '40.5',
  '41',
  '42',
  '42.5',
  '43',
  '44',
  '44.5',
  '45',
  '46',
  '47',
];
const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const JEANS = [
  'W26 L30',
  'W28 L30',
  'W29 L32',
  'W30 L32',
  'W31 L32',
  'W32 L32',
  'W32 L34',
  'W33 L32',
  'W34 L32',
  'W34 L34',
  'W36 L34',
];
const SUIT = ['46', '48', '50', '52', '54', '56'];
const WOMEN_EU = ['34', '36', '38', '40', '42', '44'];
const SNEAKER_COLOURS = [
  'white',
  'triple white',
  'black/white',
  'grey',
  'navy',
  'beige',
  'cream/green',
  'red/white',
  'triple black',
];
const OUTDOOR_COLOURS = [
  'black',
  'navy',
  'forest green',
  'orange',
  'red',
  'royal blue',
  'khaki',
  'dark grey',
  'yellow',
];
const SHOE = { title: '{name} {type}, EU {size}, {colour}', attrs: { size: EU_SHOE, colour: SNEAKER_COLOURS } };
const SHOE_DETAILS = [
  'Soles still have plenty of grip.',
  'Comes in the original box.',
  'Insoles are clean; I wore them with socks only.',
  'Fits true to size.',
  'Cleaned before listing.',
];
const RUN_DETAILS = ['About {distance} km on them, mostly road.', 'Great cushioning left.', ...SHOE_DETAILS];
const JACKET_DETAILS = [
  'All zips and poppers work.',
  'Warm enough for a proper northern winter.',
  'Water repellent treatment refreshed last autumn.',
  'Hood is removable.',
  'Pit to pit measures about {pit} cm.',
];
const BAG = { title: '{name} {type}, {colour}' };
const BAG_DETAILS = [
  'Dust bag included.',
  'Clean inside, no pen marks.',
  'Corners show no wear.',
  'Receipt from the boutique in {city} included.',
];
const WATCH_DETAILS = [
  'Keeps time accurately.',
  'Box and papers included.',
  'Bracelet can be adjusted; spare links included.',
  'Serviced in {boughtYear}.',
];

export const clothing: CategoryVocabulary = {
  category: 'Clothing',
  share: 16,
  titles: [
    '{name} {type}, size {size}',
    '{name} {type} – size {size}, {colour}',
    '{name} {type} ({size})',
    '{name} {type}, size {size}, {conditionWord}',
  ],
  items: [
    // Footwear
    item(
      'Nike',
      'sneakers',
      [15, 180],
      [
        'Air Max 90',
        'Air Max 95',
        'Air Max 97',
        'Air Max 1',
        "Air Force 1 '07",
        'Dunk Low',
        "Blazer Mid '77",
        'Air Jordan 1 Mid',
        'Cortez',
      ],
      { ...SHOE, details: SHOE_DETAILS, weight: 5 },
    ),
    item(
      'Nike',
      'running shoes',
      [15, 250],
      ['Pegasus 39', 'Pegasus 40', 'Vaporfly Next% 2', 'Invincible 3', 'React Infinity Run', 'Alphafly 2'],
      { ...SHOE, details: RUN_DETAILS, weight: 2 },
    ),
    item(
      'Adidas',
      'running shoes',
      [20, 230],
      ['Ultraboost 22', 'Ultraboost Light', 'Adizero Adios Pro 3', 'Supernova'],
      { ...SHOE, details: RUN_DETAILS, weight: 3 },
    ),
    item(
      'Adidas',
      'sneakers',
      [15, 150],
      ['Stan Smith', 'Samba OG', 'Gazelle', 'Superstar', 'NMD_R1', 'Forum Low', 'Spezial', 'Campus 00s'],
      { ...SHOE, details: SHOE_DETAILS, weight: 4 },
    ),
    item('New Balance', 'sneakers', [20, 220], ['574', '990v5', '550', '2002R', '327', '530', '9060'], {
      ...SHOE,
      details: SHOE_DETAILS,
      weight: 2,
    }),
    item(
      'Asics',
      'running shoes',
      [15, 180],
      ['Gel-Kayano 29', 'Gel-Nimbus 25', 'Gel-Lyte III', 'Gel-1130', 'Novablast 3'],
      { ...SHOE, details: RUN_DETAILS },
    ),
    item('On', 'running shoes', [30, 180], ['Cloud 5', 'Cloudmonster', 'Cloudswift 3', 'Cloudnova'], {
      ...SHOE,
      details: RUN_DETAILS,
    }),
    item('Hoka', 'running shoes', [30, 190], ['Clifton 9', 'Bondi 8', 'Speedgoat 5', 'Mach 5'], {
      ...SHOE,
      details: RUN_DETAILS,
    }),
    item('Converse', 'sneakers', [10, 100], ['Chuck Taylor All Star Hi', 'Chuck 70 Low', 'Run Star Hike'], {
      ...SHOE,
      details: SHOE_DETAILS,
      weight: 2,
    }),
    item('Vans', 'sneakers', [10, 90], ['Old Skool', 'Sk8-Hi', 'Authentic', 'Slip-On', 'Knu Skool'], {
      ...SHOE,
      details: SHOE_DETAILS,
      weight: 2,
    }),
    item('Veja', 'sneakers', [20, 160], ['V-10', 'Campo', 'Esplar', 'Condor 2'], { ...SHOE, details: SHOE_DETAILS }),
    item('Salomon', 'trail shoes', [25, 200], ['XT-6', 'Speedcross 6', 'X Ultra 4 GTX', 'ACS Pro'], {
      ...SHOE,
      details: RUN_DETAILS,
    }),
    item('Dr. Martens', 'boots', [30, 220], ['1460', '1461', 'Jadon', '2976 Chelsea', 'Audrick'], {
      title: '{name} {type}, EU {size}, {colour}',
      attrs: { size: EU_SHOE, colour: ['black smooth', 'cherry red', 'black Nappa', 'white', 'dark brown'] },
      details: ['Already broken in, so no blisters for you.', ...SHOE_DETAILS],
      weight: 3,
    }),
    item('Timberland', 'boots', [25, 200], ['6-Inch Premium', 'Earthkeepers', 'Courma Guy', 'Larchmont'], {
      title: '{name} {type}, EU {size}, {colour}',
      attrs: { size: EU_SHOE, colour: ['wheat nubuck', 'black', 'dark brown'] },
      details: SHOE_DETAILS,
    }),
    item('Birkenstock', 'sandals', [15, 150], ['Arizona', 'Gizeh', 'Milano', 'Madrid', 'Boston'], {
      title: '{name} {type}, EU {size}, {colour}',
      attrs: { size: EU_SHOE, colour: ['taupe suede', 'black', 'mocha', 'white', 'stone'] },
      details: ['The footbed has moulded nicely but is not worn through.', ...SHOE_DETAILS],
      weight: 2,
    }),
    item('Clarks', 'boots', [20, 160], ['Desert Boot', 'Wallabee', 'Desert Trek'], {
      title: '{name} {type}, EU {size}, {colour}',
      attrs: { size: EU_SHOE, colour: ['sand suede', 'beeswax', 'black', 'dark brown'] },
      details: SHOE_DETAILS,
    }),
    item('UGG', 'boots', [25, 230], ['Classic Mini II', 'Classic Short', 'Tasman'], {
      title: '{name} {type}, EU {size}, {colour}',
      attrs: { size: EU_SHOE, colour: ['chestnut', 'black', 'grey', 'sand'] },
      details: SHOE_DETAILS,
    }),
    item('Gucci', 'loafers', [150, 800], ['Horsebit', 'Jordaan', 'Brixton'], {
      title: '{name} {type}, EU {size}, {colour}',
      attrs: { size: EU_SHOE, colour: ['black leather', 'brown leather', 'burgundy'] },
      details: ['Bought at the boutique, dust bags and box included.'],
    }),
    // Denim and trousers
    item(
      "Levi's",
      'jeans',
      [10, 110],
      ['501 Original', '511 Slim', '512 Slim Taper', '505 Regular', "501 '90s", 'Ribcage Straight', '70s High Flare'],
      {
        title: '{name} {type} {size}, {colour}',
        attrs: { size: JEANS, colour: ['dark indigo', 'stonewash', 'light wash', 'black', 'rinse'] },
        details: ['No rips, hems are original.', 'Proper heavy denim.'],
        weight: 5,
      },
    ),
    item('Wrangler', 'jeans', [10, 90], ['Texas', 'Greensboro', 'Frontier'], {
      title: '{name} {type} {size}',
      attrs: { size: JEANS },
    }),
    item('Nudie Jeans', 'jeans', [25, 160], ['Grim Tim', 'Lean Dean', 'Rad Rufus', 'Gritty Jackson'], {
      title: '{name} {type} {size}',
      attrs: { size: JEANS },
      details: ['Organic dry denim with beautiful fades.', 'Free repairs at any Nudie repair shop.'],
    }),
    item('Acne Studios', 'jeans', [50, 300], ['1996', 'River', 'North'], {
      title: '{name} {type} {size}',
      attrs: { size: JEANS },
    }),
    item('Carhartt WIP', 'work trousers', [20, 130], ['Single Knee', 'Double Knee', 'Newel', 'Simple Pant'], {
      title: '{name} {type} {size}, {colour}',
      attrs: { size: JEANS, colour: ['hamilton brown', 'black rinsed', 'dusty brown', 'blue'] },
      details: ['Tough canvas, very durable.'],
      weight: 2,
    }),
    // Outerwear
    item("Levi's", 'denim jacket', [20, 130], ['Trucker', 'Sherpa Trucker', 'Vintage Fit Trucker'], {
      attrs: { size: SIZES },
      details: JACKET_DETAILS,
      weight: 2,
    }),
    item('Carhartt WIP', 'jacket', [40, 240], ['Detroit', 'Michigan chore coat', 'OG Active', 'Santa Fe'], {
      attrs: { size: SIZES, colour: ['hamilton brown', 'black', 'dark navy', 'tamarind'] },
      details: JACKET_DETAILS,
      weight: 2,
    }),
    item(
      'The North Face',
      'jacket',
      [30, 380],
      ['Nuptse 1996', 'Denali fleece', 'McMurdo parka', 'Resolve 2', 'ThermoBall Eco', 'Himalayan down'],
      { attrs: { size: SIZES, colour: OUTDOOR_COLOURS }, details: JACKET_DETAILS, weight: 4 },
    ),
    item(
      'Patagonia',
      'jacket',
      [25, 300],
      ['Better Sweater', 'Torrentshell 3L', 'Nano Puff', 'Down Sweater', 'Retro-X fleece', 'Synchilla Snap-T'],
      {
        attrs: { size: SIZES, colour: OUTDOOR_COLOURS },
        details: ['Patagonia repairs for free if anything ever goes.', ...JACKET_DETAILS],
        weight: 3,
      },
    ),
    item("Arc'teryx", 'jacket', [80, 650], ['Beta AR', 'Beta LT', 'Atom LT Hoody', 'Cerium LT', 'Zeta SL'], {
      attrs: { size: SIZES, colour: OUTDOOR_COLOURS },
      details: ['Gore-Tex membrane still beads water perfectly.', ...JACKET_DETAILS],
      weight: 2,
    }),
    item('Canada Goose', 'parka', [300, 1400], ['Expedition', 'Chilliwack bomber', 'Shelburne', 'Crofton puffer'], {
      attrs: { size: SIZES, colour: ['black', 'navy', 'military green', 'spirit'] },
      details: ['Authentic: bought at the Canada Goose store, receipt included.', ...JACKET_DETAILS],
    }),
    item('Moncler', 'down jacket', [300, 1700], ['Maya', 'Hermine', 'Cardere', 'Montcla'], {
      attrs: { size: ['0', '1', '2', '3', '4', '5'], colour: ['black', 'navy', 'white', 'olive'] },
      details: ['Bought at the Moncler boutique; receipt and NFC tag.', ...JACKET_DETAILS],
    }),
    item('Barbour', 'wax jacket', [50, 380], ['Beaufort', 'Bedale', 'Ashby', 'Border'], {
      attrs: { size: ['34', '36', '38', '40', '42', '44'], colour: ['sage', 'olive', 'navy', 'rustic'] },
      details: ['Re-waxed last autumn.', ...JACKET_DETAILS],
      weight: 2,
    }),
    item('Barbour', 'quilted jacket', [30, 220], ['Liddesdale', 'Powell', 'Heritage Liddesdale'], {
      attrs: { size: SIZES, colour: ['navy', 'olive', 'black'] },
      details: JACKET_DETAILS,
    }),
    item('Burberry', 'trench coat', [150, 1900], ['Kensington', 'Chelsea', 'Westminster', 'Camden'], {
      attrs: {
        size: ['UK 6', 'UK 8', 'UK 10', 'UK 12', 'UK 14', 'IT 48', 'IT 50', 'IT 52'],
        colour: ['honey', 'black', 'stone'],
      },
      details: ['Classic check lining in perfect shape.', ...JACKET_DETAILS],
    }),
    item('Max Mara', 'coat', [250, 2400], ['Manuela camel', '101801 icon', 'Madame', 'Ludmilla'], {
      attrs: { size: WOMEN_EU, colour: ['camel', 'black', 'grey', 'navy'] },
      details: ['Timeless cut, pure camel hair.'],
    }),
    item('Woolrich', 'parka', [120, 700], ['Arctic', 'Arctic Anorak', 'Luxury Arctic'], {
      attrs: { size: SIZES },
      details: JACKET_DETAILS,
    }),
    item('Fjällräven', 'jacket', [30, 400], ['Greenland', 'Expedition Down Lite', 'Övik fleece', 'Keb Eco-Shell'], {
      attrs: { size: SIZES, colour: OUTDOOR_COLOURS },
      details: ['G-1000 fabric, waxed last season.', ...JACKET_DETAILS],
    }),
    item('Fjällräven', 'hiking trousers', [25, 160], ['Keb', 'Vidda Pro', 'Abisko'], {
      attrs: { size: ['44', '46', '48', '50', '52', '54'] },
      details: ['Reinforced knees, very durable.'],
    }),
    item('Rains', 'rain jacket', [25, 120], ['Long Jacket', 'Short Coat', 'Fishtail Parka'], {
      attrs: { size: ['XS/S', 'S/M', 'M/L', 'L/XL'], colour: ['black', 'green', 'sand', 'blue'] },
      details: JACKET_DETAILS,
    }),
    item('Helly Hansen', 'jacket', [30, 200], ['Seven J', 'Crew Midlayer', 'Dubliner'], {
      attrs: { size: SIZES, colour: OUTDOOR_COLOURS },
      details: JACKET_DETAILS,
    }),
    item('Jack Wolfskin', 'jacket', [30, 250], ['Texapore 3-in-1', 'Glacier Canyon', 'Stormy Point'], {
      attrs: { size: SIZES, colour: OUTDOOR_COLOURS },
      details: JACKET_DETAILS,
    }),
    item('Stone Island', 'jacket', [80, 700], ['Soft Shell-R', 'overshirt', 'Garment Dyed Crinkle Reps'], {
      attrs: { size: SIZES },
      details: ['Badge and buttons are present.', ...JACKET_DETAILS],
    }),
    item('Superdry', 'jacket', [15, 150], ['Windcheater', 'Everest parka', 'Fuji'], {
      attrs: { size: SIZES, colour: OUTDOOR_COLOURS },
      details: JACKET_DETAILS,
    }),
    item('Uniqlo', 'down jacket', [10, 90], ['Ultra Light Down', 'Seamless Down parka', 'Ultra Light Down vest'], {
      attrs: { size: SIZES, colour: ['black', 'navy', 'olive', 'beige', 'wine'] },
      details: ['Packs into its own pouch.'],
      weight: 2,
    }),
    // Tailoring and everyday fashion
    item('Hugo Boss', 'suit', [60, 600], ['Huge/Genius slim-fit', 'Jeckson/Lenon', 'Arti/Hesten'], {
      title: '{name} {type}, size {size}, {colour}',
      attrs: { size: SUIT, colour: ['navy', 'charcoal', 'black', 'mid-grey', 'blue check'] },
      details: ['Worn for one wedding only.', 'Dry cleaned and ready to wear.', 'Virgin wool, fully lined.'],
      weight: 2,
    }),
    item('Tiger of Sweden', 'suit', [60, 500], ['Jamonte', 'Jerretts', 'Gordon'], {
      title: '{name} {type}, size {size}',
      attrs: { size: SUIT },
      details: ['Dry cleaned and ready to wear.'],
    }),
    item('Massimo Dutti', 'jacket', [25, 300], ['leather biker', 'wool blazer', 'suede trucker', 'linen blazer'], {
      attrs: { size: SIZES },
    }),
    item('COS', 'coat', [15, 200], ['wool', 'oversized wool-blend', 'double-breasted', 'quilted liner'], {
      attrs: { size: SIZES },
    }),
    item('Arket', 'jumper', [15, 150], ['merino', 'cashmere', 'lambswool crew-neck', 'chunky cardigan'], {
      attrs: { size: SIZES },
    }),
    item('Zara', 'blazer', [5, 90], ['oversized', 'double-breasted', 'linen-blend', 'tuxedo-style'], {
      attrs: { size: SIZES },
      weight: 3,
    }),
    item('Zara', 'dress', [5, 70], ['satin midi', 'poplin shirt', 'knit', 'floral print', 'pleated'], {
      attrs: { size: SIZES },
      weight: 3,
    }),
    item('H&M', 'coat', [5, 70], ['wool-blend', 'trench', 'teddy', 'padded'], { attrs: { size: SIZES }, weight: 2 }),
    item('Mango', 'coat', [10, 120], ['wool', 'handmade', 'oversized', 'belted'], {
      attrs: { size: SIZES },
      weight: 2,
    }),
    item('Ganni', 'dress', [30, 280], ['floral midi', 'seersucker', 'printed mesh', 'wrap'], {
      attrs: { size: WOMEN_EU },
    }),
    item('& Other Stories', 'dress', [10, 120], ['linen midi', 'satin slip', 'wrap'], { attrs: { size: WOMEN_EU } }),
    item('Sézane', 'cardigan', [30, 160], ['Gaspard', 'Mathilde', 'Tim'], { attrs: { size: SIZES } }),
    item('Maje', 'jacket', [40, 350], ['tweed', 'leather', 'cropped'], { attrs: { size: ['1', '2', '3', '4'] } }),
    item(
      'Ralph Lauren',
      'polo shirt',
      [10, 140],
      ['custom slim-fit', 'classic-fit', 'big pony', 'cable-knit jumper', 'Oxford shirt'],
      { attrs: { size: SIZES, colour: ['navy', 'white', 'green', 'pink', 'light blue'] }, weight: 2 },
    ),
    item('Tommy Hilfiger', 'sweater', [10, 150], ['logo hoodie', 'cable-knit', 'zip-up', 'quarter-zip'], {
      attrs: { size: SIZES },
    }),
    item('Lacoste', 'polo shirt', [10, 90], ['L.12.12', 'slim-fit', 'piqué'], {
      attrs: { size: ['2', '3', '4', '5', '6', '7'] },
    }),
    item('Pronovias', 'wedding dress', [300, 2500], ['Marbella', 'Taina', 'Dalia', 'Oleanne'], {
      attrs: { size: WOMEN_EU },
      details: ['Professionally cleaned and stored in a garment bag.', 'Hem altered for 168 cm with heels.'],
    }),
    item('', 'coat', [15, 300], ['camel wool', 'vintage leather', 'black wool', 'shearling', 'tweed', 'loden'], {
      attrs: { size: SIZES },
      details: ['Warm and heavy, properly lined.'],
      weight: 2,
    }),
    item(
      '',
      'jumper',
      [5, 150],
      ['hand-knitted wool', 'cashmere', 'Icelandic lopapeysa', 'merino', 'fisherman', 'Fair Isle'],
      { attrs: { size: SIZES }, weight: 2 },
    ),
    item('', 'clothes bundle', [5, 60], ['baby', 'girls’', 'boys’', 'kids’'], {
      title: 'Bundle of {count} {name} clothes, size {size}',
      attrs: {
        size: ['56-68', '74-86', '98-104', '110-116', '122-128', '134-140'],
        count: ['10', '15', '20', '25', '30', '40'],
      },
      details: ['Mostly H&M, Zara and Name It.', 'Clean and stain-free.'],
      weight: 2,
    }),
    // Bags, eyewear, watches, jewellery
    item('Fjällräven', 'backpack', [20, 120], ['Kånken', 'Kånken Laptop 15"', 'Kånken Mini', 'Re-Kånken'], {
      ...BAG,
      attrs: { colour: ['ox red', 'frost green', 'navy', 'black', 'ochre', 'sky blue', 'graphite'] },
      details: ['Seat pad still in the back pocket.'],
      weight: 3,
    }),
    item('Eastpak', 'backpack', [10, 55], ["Padded Pak'r", 'Out of Office', 'Provider'], { ...BAG }),
    item('Herschel', 'backpack', [15, 110], ['Little America', 'Retreat', 'Nova'], { ...BAG }),
    item('Longchamp', 'handbag', [30, 300], ['Le Pliage Large', 'Le Pliage Medium', 'Roseau', 'Le Pliage Green'], {
      ...BAG,
      attrs: { colour: ['black', 'navy', 'poppy', 'khaki', 'beige'] },
      details: BAG_DETAILS,
      weight: 2,
    }),
    item('Michael Kors', 'handbag', [30, 300], ['Jet Set tote', 'Mercer crossbody', 'Hamilton satchel'], {
      ...BAG,
      details: BAG_DETAILS,
    }),
    item('Louis Vuitton', 'handbag', [400, 2500], ['Neverfull MM', 'Speedy 30', 'Pochette Métis', 'Alma BB'], {
      ...BAG,
      attrs: { colour: ['Monogram canvas', 'Damier Ebène', 'Damier Azur'] },
      details: ['Date code inside; receipt from the store in {city}.', ...BAG_DETAILS],
    }),
    item('Mulberry', 'handbag', [200, 1300], ['Bayswater', 'Alexa', 'Lily'], {
      ...BAG,
      attrs: { colour: ['oak', 'black', 'mulberry green'] },
      details: BAG_DETAILS,
    }),
    item(
      'Ray-Ban',
      'sunglasses',
      [20, 170],
      ['Wayfarer RB2140', 'Aviator RB3025', 'Clubmaster RB3016', 'Round Metal RB3447', 'Erika RB4171'],
      {
        ...BAG,
        attrs: { colour: ['black', 'tortoise', 'gold/green', 'gunmetal'] },
        details: ['Case and cleaning cloth included.', 'Lenses scratch-free.'],
        weight: 2,
      },
    ),
    item('Casio', 'watch', [10, 130], ['G-Shock GA-2100', 'F-91W', 'A168', 'G-Shock DW-5600', 'Edifice'], {
      ...BAG,
      details: WATCH_DETAILS,
    }),
    item(
      'Seiko',
      'automatic watch',
      [80, 600],
      ['5 Sports SRPD', 'Presage Cocktail Time', 'Prospex Turtle', 'SKX007'],
      { ...BAG, details: WATCH_DETAILS },
    ),
    item('Swatch', 'watch', [50, 350], ['MoonSwatch Mission to the Moon', 'MoonSwatch Mission to Mars', 'Sistem51'], {
      ...BAG,
      details: WATCH_DETAILS,
    }),
    item('Tissot', 'watch', [200, 800], ['PRX Powermatic 80', 'Le Locle', 'Gentleman'], {
      ...BAG,
      details: WATCH_DETAILS,
    }),
    item('Omega', 'watch', [2500, 7500], ['Speedmaster Professional', 'Seamaster Aqua Terra', 'Seamaster Diver 300M'], {
      ...BAG,
      details: ['Full set: box, papers and warranty card.', ...WATCH_DETAILS],
    }),
    item('TAG Heuer', 'watch', [500, 3200], ['Carrera', 'Aquaracer', 'Formula 1'], { ...BAG, details: WATCH_DETAILS }),
    item('Fossil', 'watch', [20, 150], ['Grant', 'Neutra', 'Townsman'], { ...BAG }),
    item('Pandora', 'bracelet', [15, 120], ['Moments charm', 'Moments snake chain', 'Timeless'], {
      ...BAG,
      attrs: { colour: ['silver', 'rose gold', 'gold'] },
      details: ['Comes with six charms.', 'Original box included.'],
    }),
    item('Swarovski', 'jewellery set', [20, 150], ['Tennis', 'Millenia', 'Attract'], { ...BAG }),
  ],
  openers: [
    'Selling my {name} {type}; it deserves to be worn more.',
    'Lovely {name} {type}, hardly worn.',
    'Clearing my wardrobe: {name} {type}.',
    'Offering my {name} {type}, bought in {boughtYear}.',
  ],
  sentences: [
    'Worn {times} times.',
    'Fits true to size; I am {height} cm tall for reference.',
    'Measurements on request.',
    'Washed and ready to wear.',
    'From a smoke-free home, no pets.',
    'Bought at {shop} in {boughtYear}.',
    'Bundle deals possible with my other listings.',
    'Happy to send more photos of any detail.',
    'Sending is possible, tracked and insured.',
    'Try-on welcome at pickup.',
  ],
  conditionNotes: {
    new: ['New with tags, never worn.'],
    'like new': ['Worn once for an event, then back in the wardrobe.'],
    good: ['Light signs of wear, no holes or stains.'],
    fair: ['Some pilling and a slightly faded colour from washing.', 'Visible wear at the cuffs and heels.'],
    'for parts': [
      'Torn seam and a broken zip; for repair or for the fabric.',
      'Sole is coming off; for a cobbler or for crafts.',
    ],
  },
  pools: {
    size: SIZES,
    colour: [
      'black',
      'white',
      'navy',
      'grey',
      'beige',
      'olive',
      'camel',
      'burgundy',
      'cream',
      'brown',
      'khaki',
      'light blue',
    ],
    height: ['158', '163', '167', '170', '174', '178', '181', '185', '190'],
    distance: ['80', '150', '200', '300', '450', '600'],
    pit: ['52', '55', '58', '61', '64'],
    shop: [
      'Zalando',
      'About You',
      'the brand store',
      'Snipes',
      'Foot Locker',
      'JD Sports',
      'Breuninger',
      'De Bijenkorf',
      'Galeries Lafayette',
      'El Corte Inglés',
      'KaDeWe',
      'NK',
      'Stockmann',
      'Magasin du Nord',
      'Bergzeit',
      'Bever',
      'Globetrotter',
      'Intersport',
      'an outlet',
    ],
  },
};
