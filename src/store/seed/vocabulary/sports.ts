import { item, type CategoryVocabulary, type ItemTemplate, type PriceRange } from './types.js';

/**
 * Bikes first (the most listed sports item in Europe), then fitness, winter, racket, golf, outdoor and water sports.
 */

const MTB_WHEELS = ['27.5"', '29"'];
const HYBRID_WHEELS = ['28"', '700c'];
const FRAME_LETTERS = ['XS', 'S', 'M', 'ML', 'L', 'XL'];
const FRAME_CM = ['49 cm', '52 cm', '54 cm', '56 cm', '58 cm', '61 cm'];
const BIKE_COLOURS = [
  'matte black',
  'gloss black',
  'blue',
  'dark blue',
  'red',
  'green',
  'olive',
  'grey',
  'white',
  'orange',
  'teal',
  'purple',
  'yellow',
  'silver',
];
const MTB_GROUPSETS = [
  'Shimano Deore 1x12',
  'Shimano SLX 1x12',
  'Shimano XT 1x12',
  'SRAM NX Eagle',
  'SRAM GX Eagle',
  'Shimano Alivio 2x9',
  'Shimano Deore 1x10',
  'SRAM SX Eagle',
];
const ROAD_GROUPSETS = [
  'Shimano 105',
  'Shimano Ultegra',
  'Shimano Tiagra',
  'Shimano Claris',
  'SRAM Rival AXS',
  'SRAM Apex',
  'Shimano GRX 600',
  'Campagnolo Centaur',
  'Shimano 105 Di2',
];
const EBIKE_MOTORS = [
  'Bosch Performance Line CX',
  'Bosch Active Line Plus',
  'Shimano EP8',
  'Shimano Steps E6100',
  'Yamaha PW-ST',
  'Brose Drive S Mag',
  'Bosch Performance Line',
];
const BIKE_DETAILS = [
  'Recently serviced: new chain, brake pads and cables.',
  'Drivetrain is {groupset}, shifting crisply.',
  'Hydraulic disc brakes with plenty of pad left.',
  'Suits riders of roughly {height} cm.',
  'Comes with pedals, a bottle cage and a lock.',
  'Purchase invoice from {shop} available; frame number registered.',
  'Tubeless set-up, sealant refreshed this season.',
];
const EBIKE_DETAILS = [
  '{motor} motor with a {battery} Wh battery.',
  'Battery holds its charge well; range about {range} km.',
  'Charger and two keys included.',
  'Only {chargeCycles} charge cycles so far.',
  ...BIKE_DETAILS,
];
const SKI_DETAILS = [
  'Edges sharpened and base waxed this season.',
  'Bindings adjusted for a boot of {mondo} mondo; easy to change.',
  'Top sheets have a few chips, bases are fine.',
];
const RACKET_DETAILS = ['Freshly strung.', 'New overgrip fitted.', 'Cover included.'];

function bike(
  brand: string,
  type: string,
  models: string[],
  price: PriceRange,
  extra: Partial<ItemTemplate> = {},
): ItemTemplate {
  return item(brand, type, price, models, {
    years: [2017, 2025],
    title: '{name} {type} {wheel} – size {frameSize}, {colour}',
    attrs: { wheel: MTB_WHEELS, frameSize: FRAME_LETTERS, colour: BIKE_COLOURS, groupset: MTB_GROUPSETS },
    details: BIKE_DETAILS,
    weight: 2,
    ...extra,
  });
}

function roadBike(
  brand: string,
  type: string,
  models: string[],
  price: PriceRange,
  extra: Partial<ItemTemplate> = {},
): ItemTemplate {
  return bike(brand, type, models, price, {
    title: '{name} {type}, {frameSize} frame, {groupset}',
    attrs: { frameSize: FRAME_CM, colour: BIKE_COLOURS, groupset: ROAD_GROUPSETS },
    ...extra,
  });
}

function eBike(
  brand: string,
  type: string,
  models: string[],
  price: PriceRange,
  extra: Partial<ItemTemplate> = {},
): ItemTemplate {
  return bike(brand, type, models, price, {
    attrs: {
      wheel: ['27.5"', '28"', '29"'],
      frameSize: FRAME_LETTERS,
      colour: BIKE_COLOURS,
      groupset: MTB_GROUPSETS,
      motor: EBIKE_MOTORS,
      battery: ['400', '500', '545', '625', '750'],
    },
    details: EBIKE_DETAILS,
    ...extra,
  });
}

