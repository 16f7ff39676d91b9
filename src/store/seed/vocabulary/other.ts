import { item, type CategoryVocabulary } from './types.js';

/**
 * Everything else people sell: instruments, baby gear, toys, games, records, collectables, pets, luggage and car
 * accessories.
 */

const GUITAR_DETAILS = [
  'Setup done recently: low action, no fret buzz.',
  'Gig bag included.',
  'Hard case included.',
  'Electronics are clean, no crackle.',
  'Fresh strings fitted.',
];
const INSTRUMENT_DETAILS = [
  'Power supply and manual included.',
  'All keys and pads work.',
  'Played at home only, never gigged.',
];
const PRAM_DETAILS = [
  'Carrycot and seat unit included.',
  'Rain cover and footmuff included.',
  'Fabrics washed, frame wiped down.',
  'Folds easily into a small car boot.',
];
const CAR_SEAT_DETAILS = ['Never been in an accident.', 'Isofix base included.', 'Covers washed.'];
const LEGO_DETAILS = [
  'Complete with instructions; checked piece by piece.',
  'Built once and displayed, dust-free.',
  'Original box included, slightly worn.',
  'Minifigures all present.',
];
const GAME_DETAILS = ['Complete, all pieces counted.', 'Played {times} times.', 'Cards sleeved from day one.'];
const VINYL = {
  title: '{brand} – {model}, {pressing} LP',
  attrs: {
    pressing: [
      'original pressing',
      '180 g reissue',
      'remastered reissue',
      'German pressing',
      'UK pressing',
      'Dutch pressing',
      'first pressing',
      'coloured vinyl reissue',
    ],
  },
  details: [
    'Grading: {grade}.',
    'Plays without skips; sleeve has light ring wear.',
    'Inner sleeve and insert included.',
  ],
};

