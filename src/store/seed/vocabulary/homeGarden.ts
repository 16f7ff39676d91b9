import { item, type CategoryVocabulary } from './types.js';

/** Grills, tools, garden machinery, kitchen appliances, cleaning, lighting, textiles and plants. */

const CORDLESS = {
  attrs: {
    battery: [
      'one 2.0 Ah battery',
      'two 4.0 Ah batteries',
      'one 5.0 Ah battery',
      'no battery (body only)',
      'two 2.0 Ah batteries and the charger',
    ],
    accessory: ['the carry case', 'a set of bits', 'a drill bit set', 'the side handle', 'the original case'],
  },
};
const TOOL_DETAILS = [
  'Comes with {battery}.',
  'Includes {accessory}.',
  'Used for one renovation, then stored dry.',
  'Motor runs smoothly, no sparking or smell.',
];
const KITCHEN_DETAILS = [
  'Descaled and cleaned before listing.',
  'All attachments included.',
  'Works perfectly, just not used enough.',
  'Manual and recipe book included.',
];
const GRILL_DETAILS = [
  'Cover included.',
  'Grates cleaned and burners checked.',
  'Gas bottle not included.',
  'Used for {seasons} summers.',
];
const RUG_SIZES = ['160x230 cm', '200x300 cm', '140x200 cm', '250x350 cm', 'Ø 200 cm', '80x250 cm runner'];