export const sports: CategoryVocabulary = {
  category: 'Sports',
  share: 13,
  titles: [
    '{name} {type}',
    '{name} {type} – {conditionWord}',
    '{name} {type} ({conditionWord})',
    '{name} {type}, pickup {city}',
  ],
  items: [
    // Bikes
    bike('Trek', 'mountain bike', ['Marlin 5', 'Marlin 6', 'Marlin 7', 'Roscoe 7', 'X-Caliber 8'], [120, 1100], {
      weight: 4,
    }),
    bike('Trek', 'full-suspension mountain bike', ['Fuel EX 8', 'Fuel EX 9.8', 'Top Fuel 8', 'Slash 8'], [800, 5500]),
    bike('Trek', 'hybrid bike', ['FX 2 Disc', 'FX 3 Disc', 'Dual Sport 2', 'Verve 2'], [120, 950], {
      attrs: { wheel: HYBRID_WHEELS, frameSize: FRAME_LETTERS, colour: BIKE_COLOURS, groupset: MTB_GROUPSETS },
    }),
    roadBike(
      'Trek',
      'road bike',
      ['Domane AL 2', 'Domane SL 5', 'Émonda SL 6', 'Madone SL 6', 'Checkpoint ALR 5'],
      [300, 4200],
    ),
    eBike('Trek', 'e-bike', ['Allant+ 7', 'Rail 9.7', 'Powerfly 5', 'Dual Sport+ 2'], [900, 5500]),
    bike('Giant', 'mountain bike', ['Talon 2', 'Talon 29 1', 'Fathom 1', 'Stance 2'], [150, 1500], { weight: 3 }),
    bike('Giant', 'full-suspension mountain bike', ['Trance X 29', 'Reign 2', 'Anthem 29'], [900, 4500]),
    bike('Giant', 'hybrid bike', ['Escape 3', 'Escape 1 Disc', 'FastRoad AR 2', 'Roam 2'], [100, 1100], {
      attrs: { wheel: HYBRID_WHEELS, frameSize: FRAME_LETTERS, colour: BIKE_COLOURS, groupset: MTB_GROUPSETS },
    }),
    roadBike(
      'Giant',
      'road bike',
      ['Defy Advanced 2', 'TCR Advanced 2', 'Contend AR 3', 'Revolt Advanced 2'],
      [350, 3200],
    ),
    eBike('Giant', 'e-bike', ['Explore E+ 2', 'Fathom E+ 2', 'Trance X E+ 3'], [900, 5000]),
    bike(
      'Specialized',
      'mountain bike',
      ['Rockhopper', 'Rockhopper Sport', 'Rockhopper Expert 29', 'Chisel'],
      [180, 1500],
      { weight: 3 },
    ),
    bike(
      'Specialized',
      'full-suspension mountain bike',
      ['Stumpjumper Comp', 'Epic EVO', 'Status 140', 'Enduro Comp'],
      [1000, 5500],
    ),
    roadBike('Specialized', 'road bike', ['Allez', 'Allez Sprint', 'Diverge E5'], [300, 1800]),
    roadBike(
      'Specialized',
      'carbon road bike',
      ['Tarmac SL6', 'Tarmac SL7 Expert', 'Aethos Comp', 'Roubaix Sport'],
      [900, 6500],
    ),
    bike('Specialized', 'hybrid bike', ['Sirrus 2.0', 'Sirrus X 3.0'], [150, 1000], {
      attrs: { wheel: HYBRID_WHEELS, frameSize: FRAME_LETTERS, colour: BIKE_COLOURS, groupset: MTB_GROUPSETS },
    }),
    eBike('Specialized', 'e-bike', ['Turbo Vado 4.0', 'Turbo Como 3.0', 'Turbo Levo', 'Turbo Creo SL'], [1200, 7000], {
      attrs: {
        wheel: ['27.5"', '28"', '29"'],
        frameSize: FRAME_LETTERS,
        colour: BIKE_COLOURS,
        groupset: MTB_GROUPSETS,
        motor: ['Specialized 2.2', 'Specialized SL 1.1', 'Specialized 1.3'],
        battery: ['320', '500', '710'],
      },
    }),
    bike(
      'Cube',
      'mountain bike',
      ['Aim', 'Aim Pro', 'Aim SL', 'Attention', 'Reaction Pro', 'Reaction C:62'],
      [150, 1800],
      { weight: 4 },
    ),
    bike('Cube', 'full-suspension mountain bike', ['Stereo 120 Pro', 'Stereo 150 C:62', 'AMS 100'], [900, 4500]),
    roadBike('Cube', 'road bike', ['Nuroad Pro', 'Attain GTC', 'Agree C:62'], [300, 2500]),
    eBike(
      'Cube',
      'e-bike',
      ['Kathmandu Hybrid', 'Reaction Hybrid Pro', 'Touring Hybrid One', 'Stereo Hybrid 140'],
      [900, 4800],
      { weight: 3 },
    ),
    bike('Cube', 'trekking bike', ['Nature', 'Hyde', 'Travel', 'Touring'], [150, 1000], {
      attrs: { wheel: HYBRID_WHEELS, frameSize: FRAME_LETTERS, colour: BIKE_COLOURS, groupset: MTB_GROUPSETS },
    }),
    roadBike(
      'Canyon',
      'road bike',
      ['Ultimate CF SL 7', 'Endurace CF 7', 'Aeroad CF SLX', 'Grizl CF SL 7', 'Grail CF SL 7'],
      [700, 5500],
      { weight: 3 },
    ),
    bike(
      'Canyon',
      'mountain bike',
      ['Spectral 125', 'Neuron 6', 'Lux Trail', 'Grand Canyon 7', 'Stoic 3'],
      [400, 4800],
    ),
    bike('Scott', 'mountain bike', ['Scale 970', 'Aspect 950', 'Spark 960', 'Genius 930'], [200, 4500]),
    roadBike('Scott', 'road bike', ['Addict RC 30', 'Speedster 20', 'Addict Gravel 30'], [400, 4500]),
    bike('Cannondale', 'mountain bike', ['Trail 5', 'Trail SE 4', 'Habit 4', 'Scalpel HT'], [200, 3500]),
    roadBike('Cannondale', 'road bike', ['CAAD13', 'Synapse Carbon', 'SuperSix EVO', 'Topstone 2'], [400, 4500]),
    roadBike('Bianchi', 'road bike', ['Via Nirone 7', 'Sprint', 'Oltre XR3', 'Infinito CV'], [400, 4000], {
      attrs: { frameSize: FRAME_CM, colour: ['celeste', 'black/celeste', 'white'], groupset: ROAD_GROUPSETS },
    }),
    bike('Orbea', 'bike', ['Alma H30', 'Occam H30', 'Orca M30', 'Terra H40', 'Vibe H30'], [350, 4500]),
    bike(
      'Merida',
      'bike',
      ['Big.Nine 100', 'One-Twenty 600', 'Scultura 400', 'Silex 200', 'eOne-Sixty 500'],
      [250, 4500],
    ),
    bike('Focus', 'bike', ['Whistler 3.6', 'Izalco Max', 'Jarifa² 6.7', 'Thron² 6.8'], [300, 4500]),
    bike('Ghost', 'bike', ['Kato', 'Lector', 'Hybride ASX', 'Lanao'], [200, 3500]),
    bike('KTM', 'bike', ['Macina Style', 'Macina Kapoho', 'Chicago Disc', 'Ultra Fun'], [200, 4200]),
    bike(
      'Santa Cruz',
      'full-suspension mountain bike',
      ['Hightower', '5010', 'Bronson', 'Tallboy', 'Nomad'],
      [1500, 7500],
    ),
    bike('YT', 'full-suspension mountain bike', ['Jeffsy', 'Capra', 'Izzo'], [1200, 5000]),
    bike(
      'Decathlon',
      'bike',
      [
        'Rockrider ST 520',
        'Rockrider ST 540',
        'Riverside 500',
        'Triban RC 520',
        "B'Twin Elops 520",
        'Van Rysel EDR AF',
      ],
      [80, 1200],
      { weight: 3 },
    ),
    bike('Brompton', 'folding bike', ['M6L', 'S2L', 'C Line Explore', 'P Line Urban', 'Electric C Line'], [350, 3500], {
      title: '{name} {type}, {colour}',
      attrs: {
        colour: ['racing green', 'black', 'tempest blue', 'flame lacquer', 'turkish green'],
        groupset: ['6-speed', '2-speed', '4-speed'],
      },
      details: ['Folds in seconds; the hinges are tight.', 'Front bag and mudguards included.', 'Fits under any desk.'],
      weight: 2,
    }),
    bike('Gazelle', 'city bike', ['Orange C7', 'Esprit', 'Chamonix C7', 'Miss Grace'], [120, 900], {
      title: '{name} {type}, {frameSize} frame, {colour}',
      attrs: {
        frameSize: ['49 cm', '53 cm', '57 cm', '61 cm'],
        colour: ['black', 'petrol blue', 'creme', 'green'],
        groupset: ['Shimano Nexus 7', 'Shimano Nexus 3'],
      },
    }),
    eBike('Gazelle', 'e-bike', ['Ultimate C8+', 'Grenoble C7+ HMB', 'Medeo T9 HMB', 'Arroyo C7+'], [900, 4000], {
      title: '{name} {type}, {frameSize}, {colour}',
      weight: 2,
    }),
    bike('Batavus', 'Dutch bike', ['Old Dutch', 'Fonk', 'Finez', 'Mambo'], [80, 800], {
      title: '{name} {type}, {colour}',
      attrs: { colour: ['black', 'green', 'cream'], groupset: ['3-speed hub', 'single speed'] },
      details: ['Front carrier, lights and frame lock included.', 'Upright position, perfect for commuting.'],
    }),
    eBike('VanMoof', 'e-bike', ['S3', 'X3', 'S5', 'A5'], [500, 3500], {
      title: '{name} {type}, {colour}',
      details: ['Account transferred to the new owner in the app.', 'Recently checked at a VanMoof service point.'],
    }),
    eBike('Cowboy', 'e-bike', ['3', '4', 'Cruiser'], [700, 3200], { title: '{name} {type}, {colour}' }),
    eBike(
      'Riese & Müller',
      'cargo e-bike',
      ['Load 60', 'Packster 70', 'Multicharger Mixte', 'Supercharger2'],
      [2000, 9000],
      { details: ['Rain cover and child seats for two in the box.', ...EBIKE_DETAILS] },
    ),
    eBike('Urban Arrow', 'cargo e-bike', ['Family', 'Shorty'], [1500, 6500], {
      details: ['Rain tent and bench with belts included.', ...EBIKE_DETAILS],
    }),
    bike('Babboe', 'cargo bike', ['Big', 'Curve', 'City-E'], [300, 3500], {
      title: '{name} {type}, {colour}',
      details: ['Rain tent and two seat belts included.'],
    }),
    eBike('Haibike', 'electric mountain bike', ['AllMtn 5', 'Trekking 4', 'SDURO HardSeven'], [900, 5000]),
    bike('Woom', 'kids bike', ['2', '3', '4', '5', '6'], [100, 550], {
      title: '{name} {type} {wheel}, {colour}',
      attrs: {
        wheel: ['14"', '16"', '20"', '24"', '26"'],
        colour: ['red', 'blue', 'green', 'purple', 'yellow'],
        frameSize: ['XS'],
      },
      details: ['Light enough for a child to handle easily.', 'Resale value is famously high; ours has been loved.'],
      weight: 2,
    }),
    bike('Puky', 'kids bike', ['LR Light balance bike', 'Cyke 16', 'ZL 12', 'Youke 18'], [20, 250], {
      title: '{name} {type}, {colour}',
      attrs: { colour: ['red', 'blue', 'pink', 'green'] },
      details: ['Saddle and handlebar are height-adjustable.', 'Sturdy enough for a second child.'],
    }),
    // Bike gear
    item('Thule', 'bike trailer', [100, 900], ['Chariot Cross 2', 'Chariot Sport', 'Chariot Lite'], {
      details: ['Jogging and stroller kits included.', 'Fits any bike with the included hitch.'],
    }),
    item('Thule', 'child bike seat', [20, 150], ['Yepp Maxi', 'Yepp Nexxt Mini', 'RideAlong'], {}),
    item('Garmin', 'bike computer', [60, 500], ['Edge 530', 'Edge 830', 'Edge 1040', 'Varia RTL515 radar'], {
      details: ['Out-front mount included.'],
    }),
    item('Wahoo', 'smart trainer', [150, 1000], ['KICKR', 'KICKR Core', 'KICKR Snap'], {
      details: ['Works with Zwift out of the box.', 'Cassette already fitted.'],
    }),
    item('Tacx', 'smart trainer', [100, 1000], ['Neo 2T', 'Flux S', 'Boost'], {
      details: ['Works with Zwift out of the box.'],
    }),
    item('Abus', 'bike lock', [20, 110], ['Bordo 6000', 'Granit X-Plus 540', 'Granit Citychain'], {
      details: ['Three keys included.'],
    }),
    item('Ortlieb', 'panniers (pair)', [40, 150], ['Back-Roller Classic', 'Sport-Roller Plus', 'Bike-Shopper'], {
      details: ['Completely waterproof.'],
    }),
    // Fitness
    item('Concept2', 'indoor rower', [350, 1100], ['RowErg Model D', 'RowErg Model E', 'SkiErg', 'BikeErg'], {
      details: ['PM5 monitor connects to apps over Bluetooth.', 'Chain oiled regularly, runs silently.'],
      weight: 2,
    }),
    item('Peloton', 'exercise bike', [500, 2500], ['Bike', 'Bike+', 'Tread'], {
      details: ['Subscription not included, hardware only.', 'Shoes in size 42 included.'],
    }),
    item('Bowflex', 'adjustable dumbbells', [120, 650], ['SelectTech 552', 'SelectTech 1090'], {
      details: ['Pair, 2 to 24 kg each.', 'Stands available for a bit more.'],
    }),
    item('Kettler', 'exercise bike', [40, 500], ['Axos Cycle', 'Skylon 1', 'Tour 600', 'Golf M'], {}),
    item('Technogym', 'fitness machine', [600, 9000], ['Skillrun', 'Run Personal', 'Bike Forma', 'Skillmill'], {
      details: ['Needs a van and two strong people.'],
    }),
    item(
      'Gorilla Sports',
      'home gym equipment',
      [20, 700],
      ['kettlebell set', 'weight plates 4x10 kg', 'power rack', 'Olympic barbell', 'weight bench'],
      { weight: 2 },
    ),
    item('Manduka', 'yoga mat', [20, 120], ['PRO', 'PROlite', 'eKO'], {
      attrs: { colour: ['black magic', 'verve', 'sage', 'midnight'] },
    }),
    item('Liforme', 'yoga mat', [30, 130], ['Original', 'Travel'], {}),
    item(
      'Everlast',
      'boxing equipment',
      [15, 250],
      ['Pro Style gloves 14 oz', 'freestanding punch bag', 'Elite training gloves'],
      {},
    ),
    // Winter sports
    item('Atomic', 'skis', [60, 750], ['Redster X9', 'Bent 100', 'Maverick 95', 'Vantage 90'], {
      title: '{name} {type} {length}, with bindings',
      attrs: { length: ['156 cm', '163 cm', '170 cm', '177 cm', '184 cm'], mondo: ['26.5', '27.5', '28.5'] },
      details: SKI_DETAILS,
      weight: 2,
    }),
    item('Rossignol', 'skis', [60, 700], ['Experience 86', 'Hero Elite', 'Sender 94', 'Nova 6'], {
      title: '{name} {type} {length}, with bindings',
      attrs: { length: ['150 cm', '158 cm', '166 cm', '174 cm', '182 cm'], mondo: ['24.5', '25.5', '27.5'] },
      details: SKI_DETAILS,
      weight: 2,
    }),
    item('Salomon', 'skis', [60, 700], ['QST 98', 'Stance 90', 'S/Max 8', 'QST Lumen 99'], {
      title: '{name} {type} {length}, with bindings',
      attrs: { length: ['153 cm', '161 cm', '169 cm', '176 cm', '183 cm'], mondo: ['25.5', '26.5', '28.5'] },
      details: SKI_DETAILS,
    }),
    item('Völkl', 'skis', [80, 800], ['Deacon 84', 'Mantra M6', 'Blaze 94', 'Racetiger SC'], {
      title: '{name} {type} {length}, with bindings',
      attrs: { length: ['158 cm', '165 cm', '172 cm', '179 cm'], mondo: ['26.5', '27.5', '29.5'] },
      details: SKI_DETAILS,
    }),
    item('Head', 'skis', [60, 750], ['Supershape e-Titan', 'Kore 99', 'Worldcup Rebels'], {
      title: '{name} {type} {length}, with bindings',
      attrs: { length: ['156 cm', '163 cm', '170 cm', '177 cm'], mondo: ['25.5', '27.5', '28.5'] },
      details: SKI_DETAILS,
    }),
    item('Lange', 'ski boots', [40, 450], ['RX 120', 'Shadow 110', 'LX 90'], {
      title: '{name} {type}, mondo {mondo}',
      attrs: { mondo: ['24.5', '25.5', '26.5', '27.5', '28.5', '29.5'] },
      details: ['Liners are clean and still supportive.'],
    }),
    item('Nordica', 'ski boots', [40, 400], ['Speedmachine 3 110', 'Sportmachine 100', 'Pro Machine 120'], {
      title: '{name} {type}, mondo {mondo}',
      attrs: { mondo: ['24.5', '25.5', '26.5', '27.5', '28.5'] },
    }),
    item('Tecnica', 'ski boots', [40, 420], ['Mach1 MV 120', 'Cochise 110', 'Mach Sport HV 80'], {
      title: '{name} {type}, mondo {mondo}',
      attrs: { mondo: ['24.5', '25.5', '26.5', '27.5', '28.5'] },
    }),
    item('Burton', 'snowboard', [60, 600], ['Custom', 'Process', 'Feelgood', 'Instigator', 'Yeasayer'], {
      title: '{name} {type} {length}',
      attrs: { length: ['146 cm', '150 cm', '154 cm', '158 cm', '162 cm'] },
      details: ['Bindings included.', 'Waxed at the end of last season.'],
      weight: 2,
    }),
    item('Lib Tech', 'snowboard', [80, 550], ['T.Rice Pro', 'Skunk Ape', 'Orca'], {
      title: '{name} {type} {length}',
      attrs: { length: ['153 cm', '157 cm', '161 cm', '164 cm'] },
    }),
    item('Jones', 'snowboard', [90, 600], ['Mountain Twin', 'Frontier', 'Flagship'], {
      title: '{name} {type} {length}',
      attrs: { length: ['154 cm', '158 cm', '161 cm'] },
    }),
    item('Uvex', 'ski helmet', [20, 150], ['Sioux', 'Legend', 'Jakk+', 'Wanted'], {
      attrs: { size: ['51-55 cm', '55-59 cm', '59-62 cm'] },
      title: '{name} {type}, {size}, {colour}',
      details: ['No knocks or cracks.'],
    }),
    item('POC', 'helmet', [30, 220], ['Obex MIPS', 'Ventral Air', 'Tectal', 'Octal'], {
      attrs: { size: ['S', 'M', 'L'] },
      title: '{name} {type}, size {size}, {colour}',
      details: ['Never crashed.'],
    }),
    item('Smith', 'ski goggles', [40, 260], ['I/O Mag', '4D MAG', 'Squad'], {
      details: ['Spare lens for low light included.'],
    }),
    item('Oakley', 'ski goggles', [30, 200], ['Flight Deck', 'Line Miner', 'Fall Line'], {}),
    // Racket sports and golf
    item('Wilson', 'tennis racket', [30, 240], ['Pro Staff 97', 'Blade 98', 'Clash 100', 'Ultra 100'], {
      title: '{name} {type}, grip {grip}',
      attrs: { grip: ['L1', 'L2', 'L3', 'L4'] },
      details: RACKET_DETAILS,
      weight: 2,
    }),
    item('Babolat', 'tennis racket', [30, 230], ['Pure Drive', 'Pure Aero', 'Pure Strike'], {
      title: '{name} {type}, grip {grip}',
      attrs: { grip: ['L1', 'L2', 'L3', 'L4'] },
      details: RACKET_DETAILS,
      weight: 2,
    }),
    item('Head', 'tennis racket', [30, 230], ['Speed MP', 'Radical MP', 'Gravity Pro', 'Extreme MP'], {
      title: '{name} {type}, grip {grip}',
      attrs: { grip: ['L2', 'L3', 'L4'] },
      details: RACKET_DETAILS,
    }),
    item('Yonex', 'racket', [30, 230], ['EZONE 98', 'VCORE 100', 'Astrox 88D', 'Nanoflare 800'], {
      details: RACKET_DETAILS,
    }),
    item('Bullpadel', 'padel racket', [40, 320], ['Vertex 03', 'Hack 03', 'Flow'], {
      details: RACKET_DETAILS,
      weight: 2,
    }),
    item('Adidas', 'padel racket', [40, 300], ['Metalbone', 'Adipower', 'Match'], { details: RACKET_DETAILS }),
    item('Cornilleau', 'table tennis table', [120, 1200], ['Sport 250 outdoor', 'Pro 510M', '500X'], {
      details: ['Folds up for storage; net and bats included.'],
    }),
    item('Kettler', 'table tennis table', [80, 650], ['Outdoor 6', 'Indoor 10'], {
      details: ['Folds up for storage; net and bats included.'],
    }),
    item(
      'TaylorMade',
      'golf club',
      [60, 1100],
      ['Stealth 2 driver', 'SIM2 Max driver', 'P790 irons 4-PW', 'Spider Tour putter'],
      { details: ['Headcover included.', 'Stiff flex shaft, standard length.'], weight: 2 },
    ),
    item(
      'Callaway',
      'golf club',
      [60, 1000],
      ['Rogue ST Max driver', 'Apex irons 5-PW', 'Paradym driver', 'Big Bertha irons'],
      { details: ['Headcover included.', 'Regular flex shaft.'] },
    ),
    item('Ping', 'golf club', [60, 950], ['G425 Max driver', 'G430 irons 5-PW', 'Anser putter'], {
      details: ['Black dot, standard lie.'],
    }),
    item(
      'Titleist',
      'golf club',
      [60, 1100],
      ['TSR2 driver', 'T200 irons', 'Scotty Cameron Newport 2 putter', 'Vokey SM9 wedge'],
      {},
    ),
    item('PowaKaddy', 'electric golf trolley', [150, 900], ['FX7', 'CT6', 'Freeway II'], {
      details: ['Lithium battery holds 36 holes.'],
    }),
    // Outdoor and climbing
    item('Hilleberg', 'tent', [250, 1200], ['Nallo 2', 'Akto', 'Anjan 2 GT', 'Kaitum 3'], {
      details: ['Footprint included.', 'Seams and zips perfect; dried after every trip.'],
    }),
    item('MSR', 'tent', [120, 550], ['Hubba Hubba NX', 'Elixir 2', 'Access 2'], { details: ['Footprint included.'] }),
    item('Vaude', 'tent', [60, 450], ['Hogan UL 2P', 'Campo 3P', 'Space L2P'], {}),
    item('Quechua', 'tent', [20, 400], ['2 Seconds Easy', 'MH100 4-person', 'Air Seconds 4.1'], { weight: 2 }),
    item('Osprey', 'hiking backpack', [50, 320], ['Atmos AG 65', 'Aether 55', 'Exos 48', 'Farpoint 40', 'Talon 22'], {
      attrs: { size: ['S/M', 'L/XL'] },
      title: '{name} {type}, size {size}',
    }),
    item(
      'Deuter',
      'backpack',
      [30, 330],
      ['Aircontact Lite 50+10', 'Futura 32', 'Kid Comfort Pro', 'Trans Alpine 30'],
      {},
    ),
    item('Therm-a-Rest', 'sleeping mat', [20, 200], ['NeoAir XLite', 'Z Lite Sol', 'ProLite Plus'], {}),
    item('Jetboil', 'camping stove', [40, 150], ['Flash', 'MiniMo', 'Stash'], {}),
    item(
      'Black Diamond',
      'climbing gear',
      [15, 150],
      ['Momentum harness', 'Trail Pro trekking poles', 'Spot 400 headlamp', 'ATC Guide'],
      {},
    ),
    item('Petzl', 'climbing gear', [20, 120], ['Corax harness', 'Grigri', 'Actik Core headlamp', 'Sirocco helmet'], {}),
    item('La Sportiva', 'climbing shoes', [30, 180], ['Solution', 'Katana Lace', 'TC Pro', 'Tarantulace'], {
      title: '{name} {type}, EU {size}',
      attrs: { size: ['38', '39', '40', '41', '42', '43', '44'] },
      details: ['Resoled once, plenty of rubber left.'],
    }),
    item('Scarpa', 'climbing shoes', [30, 170], ['Instinct VS', 'Drago', 'Veloce'], {
      title: '{name} {type}, EU {size}',
      attrs: { size: ['38', '39', '40', '41', '42', '43'] },
    }),
    // Water sports
    item('Red Paddle Co', 'inflatable SUP', [250, 1200], ['Ride 10\'6"', 'Voyager 12\'6"', 'Sport 11\'3"'], {
      details: ['Pump, paddle and backpack included.', 'Holds pressure overnight, no leaks.'],
      weight: 2,
    }),
    item('Aqua Marina', 'inflatable SUP', [80, 450], ['Beast', 'Atlas', 'Magma'], {
      details: ['Pump, paddle and backpack included.'],
    }),
    item("O'Neill", 'wetsuit', [30, 380], ['Psycho Tech 4/3', 'Reactor 3/2', 'Hyperfreak 5/4', 'Epic 4/3'], {
      title: '{name} {type}, size {size}',
      attrs: { size: ['S', 'MS', 'M', 'MT', 'L', 'XL'] },
      details: ['Seams intact, no tears.'],
    }),
    item('Torq', 'surfboard', [150, 700], ['Mod Fun 7\'6"', 'Longboard 9\'0"', 'Fish 6\'3"'], {
      details: ['Fins and leash included.'],
    }),
    item('Gumotex', 'inflatable kayak', [200, 900], ['Solar 410C', 'Twist 2', 'Seawave'], {
      details: ['Two paddles and a pump included.'],
    }),
    // Team sports and skating
    item(
      'Nike',
      'football boots',
      [15, 250],
      ['Mercurial Vapor 15 Elite FG', 'Phantom GX Academy', 'Tiempo Legend 9'],
      {
        title: '{name} {type}, EU {size}',
        attrs: { size: ['38', '39', '40', '41', '42', '43', '44', '45'] },
        weight: 2,
      },
    ),
    item('Adidas', 'football boots', [15, 250], ['Predator Accuracy.1', 'Copa Pure.2', 'X Crazyfast.1'], {
      title: '{name} {type}, EU {size}',
      attrs: { size: ['38', '39', '40', '41', '42', '43', '44', '45'] },
    }),
    item('Spalding', 'basketball hoop', [40, 350], ['NBA portable', 'Highlight 44"', 'Beast 60"'], {}),
    item('Rollerblade', 'inline skates', [20, 180], ['Twister Edge', 'Macroblade 84', 'Zetrablade'], {
      title: '{name} {type}, EU {size}',
      attrs: { size: ['37', '38', '40', '42', '43', '44', '45'] },
    }),
    item('Bauer', 'ice hockey skates', [40, 500], ['Vapor X3.5', 'Supreme M4', 'Vapor Hyperlite'], {
      title: '{name} {type}, size {size}',
      attrs: { size: ['6.5', '7', '8', '9', '10'] },
    }),
    item('Carver', 'surfskate', [80, 280], ['CX Resonator', 'C7 Greenroom', 'Knox Quill'], {}),
  ],
  openers: [
    'Selling my {name} {type}; it deserves more use than it gets.',
    'For sale: {name} {type}, ready to ride, play or train.',
    'Offering my {name} {type} from a careful owner.',
  ],
  sentences: [
    'Used for about {months} months of regular training.',
    'Stored indoors, out of the weather.',
    'Great for beginners or as a spare.',
    'Bought at {shop} in {boughtYear}.',
    'Cleaned and checked before listing.',
    'You can try it out at pickup.',
    'More photos on request.',
  ],
  conditionNotes: {
    'like new': ['Used only a few times, still looks showroom fresh.'],
    good: ['Some scuffs from normal use; everything works as it should.'],
    fair: ['Well used, with scratches and worn parts that will need replacing soon.'],
    'for parts': ['Frame or shell is cracked; for parts only.', 'Several parts need replacing; sold as a project.'],
  },
  pools: {
    colour: ['black', 'white', 'blue', 'red', 'green', 'grey', 'orange', 'yellow', 'neon yellow'],
    height: ['160-170', '165-175', '170-180', '175-185', '180-190', '185-195'],
    range: ['40', '60', '70', '80', '100', '120'],
    chargeCycles: ['35', '80', '120', '190', '260'],
    shop: [
      'Decathlon',
      'Intersport',
      'Sport 2000',
      'Bike24',
      'Bike-Discount',
      'Rose Bikes',
      'a local bike shop',
      'Globetrotter',
      'Bergfreunde',
      'XXL',
      'Stadium',
      'Bever',
      'Mantel',
      'Alltricks',
      'Go Sport',
      'SportScheck',
      'Snow+Rock',
      'Fahrrad XXL',
    ],
  },
};
