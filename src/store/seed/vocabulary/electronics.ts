import { item, type CategoryVocabulary } from './types.js';

/** Phones, computers, audio, cameras, gaming, TVs and smart-home gear, with second-hand EUR prices. */

const PHONE_STORAGE = ['64 GB', '128 GB', '256 GB', '512 GB'];
const IPHONE_COLOURS = [
  'black',
  'white',
  'blue',
  'midnight',
  'starlight',
  '(PRODUCT)RED',
  'green',
  'purple',
  'graphite',
  'sierra blue',
  'gold',
  'silver',
  'pink',
];
const GALAXY_COLOURS = [
  'phantom black',
  'phantom white',
  'phantom violet',
  'cream',
  'lavender',
  'graphite',
  'mint',
  'green',
];
const PHONE_ACCESSORIES = [
  'the original box',
  'a USB-C cable',
  'a silicone case',
  'a leather case',
  'a tempered glass screen protector',
  'the receipt',
  'a fast charger',
  'a MagSafe wallet',
];
const PHONE_DETAILS = [
  'Battery health is at {battery}%.',
  'Unlocked, works with every network.',
  'Always in a case with a screen protector, so the screen is flawless.',
  'Erased, signed out of every account and ready to set up.',
  'Dual SIM capable; eSIM works too.',
  'The camera is excellent, far better than I need.',
];
const LAPTOP_ATTRS = {
  ram: ['8 GB RAM', '16 GB RAM', '32 GB RAM'],
  ssd: ['256 GB SSD', '512 GB SSD', '1 TB SSD'],
  keyboard: ['QWERTY', 'QWERTZ', 'AZERTY', 'Nordic', 'Spanish'],
  accessory: [
    'the original charger',
    'a padded sleeve',
    'a USB-C hub',
    'the original box',
    'a spare charger',
    'a keyboard cover',
  ],
};
const LAPTOP_DETAILS = [
  'Battery cycle count is {cycles}, still good for a full working day.',
  'Comes with {ram} and a {ssd}.',
  '{keyboard} keyboard layout, all keys work perfectly.',
  'Freshly reinstalled with the latest operating system.',
  'Perfect for studying, office work and light photo editing.',
  'The display has no dead pixels or pressure marks.',
];
const CAMERA_ATTRS = {
  kit: ['body only', 'with kit lens', 'with 18-55 mm lens', 'with 24-105 mm lens', 'with two lenses'],
  shutter: ['4,500', '8,200', '12,000', '18,500', '23,000', '31,000', '46,000'],
  accessory: [
    'two batteries',
    'the charger',
    'a 64 GB SD card',
    'a camera bag',
    'the neck strap',
    'a lens hood',
    'a UV filter',
    'a remote shutter release',
  ],
};
const CAMERA_DETAILS = [
  'Shutter count is about {shutter}.',
  'Sensor is clean, no dust spots in test shots.',
  'Sample photos available on request.',
  'Comes {kit}, plus {accessory}.',
  'Always stored in a dry cabinet.',
];
const LENS_DETAILS = [
  'Glass is clean: no fungus, haze or scratches.',
  'Autofocus is fast and accurate.',
  'Comes with front and rear caps and the hood.',
];
const TV_ATTRS = {
  accessory: ['the remote control', 'the original stand', 'a VESA wall mount', 'the original box', 'a HDMI 2.1 cable'],
};
const TV_DETAILS = [
  'No burn-in, no dead pixels.',
  'Wall mounted the whole time, so the feet are unused.',
  'Great picture for films and gaming.',
  'Smart TV apps all work, remote included.',
];
const CONSOLE_ATTRS = {
  accessory: [
    'two controllers',
    'one controller',
    'the HDMI cable',
    'a charging dock',
    'three games',
    'a carrying case',
    'the original box',
  ],
};
const CONSOLE_DETAILS = [
  'Comes with {accessory}.',
  'Factory reset and ready to play.',
  'Runs quietly, no fan noise.',
  'Games can be added for a bit extra.',
];
const HEADPHONE_ATTRS = {
  accessory: [
    'the carrying case',
    'the charging cable',
    'the audio cable',
    'spare ear tips',
    'the flight adapter',
    'the original box',
  ],
};
const HEADPHONE_DETAILS = [
  'Noise cancelling works perfectly.',
  'Ear pads are in good shape.',
  'Battery still lasts for days.',
  'Pairs quickly with phone and laptop.',
];
const SPEAKER_DETAILS = [
  'Sounds great, no distortion at high volume.',
  'Works with AirPlay and Spotify Connect.',
  'Battery holds its charge well.',
];
const WATCH_ATTRS = {
  case: ['40 mm', '41 mm', '42 mm', '44 mm', '45 mm', '46 mm'],
  accessory: ['the charging cable', 'a spare strap', 'a sport band', 'the original box', 'a screen protector'],
};