export const homeGarden: CategoryVocabulary = {
  category: 'Home & Garden',
  share: 13,
  titles: [
    '{name} {type}',
    '{name} {type} – {conditionWord}',
    '{name} {type} ({conditionWord})',
    '{name} {type}, pickup {city}',
  ],
  items: [
    // Grills
    item(
      'Weber',
      'gas grill',
      [120, 1200],
      ['Spirit II E-310', 'Spirit EP-335', 'Genesis II E-315', 'Genesis E-325s', 'Q 1200', 'Q 2200', 'Traveler'],
      { details: GRILL_DETAILS, weight: 4 },
    ),
    item(
      'Weber',
      'charcoal grill',
      [40, 450],
      [
        'Master-Touch 57 cm',
        'Original Kettle 57 cm',
        'Compact Kettle 47 cm',
        'Smokey Mountain Cooker 47 cm',
        'Performer Deluxe',
      ],
      { details: ['Rapidfire chimney starter included.', ...GRILL_DETAILS], weight: 3 },
    ),
    item('Napoleon', 'gas grill', [150, 1300], ['Rogue 425', 'Prestige 500', 'Freestyle 365'], {
      details: GRILL_DETAILS,
    }),
    item('Big Green Egg', 'kamado grill', [400, 1800], ['Medium', 'Large', 'MiniMax'], {
      details: ['Nest stand and ConvEGGtor included.', ...GRILL_DETAILS],
    }),
    item('Traeger', 'pellet grill', [300, 1500], ['Pro 575', 'Ironwood 650', 'Tailgater'], {
      details: ['WiFIRE app control works.', ...GRILL_DETAILS],
    }),
    item('Ooni', 'pizza oven', [100, 700], ['Koda 12', 'Koda 16', 'Karu 16', 'Fyra 12'], {
      details: ['Pizza peel and cover included.', 'Reaches 500 °C in 20 minutes.'],
      weight: 2,
    }),
    // Power tools
    item(
      'Bosch',
      'cordless drill',
      [25, 220],
      ['PSB 18 LI-2', 'GSR 18V-55', 'GSB 18V-55', 'AdvancedImpact 18', 'UniversalDrill 18V'],
      { ...CORDLESS, details: TOOL_DETAILS, weight: 3 },
    ),
    item(
      'Bosch',
      'power tool',
      [30, 400],
      [
        'PST 18 LI jigsaw',
        'GKS 190 circular saw',
        'PEX 300 AE sander',
        'GBH 2-28 F rotary hammer',
        'PKS 18 LI circular saw',
      ],
      { details: TOOL_DETAILS, attrs: CORDLESS.attrs, weight: 2 },
    ),
    item('Makita', 'combi drill', [40, 260], ['DHP482', 'DHP485', 'DHP486', 'HP457D'], {
      ...CORDLESS,
      details: TOOL_DETAILS,
      weight: 3,
    }),
    item(
      'Makita',
      'power tool',
      [40, 450],
      [
        'DTD153 impact driver',
        'DHR243 rotary hammer',
        'DGA504 angle grinder',
        'DHS680 circular saw',
        'DUB184 leaf blower',
      ],
      { ...CORDLESS, details: TOOL_DETAILS, weight: 2 },
    ),
    item(
      'DeWalt',
      'power tool',
      [40, 450],
      ['DCD796 combi drill', 'DCF887 impact driver', 'DCS570 circular saw', 'DCH273 SDS hammer'],
      { ...CORDLESS, details: TOOL_DETAILS, weight: 2 },
    ),
    item(
      'Milwaukee',
      'power tool',
      [50, 500],
      ['M18 FPD2 combi drill', 'M18 FID2 impact driver', 'M12 FPD', 'M18 FHZ Sawzall'],
      { ...CORDLESS, details: TOOL_DETAILS },
    ),
    item('Metabo', 'power tool', [30, 380], ['BS 18 LT', 'KGS 216 M mitre saw', 'W 850-125 angle grinder'], {
      ...CORDLESS,
      details: TOOL_DETAILS,
    }),
    item(
      'Festool',
      'power tool',
      [150, 1300],
      ['Domino DF 500', 'TS 55 plunge saw', 'ETS 150/3 sander', 'CTL 26 extractor', 'Kapex KS 120'],
      { details: ['Systainer case included.', ...TOOL_DETAILS], attrs: CORDLESS.attrs },
    ),
    item(
      'Ryobi',
      'power tool',
      [20, 250],
      ['ONE+ R18PD3 drill', 'ONE+ jigsaw', 'ONE+ string trimmer', 'ONE+ hedge trimmer'],
      { ...CORDLESS, details: TOOL_DETAILS, weight: 2 },
    ),
    item(
      'Einhell',
      'power tool',
      [15, 220],
      ['TE-CD 18/40 Li', 'TC-MS 2112 mitre saw', 'TE-AG 18 angle grinder', 'TC-TS 2025 table saw'],
      { ...CORDLESS, details: TOOL_DETAILS, weight: 2 },
    ),
    item('Dremel', 'rotary tool', [20, 130], ['4000', '3000', '8260'], {
      details: ['Lots of accessories in the case.'],
    }),
    item('Bosch', 'laser level', [30, 250], ['Quigo', 'UniversalLevel 360', 'GLL 3-80'], {}),
    // Garden machinery
    item(
      'Husqvarna',
      'robot lawnmower',
      [300, 2200],
      ['Automower 305', 'Automower 315X', 'Automower 405X', 'Automower 430X'],
      { details: ['Charging station and boundary wire included.', 'Blades replaced this spring.'], weight: 2 },
    ),
    item('Husqvarna', 'chainsaw', [80, 650], ['135 Mark II', '440', '550 XP'], {
      details: ['Chain sharpened, bar in good shape.'],
    }),
    item(
      'Stihl',
      'garden tool',
      [80, 700],
      [
        'MS 170 chainsaw',
        'MS 251 chainsaw',
        'HSA 56 hedge trimmer',
        'FSA 57 brushcutter',
        'RMA 339 lawnmower',
        'BGA 57 blower',
      ],
      { details: ['Serviced at a Stihl dealer.', 'Chain sharpened, bar in good shape.'], weight: 2 },
    ),
    item('Bosch', 'lawnmower', [40, 450], ['Rotak 32', 'Rotak 37 LI', 'Indego S+ 500', 'UniversalRotak 36-550'], {
      details: ['Grass box included.', 'Blade sharpened at the start of the season.'],
      weight: 2,
    }),
    item('Worx', 'robot lawnmower', [200, 900], ['Landroid S300', 'Landroid M500', 'Landroid L1000'], {
      details: ['Charging station and boundary wire included.'],
    }),
    item(
      'Gardena',
      'garden equipment',
      [15, 400],
      [
        'AquaRoll hose trolley',
        'Sileno City robot mower',
        'Comfort sprinkler system',
        'PowerCut Li-40 mower',
        'ComfortCut hedge trimmer',
      ],
      { weight: 2 },
    ),
    item('Kärcher', 'pressure washer', [50, 450], ['K5 Premium', 'K4 Power Control', 'K7 Smart Control', 'K3'], {
      details: ['Patio cleaner and spray lance included.', 'Pump has no leaks.'],
      weight: 3,
    }),
    item(
      'Kärcher',
      'cleaning machine',
      [30, 350],
      ['WD 3 wet and dry vacuum', 'SC 3 steam cleaner', 'WV 6 window vacuum', 'FC 7 floor cleaner'],
      { details: KITCHEN_DETAILS },
    ),
    item(
      'Fiskars',
      'garden tools set',
      [15, 120],
      ['X27 axe', 'PowerGear loppers', 'Xact spade and fork', 'QuikFit set'],
      {},
    ),
    // Kitchen
    item(
      'KitchenAid',
      'stand mixer',
      [120, 650],
      ['Artisan 5KSM175', 'Artisan 5KSM125', 'Heavy Duty 5KPM5', 'Mini 3.3 L'],
      {
        attrs: { colour: ['empire red', 'almond cream', 'onyx black', 'pistachio', 'contour silver', 'matte grey'] },
        details: ['Bowl, dough hook, flat beater and whisk included.', ...KITCHEN_DETAILS],
        weight: 3,
      },
    ),
    item('Vorwerk', 'Thermomix', [250, 1300], ['TM5', 'TM6', 'TM31'], {
      details: ['Cook-Key and Varoma included.', 'Knife replaced last year.', ...KITCHEN_DETAILS],
      weight: 2,
    }),
    item(
      'Nespresso',
      'coffee machine',
      [20, 200],
      ['Vertuo Next', 'Essenza Mini', 'CitiZ & Milk', 'Lattissima One', 'Vertuo Pop'],
      { details: ['Descaled last month.', 'Aeroccino milk frother included.'], weight: 2 },
    ),
    item(
      "De'Longhi",
      'bean-to-cup coffee machine',
      [80, 900],
      ['Magnifica S', 'Dinamica Plus', 'Eletta Explore', 'Rivelia'],
      { details: ['Brewing unit cleaned weekly, descaled regularly.', 'Milk system works perfectly.'], weight: 2 },
    ),
    item(
      'Sage',
      'espresso machine',
      [150, 900],
      ['Barista Express', 'Barista Pro', 'Bambino Plus', 'Oracle Touch', 'Dual Boiler'],
      { details: ['Grinder burrs cleaned; tamper and milk jug included.', 'Pulls consistent shots.'], weight: 2 },
    ),
    item('Jura', 'coffee machine', [200, 1300], ['E8', 'ENA 8', 'Z10'], { details: ['Serviced last year.'] }),
    item('Rancilio', 'espresso machine', [300, 900], ['Silvia V6', 'Silvia Pro X'], {}),
    item('Moccamaster', 'filter coffee maker', [60, 250], ['KBG Select', 'Cup-One', 'KBGT'], {
      attrs: { colour: ['polished silver', 'matte black', 'red', 'mint'] },
    }),
    item(
      'Le Creuset',
      'cast iron casserole',
      [50, 320],
      ['Signature round 24 cm', 'Signature round 28 cm', 'Signature oval 29 cm', 'shallow casserole 30 cm'],
      {
        attrs: { colour: ['volcanic', 'cerise', 'marseille', 'sage', 'meringue', 'flint', 'shell pink'] },
        details: ['Enamel has no chips.', 'Works on induction.'],
        weight: 2,
      },
    ),
    item('Staub', 'cocotte', [50, 280], ['round 24 cm', 'oval 29 cm', 'round 20 cm'], {
      details: ['Enamel has no chips.'],
    }),
    item('WMF', 'cookware set', [30, 250], ['Function 4', 'Profi knife block', 'Perfect Plus pressure cooker'], {}),
    item(
      'Fissler',
      'cookware',
      [30, 280],
      ['Vitavit Premium pressure cooker', 'Original-Profi pot set', 'Adamant frying pan'],
      {},
    ),
    item(
      'Smeg',
      'kitchen appliance',
      [40, 200],
      ['KLF03 kettle', 'TSF01 toaster', 'BLF01 blender', 'SMF02 stand mixer'],
      { attrs: { colour: ['pastel blue', 'cream', 'red', 'pastel green', 'black'] }, weight: 2 },
    ),
    item('Philips', 'airfryer', [30, 250], ['Airfryer XXL', 'Airfryer 3000', 'Essential Airfryer XL'], {
      details: KITCHEN_DETAILS,
      weight: 2,
    }),
    item(
      'Ninja',
      'kitchen appliance',
      [40, 300],
      ['Foodi MAX Dual Zone', 'Creami', 'Foodi 11-in-1', 'Professional blender'],
      { details: KITCHEN_DETAILS },
    ),
    item('Vitamix', 'blender', [150, 600], ['E310', 'A2500i', 'Pro 750'], { details: KITCHEN_DETAILS }),
    item('Kenwood', 'kitchen machine', [60, 550], ['Chef XL', 'kMix', 'Cooking Chef'], { details: KITCHEN_DETAILS }),
    // Cleaning and household appliances
    item('Dyson', 'cordless vacuum', [60, 650], ['V8 Absolute', 'V10', 'V11 Absolute', 'V15 Detect', 'Gen5detect'], {
      details: ['New filter fitted; battery runs about {runtime} minutes.', 'All heads and the wall dock included.'],
      weight: 4,
    }),
    item('Dyson', 'air purifier fan', [80, 550], ['Pure Cool TP04', 'Purifier Hot+Cool HP07', 'AM07 tower fan'], {
      details: ['Filter replaced recently.'],
    }),
    item('Miele', 'vacuum cleaner', [50, 450], ['Complete C3', 'Blizzard CX1', 'Triflex HX2'], {
      details: ['Spare bags and filters included.'],
      weight: 2,
    }),
    item('iRobot', 'robot vacuum', [80, 700], ['Roomba i7+', 'Roomba j7+', 'Roomba 980', 'Braava jet m6'], {
      details: ['Clean base and spare brushes included.'],
    }),
    item('Roborock', 'robot vacuum', [90, 800], ['S7', 'S8 Pro Ultra', 'Q7 Max', 'S5 Max'], {
      details: ['Mops and vacuums; the app works perfectly.'],
    }),
    item('Bosch', 'washing machine', [80, 650], ['Serie 6 WAU28', 'Serie 4 WAN28', 'Serie 8 WAV28'], {
      title: '{name} {type} {capacity}',
      attrs: { capacity: ['7 kg', '8 kg', '9 kg'] },
      details: ['You need to disconnect it and carry it out yourself.', 'Drum bearings quiet, no leaks.'],
      weight: 2,
    }),
    item('Miele', 'washing machine', [150, 1200], ['WWD 120', 'W1 Classic', 'WCG 370'], {
      title: '{name} {type} {capacity}',
      attrs: { capacity: ['7 kg', '8 kg', '9 kg'] },
      details: ['Built to last 20 years; this one still has many ahead.'],
    }),
    item('Siemens', 'dishwasher', [80, 600], ['iQ300 SN23', 'iQ500 SN25', 'iQ100 SN61'], {
      details: ['Integrated model, 60 cm wide.', 'Cleans perfectly, no error codes.'],
    }),
    item('Liebherr', 'fridge', [80, 900], ['CNef 4845', 'Kef 3730', 'CTP 2521'], {
      details: ['Cools perfectly, very quiet.'],
    }),
    item('Samsung', 'fridge freezer', [100, 900], ['RB34T', 'RS68 American style', 'RB38'], {
      details: ['Cools perfectly; ice maker works.'],
    }),
    item("De'Longhi", 'portable air conditioner', [80, 450], ['Pinguino PAC EL98', 'Pinguino PAC N82'], {
      details: ['Window kit included.'],
    }),
    item('Singer', 'sewing machine', [40, 350], ['Heavy Duty 4423', 'Tradition 2282', 'Featherweight 221'], {
      details: ['Foot pedal and extra feet included.'],
    }),
    item('Bernina', 'sewing machine', [150, 1300], ['B 335', 'Activa 220', '1008'], {
      details: ['Serviced last year.'],
    }),
    item('Brother', 'sewing machine', [40, 300], ['Innov-is A16', 'CS10', 'FS40'], {}),
    // Lighting and decor
    item('Louis Poulsen', 'pendant lamp', [200, 1500], ['PH 5', 'PH 3/2', 'AJ floor lamp', 'Panthella'], {
      details: ['Authentic, with the label inside the shade.'],
    }),
    item('Artemide', 'desk lamp', [80, 300], ['Tolomeo Mini', 'Tolomeo Midi', 'Nessino'], {}),
    item('Flos', 'lamp', [120, 900], ['IC Lights F1', 'Snoopy', 'Glo-Ball', 'Arco'], {}),
    item('&Tradition', 'lamp', [100, 350], ['Flowerpot VP3', 'Flowerpot VP9', 'Mass Light'], {
      attrs: { colour: ['matt white', 'swim blue', 'mustard', 'black sand'] },
    }),
    item(
      'Iittala',
      'glassware',
      [15, 180],
      ['Aalto vase', 'Kastehelmi bowls', 'Teema dinner set', 'Ultima Thule glasses'],
      { weight: 2 },
    ),
    item(
      'Alessi',
      'homeware',
      [15, 200],
      ['9093 kettle', 'Plissé toaster', 'Juicy Salif', 'Pulcina espresso maker'],
      {},
    ),
    item('Kähler', 'vase', [15, 120], ['Omaggio', 'Hammershøi', 'Nobili'], {}),
    item(
      'Villeroy & Boch',
      'dinner service',
      [30, 350],
      ['Artesano', 'NewMoon', 'Manufacture Rock', 'Old Luxembourg'],
      { title: '{name} {type} for {places} people', attrs: { places: ['4', '6', '8', '12'] } },
    ),
    item('Rosenthal', 'porcelain set', [30, 300], ['Studio-line', 'Maria white', 'Thomas Trend'], {}),
    item(
      '',
      'rug',
      [15, 900],
      [
        'hand-knotted wool Berber',
        'vintage Persian',
        'jute',
        'Moroccan Beni Ourain',
        'kilim',
        'washable cotton',
        'shaggy',
      ],
      {
        title: '{name} {type} {dims}',
        attrs: { dims: RUG_SIZES },
        details: ['Professionally cleaned.', 'Anti-slip underlay included.'],
        weight: 3,
      },
    ),
    item('', 'mirror', [10, 350], ['large floor', 'round rattan', 'Art Deco', 'gilded antique', 'arched black metal'], {
      details: ['No chips on the glass.'],
      weight: 2,
    }),
    item('', 'curtains (pair)', [10, 120], ['linen', 'velvet', 'blackout', 'cotton'], {
      title: '{name} {type}, {colour}, {dims}',
      attrs: { dims: ['140x250 cm', '135x260 cm', '140x280 cm'] },
    }),
    item('', 'duvet', [15, 250], ['goose down', 'wool', 'summer', 'all-season'], {
      title: '{name} {type} {dims}',
      attrs: { dims: ['140x200 cm', '155x220 cm', '200x220 cm', '240x220 cm'] },
    }),
    item('Hästens', 'bed linen set', [40, 200], ['Blue Check', 'Classic'], {}),
    item('', 'floor lamp', [10, 300], ['arc', 'tripod', 'rattan', 'brass', 'paper'], { weight: 2 }),
    // Garden furniture and plants
    item(
      'Fermob',
      'bistro set',
      [80, 500],
      ['Bistro table with 2 chairs', 'Luxembourg armchairs (pair)', 'Surprising lounger'],
      {
        attrs: { colour: ['lapilli grey', 'cactus', 'capucine', 'cotton white', 'paprika'] },
        title: '{name} {type}, {colour}',
      },
    ),
    item('Kettler', 'garden furniture', [60, 800], ['Basket lounge set', 'Ocean corner sofa', 'Cirrus dining set'], {}),
    item(
      '',
      'garden furniture set',
      [40, 1200],
      ['teak dining', 'rattan lounge', 'aluminium dining', 'pallet', 'acacia bistro'],
      {
        title: '{name} {type} for {places}',
        attrs: { places: ['2', '4', '6', '8'] },
        details: ['Cushions stored dry over winter.', 'Sturdy and weatherproof.'],
        weight: 3,
      },
    ),
    item('Keter', 'garden storage', [20, 400], ['Store It Out Max', 'Manor 6x5 shed', 'Brushwood storage box'], {}),
    item('Weltevree', 'outdoor item', [200, 900], ['Dutchtub', 'Outdooroven'], {}),
    item(
      '',
      'plant',
      [3, 150],
      [
        'Monstera deliciosa',
        'Ficus lyrata',
        'olive tree',
        'Strelitzia',
        'Pilea cuttings',
        'Kentia palm',
        'Japanese maple',
        'lemon tree',
      ],
      {
        title: '{name} {type} in {pot} pot',
        attrs: { pot: ['ceramic', 'terracotta', 'plastic nursery', 'woven basket', 'concrete'] },
        details: ['Healthy and pest-free, new leaves coming.', 'About {plantHeight} cm tall including the pot.'],
        weight: 3,
      },
    ),
    item('', 'raised garden bed', [20, 250], ['larch', 'corten steel', 'pine'], {}),
    item('', 'pots (set)', [5, 120], ['terracotta', 'glazed ceramic', 'fibre clay'], {}),
  ],
  openers: [
    'Selling our {name} {type}; it served us very well.',
    'For sale: {name} {type}, clean and ready to use.',
    'Moving house, so this {name} {type} needs a new home.',
  ],
  sentences: [
    'Used for about {months} months.',
    'Clean and stored indoors.',
    'Bought at {shop} in {boughtYear}.',
    'Manual and original packaging included.',
    'From a smoke-free home.',
    'Can show it working at pickup.',
    'Happy to help carry it to your car.',
  ],
  conditionNotes: {
    'like new': ['Only used {times} times, looks brand new.'],
    good: ['Works perfectly, with normal signs of use.'],
    fair: ['Well used and showing it, but works.', 'Some rust on the outside; fully functional.'],
    'for parts': ['Motor or electronics failed; for parts or repair.', 'No longer works; good for spare parts.'],
  },
  pools: {
    colour: ['black', 'white', 'grey', 'cream', 'sage green', 'terracotta', 'navy', 'natural', 'ochre', 'silver'],
    seasons: ['two', 'three', 'four', 'five'],
    runtime: ['25', '35', '40', '50', '60'],
    plantHeight: ['40', '60', '80', '120', '150', '180'],
    shop: [
      'Bauhaus',
      'OBI',
      'Hornbach',
      'Leroy Merlin',
      'Praxis',
      'Gamma',
      'Castorama',
      'Brico',
      'toom',
      'Jula',
      'Clas Ohlson',
      'Biltema',
      'MediaMarkt',
      'Coolblue',
      'Amazon',
      'IKEA',
      'a garden centre',
      'Dille & Kamille',
      'Søstrene Grene',
    ],
  },
};