export const other: CategoryVocabulary = {
  category: 'Other',
  share: 9,
  titles: [
    '{name} {type}',
    '{name} {type} – {conditionWord}',
    '{name} {type} ({conditionWord})',
    '{name} {type}, pickup {city}',
  ],
  items: [
    // Musical instruments and audio production
    item('Yamaha', 'digital piano', [120, 1800], ['P-45', 'P-125', 'Clavinova CLP-735', 'Arius YDP-145', 'P-515'], {
      details: ['Weighted 88 keys; stand and pedal included.', ...INSTRUMENT_DETAILS],
      weight: 3,
    }),
    item('Roland', 'digital piano', [150, 1500], ['FP-30X', 'FP-10', 'RD-88', 'HP704'], {
      details: ['Weighted 88 keys; stand and pedal included.', ...INSTRUMENT_DETAILS],
      weight: 2,
    }),
    item('Kawai', 'digital piano', [250, 1500], ['ES110', 'CA49', 'KDP120'], { details: INSTRUMENT_DETAILS }),
    item('Yamaha', 'upright piano', [800, 6000], ['U1', 'U3', 'b1', 'C110'], {
      details: ['Tuned last {month}.', 'Needs professional piano movers.', 'Serial number dates it to the 1980s.'],
    }),
    item(
      'Fender',
      'electric guitar',
      [250, 1600],
      [
        'Player Stratocaster',
        'Player Telecaster',
        'American Professional II Stratocaster',
        'Player Jazzmaster',
        'Mustang',
      ],
      {
        attrs: { colour: ['sunburst', 'olympic white', 'black', 'sonic red', 'butterscotch blonde', 'tidepool'] },
        title: '{name} {type}, {colour}',
        details: GUITAR_DETAILS,
        weight: 3,
      },
    ),
    item(
      'Fender',
      'bass guitar',
      [250, 1500],
      ['Player Jazz Bass', 'Player Precision Bass', 'American Performer Precision Bass'],
      { details: GUITAR_DETAILS },
    ),
    item(
      'Squier',
      'electric guitar',
      [80, 450],
      ["Classic Vibe '50s Stratocaster", 'Affinity Telecaster', 'Classic Vibe Precision Bass', 'Bullet Strat'],
      { details: GUITAR_DETAILS, weight: 2 },
    ),
    item(
      'Gibson',
      'electric guitar',
      [700, 3500],
      ['Les Paul Studio', "Les Paul Standard '50s", 'SG Standard', 'ES-335'],
      { details: GUITAR_DETAILS },
    ),
    item(
      'Epiphone',
      'electric guitar',
      [150, 650],
      ['Les Paul Standard', 'SG Standard', 'Casino', 'Les Paul Special'],
      { details: GUITAR_DETAILS, weight: 2 },
    ),
    item('Ibanez', 'guitar', [100, 1400], ['RG550', 'AZ2402', 'GRG170DX', 'SR300E bass', 'AS73'], {
      details: GUITAR_DETAILS,
    }),
    item('PRS', 'electric guitar', [300, 900], ['SE Custom 24', 'SE Silver Sky', 'SE McCarty 594'], {
      details: GUITAR_DETAILS,
    }),
    item(
      'Yamaha',
      'acoustic guitar',
      [50, 800],
      ['F310', 'FG800', 'LL6', 'APX600', 'C40 classical', 'CG182C classical'],
      { details: ['Good for beginners; easy to play.', ...GUITAR_DETAILS], weight: 3 },
    ),
    item('Taylor', 'acoustic guitar', [300, 1600], ['114ce', '214ce', 'GS Mini', '314ce'], { details: GUITAR_DETAILS }),
    item('Martin', 'acoustic guitar', [200, 3000], ['D-28', 'D-15M', '000-15M', 'LX1 Little Martin'], {
      details: GUITAR_DETAILS,
    }),
    item(
      'Boss',
      'guitar gear',
      [30, 700],
      ['Katana-50 MkII amp', 'Katana-100 amp', 'RC-30 loop station', 'DS-1 distortion pedal', 'GT-1000 multi-effects'],
      {},
    ),
    item('Marshall', 'guitar amp', [150, 900], ['DSL40CR', 'Code 50', 'Origin 20C', 'JVM410H'], {
      details: ['Loud and clean; footswitch included.'],
    }),
    item(
      'Fender',
      'guitar amp',
      [80, 900],
      ['Blues Junior IV', 'Hot Rod Deluxe IV', 'Mustang LT25', "'65 Princeton Reverb"],
      {},
    ),
    item('Korg', 'synthesizer', [80, 700], ['Minilogue XD', 'Volca Keys', 'microKORG', 'Monologue'], {
      details: INSTRUMENT_DETAILS,
    }),
    item('Arturia', 'MIDI controller', [60, 350], ['KeyStep 37', 'MiniLab 3', 'MicroFreak', 'KeyLab Essential 61'], {}),
    item('Novation', 'MIDI controller', [60, 400], ['Launchpad X', 'Launchkey 49', 'Circuit Tracks'], {}),
    item(
      'Native Instruments',
      'music production gear',
      [100, 600],
      ['Maschine MK3', 'Komplete Kontrol S49', 'Traktor Kontrol S2'],
      {},
    ),
    item('Pioneer DJ', 'DJ controller', [120, 2000], ['DDJ-400', 'DDJ-FLX6', 'XDJ-RX3', 'CDJ-2000NXS2'], {
      details: ['Rekordbox licence transfers with it.', 'All jog wheels and faders work.'],
      weight: 2,
    }),
    item('Alesis', 'electronic drum kit', [150, 550], ['Nitro Mesh', 'Surge Mesh', 'Strike Pro'], {
      details: ['Throne and headphones included.', 'Mesh heads keep it quiet for the neighbours.'],
    }),
    item('Roland', 'electronic drum kit', [300, 1600], ['TD-07KV', 'TD-17KVX', 'TD-1DMK'], {
      details: ['Throne and kick pedal included.'],
    }),
    item('Pearl', 'drum kit', [200, 1200], ['Export EXX', 'Roadshow', 'Decade Maple'], {
      details: ['Cymbals and hardware included.'],
    }),
    item('Hohner', 'accordion', [300, 2500], ['Bravo III 72', 'Bravo III 96', 'Amica IV 72'], {}),
    item('Stentor', 'violin', [40, 400], ['Student II 4/4', 'Conservatoire 3/4', 'Student I 1/2'], {
      details: ['Bow and case included; rosin in the pocket.'],
    }),
    item(
      'Yamaha',
      'wind instrument',
      [150, 1400],
      ['YAS-280 alto saxophone', 'YTR-2330 trumpet', 'YFL-222 flute', 'YCL-255 clarinet'],
      { details: ['Recently serviced, new pads.', 'Case and mouthpiece included.'] },
    ),
    item('Kala', 'ukulele', [20, 120], ['KA-15S soprano', 'KA-C concert', 'KA-T tenor'], {}),
    item('Shure', 'microphone', [40, 380], ['SM58', 'SM7B', 'Beta 58A', 'MV7'], {}),
    item('Rode', 'microphone', [50, 300], ['NT1', 'PodMic', 'Wireless GO II', 'VideoMic Pro+'], {}),
    item('Focusrite', 'audio interface', [50, 450], ['Scarlett 2i2', 'Scarlett 4i4', 'Clarett+ 4Pre'], {}),
    // Baby and kids
    item('Bugaboo', 'pram', [80, 1100], ['Fox 3', 'Fox 2', 'Cameleon 3 Plus', 'Donkey 5', 'Butterfly', 'Bee 6'], {
      title: '{name} {type}, {colour}',
      attrs: { colour: ['black', 'grey melange', 'steel blue', 'forest green', 'desert taupe'] },
      details: PRAM_DETAILS,
      weight: 3,
    }),
    item('Joolz', 'pram', [80, 1000], ['Day+', 'Geo2', 'Aer+', 'Hub+'], { details: PRAM_DETAILS, weight: 2 }),
    item('Cybex', 'pushchair', [60, 1200], ['Priam', 'Balios S Lux', 'Mios', 'Libelle', 'Eezy S Twist+ 2'], {
      details: PRAM_DETAILS,
      weight: 2,
    }),
    item('Cybex', 'car seat', [30, 350], ['Sirona Z i-Size', 'Cloud Z2 i-Size', 'Solution Z-Fix', 'Pallas G i-Size'], {
      details: CAR_SEAT_DETAILS,
    }),
    item(
      'Maxi-Cosi',
      'car seat',
      [30, 350],
      ['Pebble 360', 'Pearl 360', 'Pebble Plus', 'FamilyFix 360 base', 'CabrioFix'],
      { details: CAR_SEAT_DETAILS, weight: 2 },
    ),
    item(
      'Britax Römer',
      'car seat',
      [40, 350],
      ['Kidfix i-Size', 'Dualfix M i-Size', 'Trifix 2 i-Size', 'Baby-Safe iSense'],
      { details: CAR_SEAT_DETAILS },
    ),
    item(
      'Stokke',
      'baby gear',
      [40, 1100],
      ['Xplory X', 'Sleepi Mini', 'Tripp Trapp Newborn Set', 'Clikk high chair'],
      { details: PRAM_DETAILS },
    ),
    item(
      'BabyBjörn',
      'baby gear',
      [30, 220],
      ['Bouncer Bliss', 'Baby Carrier One', 'Harmony carrier', 'Travel Cot Light'],
      { details: ['Washed and ready for the next baby.'], weight: 2 },
    ),
    item('Ergobaby', 'baby carrier', [30, 180], ['Omni 360', 'Omni Breeze', 'Embrace'], {
      details: ['Washed and ready for the next baby.'],
    }),
    item('Chicco', 'baby gear', [30, 200], ['Next2Me bedside crib', 'Polly high chair', 'Hoopla bouncer'], {}),
    item('Philips Avent', 'baby monitor', [20, 200], ['SCD 833', 'SCD 923 video', 'bottle steriliser'], {}),
    item('Nuna', 'baby gear', [50, 350], ['Pipa car seat', 'SENA travel cot', 'LEAF grow rocker'], {}),
    // Toys and games
    item(
      'LEGO',
      'set',
      [150, 850],
      [
        'Star Wars 75192 Millennium Falcon',
        'Harry Potter 71043 Hogwarts Castle',
        'Technic 42115 Lamborghini Sián',
        'Technic 42143 Ferrari Daytona SP3',
        'Icons 10497 Galaxy Explorer',
      ],
      { details: LEGO_DETAILS, weight: 2 },
    ),
    item(
      'LEGO',
      'set',
      [10, 250],
      [
        'Creator 10295 Porsche 911',
        'Ideas 21318 Tree House',
        'City 60316 police station',
        'Friends Heartlake City resort',
        'Classic 10698 large creative box',
        'Technic 42141 McLaren F1',
        'DUPLO train set',
      ],
      { details: LEGO_DETAILS, weight: 4 },
    ),
    item(
      'LEGO',
      'bulk lot',
      [15, 300],
      ['2 kg mixed bricks', '5 kg mixed bricks', 'minifigure collection (60)', 'Technic parts box'],
      { details: ['Washed and sorted by colour.'] },
    ),
    item(
      'Playmobil',
      'playset',
      [10, 120],
      ['pirate ship 70411', 'knights’ castle', 'City Life hospital', 'Family Fun campsite', 'Country farm'],
      { details: ['Almost complete; a few small accessories missing.'], weight: 2 },
    ),
    item(
      'Brio',
      'wooden railway',
      [15, 150],
      ['Deluxe Railway Set', 'Smart Tech set', 'Railway Starter Set', 'track bundle (60 pieces)'],
      {},
    ),
    item(
      'Sylvanian Families',
      'playset',
      [15, 130],
      ['Red Roof Country Home', 'Cosy Cottage', 'Grand Hotel', 'school'],
      {},
    ),
    item(
      'Tonies',
      'audio player',
      [20, 160],
      ['Toniebox starter set with 10 figures', 'Toniebox', 'Toniebox with 5 Creative-Tonies'],
      {},
    ),
    item(
      'KidKraft',
      'toy',
      [30, 180],
      ['Uptown play kitchen', 'Tidewater dollhouse', 'Waterfall Mountain train table'],
      {},
    ),
    item('Micro', 'kids scooter', [15, 110], ['Maxi Deluxe', 'Mini Micro Deluxe', 'Sprite'], {
      attrs: { colour: ['aqua', 'pink', 'red', 'ice blue', 'black'] },
    }),
    item(
      'Märklin',
      'model railway',
      [40, 600],
      ['H0 starter set', 'BR 01 locomotive', 'C-track bundle', 'Z-gauge starter set'],
      { details: ['Everything runs; transformer included.'] },
    ),
    item(
      'Games Workshop',
      'Warhammer 40,000 set',
      [30, 400],
      ['Space Marines army', 'Combat Patrol: Necrons', 'Leviathan box', 'painted Tyranid army'],
      { details: ['Models primed and partly painted.'] },
    ),
    item('Catan', 'board game', [10, 45], ['base game', 'Seafarers expansion', 'Cities & Knights', 'Starfarers'], {
      details: GAME_DETAILS,
      weight: 2,
    }),
    item(
      'Days of Wonder',
      'board game',
      [15, 45],
      ['Ticket to Ride Europe', 'Ticket to Ride Nordic Countries', 'Small World'],
      { details: GAME_DETAILS, weight: 2 },
    ),
    item('Hans im Glück', 'board game', [10, 50], ['Carcassonne', 'Carcassonne Big Box', 'Stone Age'], {
      details: GAME_DETAILS,
    }),
    item('Stonemaier Games', 'board game', [20, 80], ['Wingspan', 'Scythe', 'Viticulture Essential Edition'], {
      details: GAME_DETAILS,
    }),
    item('Libellud', 'board game', [10, 40], ['Dixit', 'Mysterium'], { details: GAME_DETAILS }),
    item('Asmodee', 'board game', [10, 60], ['7 Wonders', 'Splendor', 'Azul', 'Pandemic'], {
      details: GAME_DETAILS,
      weight: 2,
    }),
    item('FryxGames', 'board game', [20, 60], ['Terraforming Mars', 'Terraforming Mars Big Box'], {
      details: GAME_DETAILS,
    }),
    item('Hasbro', 'board game', [5, 30], ['Monopoly Classic', 'Cluedo', 'Trivial Pursuit', 'Scrabble'], {
      details: GAME_DETAILS,
    }),
    item('Ravensburger', 'puzzle', [5, 40], ['1000-piece puzzle', '2000-piece puzzle', 'Labyrinth', 'Scotland Yard'], {
      details: ['All pieces present, counted twice.'],
    }),
    // Records and collectables
    item(
      'Pink Floyd',
      'vinyl record',
      [10, 120],
      ['The Dark Side of the Moon', 'Wish You Were Here', 'The Wall', 'Animals'],
      { ...VINYL, weight: 2 },
    ),
    item(
      'The Beatles',
      'vinyl record',
      [10, 150],
      ['Abbey Road', 'Revolver', 'Sgt. Pepper’s Lonely Hearts Club Band', 'Rubber Soul'],
      { ...VINYL, weight: 2 },
    ),
    item('Fleetwood Mac', 'vinyl record', [10, 80], ['Rumours', 'Tusk'], VINYL),
    item(
      'David Bowie',
      'vinyl record',
      [10, 100],
      ['Hunky Dory', 'The Rise and Fall of Ziggy Stardust', 'Low', 'Heroes'],
      VINYL,
    ),
    item('Radiohead', 'vinyl record', [12, 80], ['OK Computer', 'In Rainbows', 'Kid A'], VINYL),
    item('Daft Punk', 'vinyl record', [15, 90], ['Random Access Memories', 'Discovery', 'Homework'], VINYL),
    item('Miles Davis', 'vinyl record', [10, 90], ['Kind of Blue', 'Bitches Brew'], VINYL),
    item('Joni Mitchell', 'vinyl record', [10, 70], ['Blue', 'Court and Spark'], VINYL),
    item('Kraftwerk', 'vinyl record', [10, 90], ['Autobahn', 'Trans-Europe Express', 'The Man-Machine'], VINYL),
    item('ABBA', 'vinyl record', [5, 60], ['Arrival', 'Gold', 'Voulez-Vous'], VINYL),
    item('Amy Winehouse', 'vinyl record', [12, 60], ['Back to Black', 'Frank'], VINYL),
    item('Taylor Swift', 'vinyl record', [15, 80], ['Folklore', '1989 (Taylor’s Version)', 'Midnights'], VINYL),
    item('Nirvana', 'vinyl record', [12, 70], ['Nevermind', 'In Utero', 'MTV Unplugged in New York'], VINYL),
    item('Michael Jackson', 'vinyl record', [8, 70], ['Thriller', 'Bad', 'Off the Wall'], VINYL),
    item(
      '',
      'vinyl collection',
      [30, 600],
      ['rock and pop', 'jazz', 'classical', 'soul and funk', 'techno and house', 'Italo disco', 'punk'],
      {
        title: 'Vinyl collection: {count} {name} LPs',
        attrs: { count: ['25', '40', '60', '80', '120', '200'] },
        details: ['Most records VG+ or better; list available on request.'],
      },
    ),
    item(
      'Pokémon',
      'trading cards',
      [15, 450],
      [
        'Scarlet & Violet Elite Trainer Box',
        'Charizard V card',
        'binder with 300 cards',
        'Base Set booster pack',
        '151 booster bundle',
      ],
      { details: ['Cards kept in sleeves and toploaders.'], weight: 2 },
    ),
    item(
      'Magic: The Gathering',
      'card collection',
      [15, 300],
      ['Commander precon deck', 'collection of 2,000 cards', 'Modern Horizons 3 booster box'],
      {},
    ),
    item(
      '',
      'collection',
      [10, 400],
      ['stamp', 'euro coin', 'commemorative 2-euro coin', 'vintage postcard', 'Matchbox car'],
      { details: ['Sorted and catalogued.'] },
    ),
    item(
      '',
      'artwork',
      [15, 900],
      [
        'original oil painting',
        'framed art print',
        'signed screen print',
        'watercolour',
        'vintage travel poster',
        'abstract acrylic on canvas',
      ],
      {
        title: '{name}, {dims}',
        attrs: { dims: ['30x40 cm', '50x70 cm', '60x90 cm', '80x100 cm', '100x140 cm'] },
        details: ['Frame included; ready to hang.', 'Signed on the back.'],
        weight: 2,
      },
    ),
    // Pets
    item('Trixie', 'pet supplies', [10, 120], ['cat tree 150 cm', 'dog crate', 'hamster cage', 'dog bed'], {
      weight: 2,
    }),
    item('Juwel', 'aquarium', [40, 450], ['Rio 125', 'Lido 200', 'Vision 180', 'Primo 70'], {
      details: ['Filter, heater and LED lighting included.', 'Cabinet included; empty and cleaned.'],
    }),
    item('Ferplast', 'pet supplies', [10, 150], ['rabbit hutch', 'bird cage', 'dog transport box Atlas 40'], {}),
    item('Catit', 'cat water fountain', [10, 40], ['Flower Fountain', 'Pixi Fountain'], {}),
    // Luggage, travel and car accessories
    item('Samsonite', 'suitcase', [30, 300], ['Cosmolite 69 cm', "S'Cure 75 cm", 'Proxis cabin', 'Lite-Box 76 cm'], {
      title: '{name} {type}, {colour}',
      attrs: { colour: ['black', 'midnight blue', 'silver', 'red'] },
      details: ['All four wheels roll smoothly; TSA lock works.'],
      weight: 2,
    }),
    item(
      'Rimowa',
      'suitcase',
      [200, 1100],
      ['Original Cabin', 'Essential Check-In M', 'Classic Cabin', 'Essential Lite Trunk'],
      { details: ['Dents are part of the charm; wheels and handle perfect.'] },
    ),
    item('Tumi', 'travel bag', [100, 500], ['Alpha Bravo backpack', 'Voyageur carry-on', 'Alpha 3 garment bag'], {}),
    item('Thule', 'roof box', [60, 700], ['Motion XT L', 'Force XT XL', 'Pacific 200', 'Touring M'], {
      details: ['Keys and mounting clamps included.', 'Fits most roof bars.'],
      weight: 2,
    }),
    item(
      'Thule',
      'car accessory',
      [40, 500],
      ['WingBar Evo roof bars', 'EasyFold XT bike carrier', 'VeloCompact towbar carrier'],
      {},
    ),
    item(
      'Michelin',
      'winter tyres (set of 4)',
      [60, 600],
      ['Alpin 6 205/55 R16', 'Pilot Alpin 5 225/45 R17', 'CrossClimate 2 195/65 R15'],
      { details: ['Tread depth about {tread} mm.', 'On steel rims, ready to fit.'], weight: 2 },
    ),
    item(
      'Continental',
      'tyres (set of 4)',
      [60, 550],
      ['WinterContact TS 870 205/55 R16', 'AllSeasonContact 225/45 R17', 'PremiumContact 6 215/55 R17'],
      { details: ['Tread depth about {tread} mm.'] },
    ),
    item(
      '',
      'wedding decor',
      [10, 200],
      ['gold candle holders (20)', 'table runners and vases', 'fairy lights bundle', 'photo booth props'],
      { title: '{name}, {type}' },
    ),
    item('', 'home brewing kit', [20, 250], ['all-grain', 'extract', 'Grainfather-style'], {}),
  ],
  openers: [
    'Selling my {name} {type}, which has been well looked after.',
    'For sale: {name} {type}, complete and ready to go.',
    'Up for grabs: {name} {type}.',
  ],
  sentences: [
    'Complete, nothing missing.',
    'Bought at {shop} in {boughtYear}.',
    'From a smoke-free home.',
    'Happy to post it; shipping at cost.',
    'More similar items in my other listings.',
    'Only used a handful of times.',
    'Can demonstrate everything at pickup.',
  ],
  conditionNotes: {
    'like new': ['Hardly used, looks brand new.'],
    good: ['Normal signs of use, everything works.'],
    fair: ['Used and it shows, but fully functional.'],
    'for parts': ['Incomplete, several pieces missing.', 'Damaged, for spare parts only.'],
  },
  pools: {
    grade: ['VG+/VG+', 'NM/VG+', 'VG/VG', 'EX/EX', 'NM/NM'],
    tread: ['5', '6', '6.5', '7', '8'],
    shop: [
      'Thomann',
      'Music Store',
      'Bax Music',
      'Smyths Toys',
      'Intertoys',
      'Dreamland',
      'JouéClub',
      'Amazon',
      'the LEGO Store',
      'Babyshop',
      'Prénatal',
      'Fressnapf',
      'Zooplus',
      'a flea market',
      'Decathlon',
    ],
  },
};