export const electronics: CategoryVocabulary = {
  category: 'Electronics',
  share: 20,
  titles: [
    '{name} {type}, {colour}',
    '{name} {type}',
    '{name} {type} – {conditionWord}',
    '{name} {type} ({conditionWord})',
    '{name}, {colour}',
  ],
  items: [
    // Smartphones, tiered by age so each range stays believable.
    item('Apple', 'smartphone', [40, 260], ['iPhone 8', 'iPhone 8 Plus', 'iPhone X', 'iPhone XR', 'iPhone SE (2020)'], {
      title: '{name} {storage}, {colour}',
      attrs: { storage: PHONE_STORAGE, colour: IPHONE_COLOURS, accessory: PHONE_ACCESSORIES },
      details: PHONE_DETAILS,
      weight: 3,
    }),
    item('Apple', 'smartphone', [70, 420], ['iPhone XS', 'iPhone 11', 'iPhone 11 Pro', 'iPhone 12 mini'], {
      title: '{name} {storage}, {colour}',
      attrs: { storage: PHONE_STORAGE, colour: IPHONE_COLOURS, accessory: PHONE_ACCESSORIES },
      details: PHONE_DETAILS,
      weight: 4,
    }),
    item('Apple', 'smartphone', [110, 650], ['iPhone 12', 'iPhone 12 Pro', 'iPhone 13 mini', 'iPhone SE (2022)'], {
      title: '{name} {storage}, {colour}',
      attrs: { storage: PHONE_STORAGE, colour: IPHONE_COLOURS, accessory: PHONE_ACCESSORIES },
      details: PHONE_DETAILS,
      weight: 4,
    }),
    item('Apple', 'smartphone', [160, 850], ['iPhone 13', 'iPhone 13 Pro', 'iPhone 14'], {
      title: '{name} {storage}, {colour}',
      attrs: { storage: PHONE_STORAGE, colour: IPHONE_COLOURS, accessory: PHONE_ACCESSORIES },
      details: PHONE_DETAILS,
      weight: 4,
    }),
    item('Apple', 'smartphone', [250, 1100], ['iPhone 14 Pro', 'iPhone 14 Pro Max', 'iPhone 15', 'iPhone 15 Plus'], {
      title: '{name} {storage}, {colour}',
      attrs: { storage: PHONE_STORAGE, colour: IPHONE_COLOURS, accessory: PHONE_ACCESSORIES },
      details: PHONE_DETAILS,
      weight: 3,
    }),
    item('Apple', 'smartphone', [380, 1300], ['iPhone 15 Pro', 'iPhone 15 Pro Max', 'iPhone 16'], {
      title: '{name} {storage}, {colour}',
      attrs: { storage: PHONE_STORAGE, colour: IPHONE_COLOURS, accessory: PHONE_ACCESSORIES },
      details: PHONE_DETAILS,
      weight: 2,
    }),
    item(
      'Samsung',
      'smartphone',
      [30, 250],
      ['Galaxy S9', 'Galaxy S10', 'Galaxy S10e', 'Galaxy Note 9', 'Galaxy A52'],
      {
        title: '{name} {storage}, {colour}',
        attrs: { storage: PHONE_STORAGE, colour: GALAXY_COLOURS, accessory: PHONE_ACCESSORIES },
        details: PHONE_DETAILS,
        weight: 2,
      },
    ),
    item(
      'Samsung',
      'smartphone',
      [70, 500],
      ['Galaxy S20 FE', 'Galaxy S21', 'Galaxy S21 FE', 'Galaxy Note 20', 'Galaxy A54'],
      {
        title: '{name} {storage}, {colour}',
        attrs: { storage: PHONE_STORAGE, colour: GALAXY_COLOURS, accessory: PHONE_ACCESSORIES },
        details: PHONE_DETAILS,
        weight: 3,
      },
    ),
    item('Samsung', 'smartphone', [140, 900], ['Galaxy S22', 'Galaxy S22 Ultra', 'Galaxy S23', 'Galaxy Z Flip4'], {
      title: '{name} {storage}, {colour}',
      attrs: { storage: PHONE_STORAGE, colour: GALAXY_COLOURS, accessory: PHONE_ACCESSORIES },
      details: PHONE_DETAILS,
      weight: 2,
    }),
    item('Samsung', 'smartphone', [250, 1400], ['Galaxy S23 Ultra', 'Galaxy S24', 'Galaxy Z Fold4', 'Galaxy Z Fold5'], {
      title: '{name} {storage}, {colour}',
      attrs: { storage: PHONE_STORAGE, colour: GALAXY_COLOURS, accessory: PHONE_ACCESSORIES },
      details: PHONE_DETAILS,
    }),
    item(
      'Google',
      'smartphone',
      [60, 650],
      ['Pixel 4a', 'Pixel 5', 'Pixel 6', 'Pixel 6a', 'Pixel 7', 'Pixel 7 Pro', 'Pixel 8'],
      {
        title: '{name} {storage}, {colour}',
        attrs: {
          storage: PHONE_STORAGE,
          colour: ['obsidian', 'snow', 'sage', 'hazel', 'lemongrass', 'stormy black', 'sorta seafoam'],
          accessory: PHONE_ACCESSORIES,
        },
        details: PHONE_DETAILS,
        weight: 2,
      },
    ),
    item('OnePlus', 'smartphone', [50, 600], ['Nord 2', 'Nord CE 3', '8T', '9 Pro', '10 Pro', '11'], {
      title: '{name} {storage}, {colour}',
      attrs: { storage: PHONE_STORAGE, accessory: PHONE_ACCESSORIES },
      details: PHONE_DETAILS,
    }),
    item('Xiaomi', 'smartphone', [30, 500], ['Redmi Note 10', 'Redmi Note 12 Pro', 'Poco F5', '12T', '13'], {
      title: '{name} {storage}, {colour}',
      attrs: { storage: PHONE_STORAGE, accessory: PHONE_ACCESSORIES },
      details: PHONE_DETAILS,
    }),
    item('Fairphone', 'smartphone', [60, 550], ['3+', '4', '5'], {
      title: '{name} {storage}, {colour}',
      attrs: { storage: ['64 GB', '128 GB', '256 GB'], colour: ['speckled green', 'grey', 'sky blue', 'transparent'] },
      details: [
        'Modular design: battery, camera and screen are easy to swap.',
        'Spare battery included.',
        ...PHONE_DETAILS,
      ],
    }),
    item('Sony', 'smartphone', [50, 700], ['Xperia 5 III', 'Xperia 10 IV', 'Xperia 1 IV'], {
      details: PHONE_DETAILS,
      attrs: { accessory: PHONE_ACCESSORIES },
    }),
    item('Motorola', 'smartphone', [30, 500], ['moto g84', 'edge 30', 'razr 40'], {
      details: PHONE_DETAILS,
      attrs: { accessory: PHONE_ACCESSORIES },
    }),
    item('Nokia', 'mobile phone', [10, 250], ['G21', 'X20', '3310 (2017)', '8110 4G'], {
      details: ['Battery lasts for days.', 'Great as a backup or festival phone.'],
    }),
    // Tablets and e-readers
    item(
      'Apple',
      'tablet',
      [90, 750],
      ['iPad 9th generation', 'iPad 10th generation', 'iPad mini 6', 'iPad Air 4', 'iPad Air 5'],
      {
        title: '{name} {storage} {network}, {colour}',
        attrs: {
          storage: ['64 GB', '256 GB'],
          network: ['Wi-Fi', 'Wi-Fi + Cellular'],
          colour: ['space grey', 'silver', 'sky blue', 'pink', 'starlight', 'purple'],
          accessory: [
            'an Apple Pencil',
            'a Smart Folio',
            'a Logitech keyboard case',
            'the charger',
            'the original box',
          ],
        },
        details: [
          'Comes with {accessory}.',
          'Screen protector fitted from day one.',
          'Perfect for drawing, notes and streaming.',
        ],
        weight: 3,
      },
    ),
    item('Apple', 'tablet', [300, 1400], ['iPad Pro 11" (2021)', 'iPad Pro 12.9" (2021)', 'iPad Pro 11" M2'], {
      title: '{name} {storage}, {colour}',
      attrs: {
        storage: ['128 GB', '256 GB', '512 GB', '1 TB'],
        colour: ['space grey', 'silver'],
        accessory: ['an Apple Pencil (2nd generation)', 'a Magic Keyboard', 'a Smart Folio'],
      },
      details: ['Comes with {accessory}.', 'The ProMotion display is flawless.'],
    }),
    item('Samsung', 'tablet', [60, 750], ['Galaxy Tab S7', 'Galaxy Tab S8', 'Galaxy Tab A8', 'Galaxy Tab S6 Lite'], {
      details: ['S Pen included.', 'Book cover included.'],
    }),
    item('Amazon', 'e-reader', [25, 330], ['Kindle Paperwhite', 'Kindle Oasis', 'Kindle Scribe', 'Kindle (2022)'], {
      details: [
        'Adjustable warm light, great for reading in bed.',
        'Waterproof, so it has come to the beach with me.',
        'Sleep cover included.',
      ],
      weight: 2,
    }),
    item('Kobo', 'e-reader', [30, 280], ['Clara HD', 'Clara 2E', 'Libra 2', 'Sage'], {
      details: ['Reads EPUB from libraries without fuss.', 'Sleep cover included.'],
    }),
    item('reMarkable', 'paper tablet', [150, 450], ['2'], {
      details: ['Marker Plus and folio included.', 'Writing feels like paper.'],
    }),
    item('Microsoft', 'tablet', [150, 1300], ['Surface Pro 7', 'Surface Pro 8', 'Surface Pro 9', 'Surface Go 3'], {
      attrs: LAPTOP_ATTRS,
      details: ['Type Cover and Surface Pen included.', ...LAPTOP_DETAILS],
    }),
    // Laptops and desktops
    item(
      'Apple',
      'laptop',
      [200, 1400],
      ['MacBook Air M1 13"', 'MacBook Air M2 13"', 'MacBook Air M2 15"', 'MacBook Air 13" (2017)'],
      {
        title: '{name}, {ram}, {ssd}, {colour}',
        attrs: { ...LAPTOP_ATTRS, colour: ['space grey', 'silver', 'gold', 'midnight', 'starlight'] },
        details: LAPTOP_DETAILS,
        weight: 3,
      },
    ),
    item(
      'Apple',
      'laptop',
      [350, 2600],
      [
        'MacBook Pro 13" M1',
        'MacBook Pro 14" M1 Pro',
        'MacBook Pro 16" M1 Pro',
        'MacBook Pro 14" M2 Pro',
        'MacBook Pro 16" (2019, i7)',
      ],
      { title: '{name}, {ram}, {ssd}', attrs: LAPTOP_ATTRS, details: LAPTOP_DETAILS, weight: 2 },
    ),
    item('Dell', 'laptop', [120, 1600], ['XPS 13 9310', 'XPS 15 9510', 'Latitude 7420', 'Inspiron 15 3000'], {
      title: '{name} laptop, {ram}, {ssd}',
      attrs: LAPTOP_ATTRS,
      details: LAPTOP_DETAILS,
    }),
    item(
      'Lenovo',
      'laptop',
      [90, 1500],
      [
        'ThinkPad X1 Carbon Gen 9',
        'ThinkPad T480',
        'ThinkPad T14 Gen 2',
        'ThinkPad X260',
        'IdeaPad 5',
        'Yoga Slim 7',
        'Legion 5',
      ],
      {
        title: '{name} laptop, {ram}, {ssd}',
        attrs: LAPTOP_ATTRS,
        details: ['The ThinkPad keyboard is as good as ever.', ...LAPTOP_DETAILS],
        weight: 2,
      },
    ),
    item('HP', 'laptop', [90, 1500], ['EliteBook 840 G7', 'Spectre x360 14', 'Pavilion 15', 'Envy 13', 'Omen 16'], {
      title: '{name} laptop, {ram}, {ssd}',
      attrs: LAPTOP_ATTRS,
      details: LAPTOP_DETAILS,
    }),
    item('ASUS', 'laptop', [100, 1700], ['ZenBook 14', 'ROG Zephyrus G14', 'VivoBook 15', 'TUF Gaming F15'], {
      title: '{name} laptop, {ram}, {ssd}',
      attrs: LAPTOP_ATTRS,
      details: LAPTOP_DETAILS,
    }),
    item('Acer', 'laptop', [80, 1300], ['Swift 3', 'Aspire 5', 'Nitro 5', 'Predator Helios 300'], {
      title: '{name} laptop, {ram}, {ssd}',
      attrs: LAPTOP_ATTRS,
      details: LAPTOP_DETAILS,
    }),
    item('Microsoft', 'laptop', [150, 1200], ['Surface Laptop 4', 'Surface Laptop Go 2'], {
      attrs: LAPTOP_ATTRS,
      details: LAPTOP_DETAILS,
    }),
    item('Framework', 'laptop', [300, 1300], ['Laptop 13', 'Laptop 16'], {
      attrs: LAPTOP_ATTRS,
      details: ['Fully repairable; expansion cards for USB-C, USB-A and HDMI included.', ...LAPTOP_DETAILS],
    }),
    item(
      'Apple',
      'desktop computer',
      [200, 2500],
      ['Mac mini M1', 'Mac mini M2', 'iMac 24" M1', 'iMac 27" 5K (2019)', 'Mac Studio M1 Max'],
      { attrs: LAPTOP_ATTRS, details: ['Comes with {ram} and a {ssd}.', 'Keyboard and mouse included.'] },
    ),
    // Headphones and speakers
    item('Sony', 'noise cancelling headphones', [50, 380], ['WH-1000XM3', 'WH-1000XM4', 'WH-1000XM5'], {
      attrs: { ...HEADPHONE_ATTRS, colour: ['black', 'silver', 'midnight blue', 'platinum silver'] },
      details: HEADPHONE_DETAILS,
      weight: 3,
    }),
    item('Sony', 'true wireless earbuds', [25, 300], ['WF-1000XM4', 'WF-1000XM5', 'WF-C500', 'LinkBuds S'], {
      attrs: HEADPHONE_ATTRS,
      details: HEADPHONE_DETAILS,
    }),
    item(
      'Bose',
      'noise cancelling headphones',
      [50, 420],
      ['QuietComfort 35 II', 'QuietComfort 45', 'Noise Cancelling Headphones 700', 'QuietComfort Ultra'],
      { attrs: HEADPHONE_ATTRS, details: HEADPHONE_DETAILS, weight: 2 },
    ),
    item('Bose', 'Bluetooth speaker', [30, 260], ['SoundLink Mini II', 'SoundLink Flex', 'SoundLink Revolve+'], {
      details: SPEAKER_DETAILS,
    }),
    item(
      'Apple',
      'wireless earbuds',
      [30, 280],
      ['AirPods (2nd generation)', 'AirPods (3rd generation)', 'AirPods Pro', 'AirPods Pro 2'],
      {
        title: '{name} with charging case',
        attrs: { accessory: ['the charging case', 'spare ear tips', 'a silicone cover', 'the Lightning cable'] },
        details: [
          'Both earbuds and the case hold their charge well.',
          'Cleaned and disinfected.',
          'Removed from my Apple ID, ready to pair.',
        ],
        weight: 2,
      },
    ),
    item('Apple', 'over-ear headphones', [150, 580], ['AirPods Max'], {
      attrs: { ...HEADPHONE_ATTRS, colour: ['space grey', 'silver', 'sky blue', 'pink', 'green'] },
      details: HEADPHONE_DETAILS,
    }),
    item(
      'Sennheiser',
      'headphones',
      [40, 450],
      ['HD 600', 'HD 650', 'HD 560S', 'Momentum 3 Wireless', 'Momentum 4 Wireless', 'HD 25'],
      { attrs: HEADPHONE_ATTRS, details: ['Sound is detailed and neutral, great for mixing.', ...HEADPHONE_DETAILS] },
    ),
    item('Beats', 'headphones', [30, 350], ['Studio3 Wireless', 'Solo3', 'Powerbeats Pro', 'Studio Buds'], {
      attrs: HEADPHONE_ATTRS,
      details: HEADPHONE_DETAILS,
    }),
    item('Jabra', 'earbuds', [20, 230], ['Elite 75t', 'Elite 85t', 'Elite 7 Pro'], {
      attrs: HEADPHONE_ATTRS,
      details: HEADPHONE_DETAILS,
    }),
    item('Audio-Technica', 'studio headphones', [40, 170], ['ATH-M50x', 'ATH-M40x', 'ATH-M50xBT2'], {
      attrs: HEADPHONE_ATTRS,
      details: HEADPHONE_DETAILS,
    }),
    item('Sonos', 'smart speaker', [60, 600], ['One', 'One SL', 'Era 100', 'Five', 'Move', 'Roam'], {
      details: SPEAKER_DETAILS,
      weight: 2,
    }),
    item('Sonos', 'soundbar', [120, 950], ['Beam (Gen 2)', 'Arc', 'Ray'], {
      details: ['Dolby Atmos works great with the TV.', 'HDMI eARC cable included.', ...SPEAKER_DETAILS],
    }),
    item('JBL', 'Bluetooth speaker', [15, 500], ['Flip 5', 'Flip 6', 'Charge 5', 'Xtreme 3', 'Go 3', 'PartyBox 310'], {
      details: ['Waterproof; it has survived many beach days.', ...SPEAKER_DETAILS],
      weight: 2,
    }),
    item('Marshall', 'speaker', [40, 550], ['Stanmore II', 'Acton III', 'Emberton II', 'Woburn II', 'Major IV'], {
      details: ['Classic amp look with proper bass.', ...SPEAKER_DETAILS],
    }),
    item('Bang & Olufsen', 'speaker', [100, 3000], ['Beoplay A1', 'Beosound A9', 'Beoplay H95', 'Beosound Level'], {
      details: ['Stunning design and sound.', ...SPEAKER_DETAILS],
    }),
    item('Technics', 'turntable', [250, 1300], ['SL-1200MK2', 'SL-1210 MK7', 'SL-1500C'], {
      details: [
        'New Ortofon cartridge fitted.',
        'Pitch control and speed are spot on.',
        'Dust cover has only a few hairline scratches.',
      ],
    }),
    item('Audio-Technica', 'turntable', [50, 450], ['AT-LP60X', 'AT-LP120XUSB', 'AT-LP5X'], {
      details: ['Built-in preamp, so it plugs into any speaker.', 'Stylus replaced recently.'],
    }),
    item('Rega', 'turntable', [150, 900], ['Planar 1', 'Planar 3'], {
      details: ['Belt replaced last year; runs at exact speed.'],
    }),
    item('Denon', 'AV receiver', [120, 900], ['AVR-X1700H', 'AVR-X2800H', 'PMA-600NE'], {
      details: ['Remote and calibration microphone included.', 'HDMI 2.1 with 4K passthrough.'],
    }),
    item('Yamaha', 'stereo amplifier', [100, 800], ['RX-V685', 'R-N803D', 'A-S301'], {
      details: ['Clean, powerful sound; every input tested.'],
    }),
    item('KEF', 'speakers (pair)', [200, 1600], ['LS50 Meta', 'Q350', 'LSX II'], {
      details: ['Sold as a pair with the grilles.', 'Drivers are pristine.'],
    }),
    item('Bowers & Wilkins', 'speakers', [200, 900], ['607 S2', '606 S2', 'Zeppelin'], {
      details: ['Sold as a pair with the grilles.'],
    }),
    item('Teufel', 'speaker system', [80, 700], ['Ultima 40', 'Cinebar 11', 'Rockster Cross'], {}),
    item('Cambridge Audio', 'amplifier', [150, 900], ['CXA61', 'AXA35', 'CXN V2'], {
      details: ['Remote control included.'],
    }),
    item('Tivoli Audio', 'radio', [50, 230], ['Model One', 'Model One BT'], {
      details: ['Lovely warm sound in the kitchen.'],
    }),
    // Cameras, lenses, drones
    item(
      'Canon',
      'DSLR camera',
      [120, 1500],
      ['EOS 80D', 'EOS 90D', 'EOS 2000D', 'EOS 250D', 'EOS 5D Mark III', 'EOS 6D Mark II'],
      { title: '{name} {type}, {kit}', attrs: CAMERA_ATTRS, details: CAMERA_DETAILS, weight: 2 },
    ),
    item('Canon', 'mirrorless camera', [250, 2300], ['EOS R', 'EOS RP', 'EOS R6', 'EOS R7', 'EOS M50 Mark II'], {
      title: '{name} {type}, {kit}',
      attrs: CAMERA_ATTRS,
      details: CAMERA_DETAILS,
    }),
    item('Nikon', 'DSLR camera', [120, 2200], ['D3500', 'D5600', 'D7500', 'D750', 'D850'], {
      title: '{name} {type}, {kit}',
      attrs: CAMERA_ATTRS,
      details: CAMERA_DETAILS,
    }),
    item('Nikon', 'mirrorless camera', [350, 2300], ['Z5', 'Z6 II', 'Z50', 'Z fc', 'Z7'], {
      title: '{name} {type}, {kit}',
      attrs: CAMERA_ATTRS,
      details: CAMERA_DETAILS,
    }),
    item(
      'Sony',
      'camera',
      [180, 2400],
      ['Alpha a6000', 'Alpha a6400', 'Alpha a7 III', 'Alpha a7 IV', 'ZV-E10', 'RX100 VII'],
      { title: '{name} {type}, {kit}', attrs: CAMERA_ATTRS, details: CAMERA_DETAILS, weight: 2 },
    ),
    item('Fujifilm', 'camera', [300, 1800], ['X-T3', 'X-T4', 'X-T30', 'X-S10', 'X100V', 'X-E4'], {
      title: '{name} {type}, {colour}',
      attrs: { ...CAMERA_ATTRS, colour: ['black', 'silver', 'charcoal silver'] },
      details: ['The film simulations are a joy for street photography.', ...CAMERA_DETAILS],
    }),
    item('Olympus', 'camera', [120, 700], ['OM-D E-M10 Mark III', 'OM-D E-M5 Mark II', 'PEN E-PL9'], {
      attrs: CAMERA_ATTRS,
      details: CAMERA_DETAILS,
    }),
    item('Panasonic', 'camera', [150, 1800], ['Lumix GH5', 'Lumix G9', 'Lumix GX80', 'Lumix S5'], {
      attrs: CAMERA_ATTRS,
      details: ['Excellent for video, 4K at 60p.', ...CAMERA_DETAILS],
    }),
    item('Leica', 'camera', [700, 5500], ['Q2', 'M10', 'D-Lux 7'], {
      attrs: CAMERA_ATTRS,
      details: ['Comes with the original leather strap and box.', ...CAMERA_DETAILS],
    }),
    item('GoPro', 'action camera', [60, 450], ['HERO8 Black', 'HERO9 Black', 'HERO10 Black', 'HERO11 Black'], {
      attrs: {
        accessory: ['three batteries', 'a chest mount', 'a helmet mount', 'a 128 GB microSD card', 'the dive housing'],
      },
      details: ['Comes with {accessory} and {accessory2}.', 'Lens cover replaced, no scratches.'],
    }),
    item('DJI', 'drone', [150, 2000], ['Mini 2', 'Mini 3 Pro', 'Air 2S', 'Mavic 3'], {
      title: '{name} {type} Fly More combo',
      attrs: { accessory: ['three batteries', 'spare propellers', 'the charging hub', 'ND filters', 'a shoulder bag'] },
      details: [
        'Never crashed; flight logs available.',
        'Comes with {accessory} and {accessory2}.',
        'Registered under 250 g, so no licence needed for most flights.',
      ],
    }),
    item('DJI', 'gimbal', [40, 400], ['Osmo Mobile 6', 'Pocket 2', 'RS 3 Mini'], {}),
    item('Fujifilm', 'instant camera', [20, 110], ['Instax Mini 11', 'Instax Mini 12', 'Instax Wide 300'], {
      details: ['A pack of film is included.'],
    }),
    item(
      'Canon',
      'lens',
      [60, 1800],
      ['EF 50mm f/1.8 STM', 'EF 24-105mm f/4L IS USM', 'EF 70-200mm f/2.8L IS II USM', 'RF 35mm f/1.8 Macro'],
      { details: LENS_DETAILS },
    ),
    item(
      'Sigma',
      'lens',
      [200, 1100],
      ['18-35mm f/1.8 DC HSM Art', '35mm f/1.4 DG HSM Art', '24-70mm f/2.8 DG DN Art'],
      {
        title: '{name} {type} for {mount}',
        attrs: { mount: ['Canon EF', 'Nikon F', 'Sony E', 'L-Mount'] },
        details: LENS_DETAILS,
      },
    ),
    item('Sony', 'lens', [150, 1900], ['FE 85mm f/1.8', 'FE 24-70mm f/2.8 GM', 'E 18-135mm f/3.5-5.6 OSS'], {
      details: LENS_DETAILS,
    }),
    item('Tamron', 'lens', [200, 750], ['28-75mm f/2.8 Di III RXD', '17-70mm f/2.8 Di III-A'], {
      details: LENS_DETAILS,
    }),
    // Gaming
    item('Nintendo', 'console', [60, 350], ['Switch', 'Switch OLED', 'Switch Lite'], {
      attrs: { colour: ['neon red/blue', 'grey', 'white', 'turquoise', 'coral', 'yellow'], ...CONSOLE_ATTRS },
      details: CONSOLE_DETAILS,
      weight: 3,
    }),
    item(
      'Nintendo',
      'console',
      [20, 250],
      [
        '3DS XL',
        '2DS XL',
        'Game Boy Color',
        'Game Boy Advance SP',
        'Wii U',
        'Wii',
        'GameCube',
        'SNES Classic Mini',
        'N64',
      ],
      {
        attrs: CONSOLE_ATTRS,
        details: ['A piece of childhood, still works perfectly.', ...CONSOLE_DETAILS],
        weight: 2,
      },
    ),
    item(
      'Sony',
      'console',
      [40, 600],
      [
        'PlayStation 5',
        'PlayStation 5 Digital Edition',
        'PlayStation 4 Pro',
        'PlayStation 4 Slim',
        'PlayStation Vita',
        'PlayStation 2 Slim',
      ],
      { attrs: CONSOLE_ATTRS, details: CONSOLE_DETAILS, weight: 3 },
    ),
    item(
      'Microsoft',
      'console',
      [30, 550],
      ['Xbox Series X', 'Xbox Series S', 'Xbox One X', 'Xbox One S', 'Xbox 360 E'],
      { attrs: CONSOLE_ATTRS, details: CONSOLE_DETAILS, weight: 2 },
    ),
    item('Valve', 'handheld gaming PC', [200, 900], ['Steam Deck 64 GB', 'Steam Deck 512 GB', 'Steam Deck OLED 1 TB'], {
      details: ['Carrying case and charger included.', 'Anti-glare screen protector fitted.'],
    }),
    item('Meta', 'VR headset', [120, 700], ['Quest 2', 'Quest 3', 'Quest Pro'], {
      details: ['Elite strap and both controllers included.', 'Lenses are scratch-free.'],
    }),
    item(
      'Nintendo Switch',
      'game',
      [5, 60],
      [
        'The Legend of Zelda: Breath of the Wild',
        'Tears of the Kingdom',
        'Mario Kart 8 Deluxe',
        'Animal Crossing: New Horizons',
        'Super Smash Bros. Ultimate',
        'Pokémon Scarlet',
        'Super Mario Odyssey',
        'Splatoon 3',
        'Metroid Dread',
      ],
      { title: '{model} – {brand} game', details: ['Cartridge and case, no scratches.'], weight: 2 },
    ),
    item(
      'PS5',
      'game',
      [5, 70],
      [
        'Elden Ring',
        'EA Sports FC 24',
        'God of War Ragnarök',
        'Horizon Forbidden West',
        'Gran Turismo 7',
        'Hogwarts Legacy',
        'Spider-Man 2',
        'Ratchet & Clank: Rift Apart',
      ],
      { title: '{model} – {brand} game', details: ['Disc is clean and plays perfectly.'], weight: 2 },
    ),
    item(
      'PS4',
      'game',
      [3, 40],
      [
        'Red Dead Redemption 2',
        'The Last of Us Part II',
        'Ghost of Tsushima',
        'FIFA 23',
        'Uncharted 4',
        'Cyberpunk 2077',
        'Minecraft',
      ],
      { title: '{model} – {brand} game', details: ['Disc is clean and plays perfectly.'] },
    ),
    item('Sony', 'controller', [15, 75], ['DualSense', 'DualShock 4', 'DualSense Edge'], {
      details: ['No stick drift.'],
    }),
    item('Microsoft', 'controller', [15, 180], ['Xbox Wireless Controller', 'Xbox Elite Series 2'], {
      details: ['No stick drift.'],
    }),
    // TVs, projectors, monitors
    item('LG', 'OLED TV', [200, 2500], ['OLED55C1', 'OLED65C2', 'OLED48C3', 'OLED77B2'], {
      attrs: TV_ATTRS,
      details: TV_DETAILS,
      weight: 2,
    }),
    item('LG', 'TV', [120, 900], ['55NANO866', '50UQ8100', '43UP7500'], { attrs: TV_ATTRS, details: TV_DETAILS }),
    item('Samsung', 'TV', [150, 2200], ['QE55Q80B', 'QE65QN90A', 'UE50TU7090', 'The Frame 55"', 'QE43LS03B'], {
      attrs: TV_ATTRS,
      details: TV_DETAILS,
      weight: 2,
    }),
    item('Sony', 'TV', [150, 2000], ['Bravia XR-55A80J', 'Bravia KD-65X85J', 'Bravia KD-49XF8096'], {
      attrs: TV_ATTRS,
      details: TV_DETAILS,
    }),
    item('Philips', 'Ambilight TV', [150, 1600], ['55OLED806', '50PUS8507', '65PUS7906'], {
      attrs: TV_ATTRS,
      details: ['Ambilight makes films so much more immersive.', ...TV_DETAILS],
    }),
    item('Panasonic', 'TV', [150, 1300], ['TX-55JZW1004', 'TX-50HXW584'], { attrs: TV_ATTRS, details: TV_DETAILS }),
    item('Epson', 'projector', [200, 1500], ['EH-TW7000', 'EF-100'], {
      details: ['Lamp hours: about {hours}.', 'Ceiling mount available on request.'],
      attrs: { hours: ['300', '850', '1,200', '2,000'] },
    }),
    item('BenQ', 'projector', [200, 1400], ['W2700', 'TK700STi'], {
      details: ['Lamp hours: about {hours}.'],
      attrs: { hours: ['400', '900', '1,500'] },
    }),
    item('XGIMI', 'portable projector', [150, 800], ['Halo+', 'MoGo 2 Pro'], {}),
    item('Dell', 'monitor', [60, 650], ['UltraSharp U2720Q', 'UltraSharp U2719D', 'S2721DGF', 'P2422H'], {
      details: ['Height-adjustable stand and USB-C cable included.', 'No dead pixels.'],
      weight: 2,
    }),
    item('LG', 'monitor', [80, 600], ['27GL850-B', '27UK850-W', '34WN80C-B ultrawide'], {
      details: ['No dead pixels.', 'Great for gaming and for work.'],
    }),
    item('Samsung', 'monitor', [120, 1400], ['Odyssey G7 27"', 'Odyssey G9 49"', 'Smart Monitor M8'], {
      details: ['No dead pixels.'],
    }),
    item('BenQ', 'monitor', [60, 550], ['PD2700U', 'EX2780Q', 'GW2480'], {
      details: ['Colour-accurate, ideal for photo editing.'],
    }),
    item('ASUS', 'monitor', [100, 800], ['ROG Swift PG279Q', 'ProArt PA278QV', 'TUF VG27AQ'], {
      details: ['165 Hz, super smooth for games.'],
    }),
    item('Apple', 'monitor', [700, 5500], ['Studio Display', 'Pro Display XDR'], {
      details: ['Tilt-adjustable stand, nano-texture glass.'],
    }),
    // Wearables
    item(
      'Apple',
      'smartwatch',
      [50, 900],
      ['Watch Series 6', 'Watch Series 7', 'Watch Series 8', 'Watch Series 9', 'Watch SE', 'Watch Ultra'],
      {
        title: '{name} {case}, {colour}',
        attrs: { ...WATCH_ATTRS, colour: ['midnight', 'starlight', 'silver', 'graphite', 'red', 'blue', 'gold'] },
        details: [
          'Battery health is at {battery}%.',
          'Comes with {accessory}.',
          'Unpaired and ready for a new iPhone.',
        ],
        weight: 2,
      },
    ),
    item(
      'Garmin',
      'GPS watch',
      [60, 750],
      [
        'Forerunner 245',
        'Forerunner 255',
        'Forerunner 945',
        'Forerunner 965',
        'Fenix 6 Pro',
        'Fenix 7',
        'Venu 2',
        'Instinct 2',
      ],
      {
        attrs: WATCH_ATTRS,
        details: [
          'Battery easily lasts a week of training.',
          'Comes with {accessory}.',
          'Heart-rate sensor is accurate.',
        ],
        weight: 2,
      },
    ),
    item('Fitbit', 'fitness tracker', [20, 280], ['Charge 5', 'Versa 3', 'Sense 2', 'Inspire 3'], {
      attrs: WATCH_ATTRS,
      details: ['Comes with {accessory}.'],
    }),
    item('Samsung', 'smartwatch', [50, 450], ['Galaxy Watch4', 'Galaxy Watch5 Pro', 'Galaxy Watch6 Classic'], {
      attrs: WATCH_ATTRS,
      details: ['Comes with {accessory}.'],
    }),
    item('Polar', 'sports watch', [60, 500], ['Vantage V2', 'Grit X', 'Pacer Pro'], { attrs: WATCH_ATTRS }),
    item('Suunto', 'sports watch', [70, 550], ['9 Peak', '5 Peak', 'Race'], { attrs: WATCH_ATTRS }),
    // Computer parts and peripherals
    item(
      'NVIDIA',
      'graphics card',
      [80, 900],
      [
        'GeForce RTX 3060 12 GB',
        'GeForce RTX 3070',
        'GeForce RTX 3080 10 GB',
        'GeForce RTX 4070',
        'GeForce GTX 1080 Ti',
        'GeForce RTX 2070 Super',
      ],
      {
        title: '{name} {type} ({maker})',
        attrs: { maker: ['ASUS', 'MSI', 'Gigabyte', 'Zotac', 'Founders Edition', 'EVGA', 'Palit'] },
        details: ['Never used for mining; only gaming.', 'Temperatures stay low under load.', 'Original box included.'],
        weight: 2,
      },
    ),
    item(
      'AMD',
      'graphics card',
      [60, 650],
      ['Radeon RX 6700 XT', 'Radeon RX 6800', 'Radeon RX 580 8 GB', 'Radeon RX 7800 XT'],
      { details: ['Never used for mining; only gaming.'] },
    ),
    item('AMD', 'processor', [40, 450], ['Ryzen 7 5800X', 'Ryzen 5 5600X', 'Ryzen 9 5900X', 'Ryzen 5 3600'], {
      details: ['Never overclocked.', 'Stock cooler included.'],
    }),
    item('Intel', 'processor', [30, 500], ['Core i7-12700K', 'Core i5-12400F', 'Core i9-9900K', 'Core i5-8400'], {
      details: ['Never overclocked.'],
    }),
    item(
      'Raspberry Pi',
      'single-board computer',
      [15, 120],
      ['4 Model B 4 GB', '4 Model B 8 GB', '5 8 GB', 'Zero 2 W'],
      {
        details: [
          'Case, power supply and a 32 GB microSD card included.',
          'Perfect for Home Assistant or a retro console.',
        ],
      },
    ),
    item(
      'Logitech',
      'mouse',
      [15, 140],
      ['MX Master 3', 'MX Master 3S', 'G Pro X Superlight', 'G502 Hero', 'MX Anywhere 3'],
      { details: ['Scroll wheel and all buttons work.', 'USB receiver included.'] },
    ),
    item('Logitech', 'keyboard', [30, 230], ['MX Keys', 'MX Mechanical', 'G915 TKL'], {
      attrs: { keyboard: LAPTOP_ATTRS.keyboard },
      title: '{name} {type}, {keyboard}',
    }),
    item('Logitech', 'webcam', [15, 200], ['C920 HD Pro', 'Brio 4K', 'StreamCam'], {}),
    item('Logitech', 'racing wheel', [60, 350], ['G29 Driving Force', 'G923'], {
      details: ['Pedals and gear shifter included.'],
    }),
    item('Keychron', 'mechanical keyboard', [30, 220], ['K2', 'K8 Pro', 'Q1', 'K3'], {
      attrs: { switches: ['Gateron Brown', 'Gateron Red', 'Gateron Blue', 'Banana'] },
      title: '{name} {type}, {switches} switches',
    }),
    item('Apple', 'accessory', [30, 180], ['Magic Keyboard with Touch ID', 'Magic Mouse 2', 'Magic Trackpad 2'], {}),
    item('Razer', 'gaming peripheral', [15, 170], ['DeathAdder V2', 'BlackWidow V3', 'Huntsman Mini', 'Kraken X'], {}),
    item('Elgato', 'streaming gear', [40, 200], ['Stream Deck MK.2', 'Key Light', 'HD60 S+', 'Wave:3'], {}),
    item('Synology', 'NAS', [80, 650], ['DS220+', 'DS920+', 'DS218j'], {
      details: ['Sold without drives.', 'Two 4 TB drives can be included for extra.'],
    }),
    item('AVM', 'router', [25, 260], ['FRITZ!Box 7590', 'FRITZ!Box 7530 AX', 'FRITZ!Repeater 2400'], {
      details: ['Reset to factory settings, original power supply included.'],
    }),
    item('TP-Link', 'mesh Wi-Fi system', [25, 200], ['Deco M5 (3-pack)', 'Archer AX55', 'Deco X20 (2-pack)'], {}),
    item(
      'HP',
      'printer',
      [25, 420],
      ['LaserJet Pro M15w', 'OfficeJet Pro 9010', 'Envy 6020', 'Color LaserJet Pro MFP M283fdw'],
      { details: ['Ink or toner is about half full.', 'Prints, scans and copies over Wi-Fi.'] },
    ),
    item('Brother', 'printer', [30, 300], ['HL-L2350DW', 'MFC-L2710DW', 'DCP-J1050DW'], {
      details: ['Toner still about half full.', 'Duplex printing works perfectly.'],
    }),
    item('Canon', 'printer', [25, 400], ['PIXMA TS5350', 'PIXMA G650', 'i-SENSYS MF643Cdw'], {
      details: ['Cartridges recently replaced.'],
    }),
    item('Epson', 'printer', [60, 380], ['EcoTank ET-2820', 'EcoTank ET-4850'], {
      details: ['Ink tanks refilled last month.'],
    }),
    item('Samsung', 'SSD', [30, 200], ['T7 Portable 1 TB', '870 EVO 1 TB', '980 Pro 2 TB'], {
      details: ['Health at 100% according to the drive tools.'],
    }),
    item('WD', 'hard drive', [25, 220], ['My Passport 4 TB', 'Red Plus 8 TB', 'Elements 5 TB'], {
      details: ['Wiped securely.'],
    }),
    item('Texas Instruments', 'graphing calculator', [10, 150], ['TI-84 Plus CE', 'TI-Nspire CX II', 'TI-30X Pro'], {
      details: ['Approved for most school exams.'],
    }),
    item('Anker', 'power bank', [10, 100], ['PowerCore 20000', '737', 'Nano 65W charger'], {}),
    // Smart home
    item(
      'Philips Hue',
      'smart lighting',
      [20, 220],
      ['White and Color Ambiance starter kit', 'Play light bar (2-pack)', 'Bridge', 'Lightstrip Plus 2 m'],
      { details: ['Works with Alexa, Google and HomeKit.'] },
    ),
    item(
      'Google',
      'smart home device',
      [15, 120],
      ['Nest Hub (2nd gen)', 'Nest Mini', 'Nest Audio', 'Chromecast with Google TV'],
      {},
    ),
    item('Amazon', 'smart home device', [15, 140], ['Echo Dot (5th gen)', 'Echo Show 8', 'Fire TV Stick 4K Max'], {}),
    item('Apple', 'streaming box', [40, 350], ['TV 4K (2022)', 'HomePod mini', 'HomePod (2nd gen)'], {}),
    item(
      'tado°',
      'smart thermostat',
      [40, 220],
      ['Smart Thermostat X starter kit', 'Smart Radiator Thermostat (3-pack)'],
      { details: ['Easy to install; saved us a lot on heating.'] },
    ),
    item('Ring', 'video doorbell', [30, 200], ['Video Doorbell 4', 'Stick Up Cam Battery'], {}),
  ],
  openers: [
    'Selling my {item}, which has served me well.',
    'For sale: a fully working {name} {type}.',
    'Offering my {item}; I switched to something newer.',
    'Great opportunity: {name} {type} for a fraction of the shop price.',
  ],
  sentences: [
    'Comes with {accessory}.',
    'Includes {accessory} and {accessory2}.',
    'Original box and invoice from {shop} included.',
    'Bought at {shop} in {boughtYear}; the invoice is available.',
    'Warranty runs until {month} {nextYear}.',
    'Tested this week: everything works as it should.',
    'Only ever used at home.',
    'Never dropped, never repaired.',
    'It has been in a drawer for the last few months.',
    'Serial number available on request.',
    'Happy to show it working when you pick it up.',
    'Used for about {months} months before I upgraded.',
  ],
  conditionNotes: {
    new: ['Sealed in the box, with the full manufacturer warranty.'],
    'like new': ['Factory reset and ready to use, without a single scratch.'],
    good: ['Fully functional, reset to factory settings; light marks on the casing.'],
    fair: [
      'Works, but the casing has scratches and one corner is dented.',
      'Battery is worn and needs charging more often.',
    ],
    'for parts': [
      'Does not power on; probably a board fault.',
      'Has a fault I could not diagnose; sold for parts or repair.',
      'Cracked screen, otherwise it seemed to work.',
      'Water damage, no longer turns on.',
    ],
  },
  pools: {
    colour: ['black', 'white', 'silver', 'grey', 'space grey', 'graphite', 'dark blue', 'red', 'matte black'],
    accessory: [
      'the original box',
      'the charging cable',
      'a protective case',
      'the manual',
      'the receipt',
      'a carrying pouch',
      'a spare cable',
      'all original packaging',
    ],
    shop: [
      'MediaMarkt',
      'Saturn',
      'Fnac',
      'Darty',
      'Coolblue',
      'Boulanger',
      'El Corte Inglés',
      'Elgiganten',
      'Power',
      'Euronics',
      'the Apple Store',
      'Amazon',
      'Alza',
      'Cyberport',
      'bol.com',
      'Komplett',
      'Verkkokauppa.com',
      'Worten',
      'Unieuro',
      'Expert',
      'Proshop',
    ],
    battery: ['81', '84', '86', '87', '88', '89', '90', '91', '92', '94', '96', '98', '100'],
    cycles: ['42', '96', '138', '210', '287', '354', '412'],
  },
};
