import { item, type CategoryVocabulary, type ItemTemplate, type PriceRange } from './types.js';

/**
 * Cars, vans, motorbikes, scooters and campers. Each line has production
 * years, so a newer example is dearer, and a yearly mileage, so the odometer
 * reading matches the age.
 */

const PETROL = ['1.0 TSI petrol', '1.2 petrol', '1.4 petrol', '1.5 petrol'];
const DIESEL = ['1.6 diesel', '2.0 diesel', '1.5 dCi diesel', '2.0 TDI diesel'];
const CAR_GEARBOX = ['manual', 'manual', 'automatic'];
const CAR_COLOURS = ['black', 'white', 'silver', 'grey metallic', 'dark blue', 'red', 'deep black pearl', 'graphite grey', 'green'];
const CAR_DETAILS = [
  'Full service history with a stamped book.',
  'Two keys, both working.',
  'Summer and winter tyres on separate rims included.',
  'Cambelt and water pump replaced recently.',
  'Air conditioning blows cold.',
  'Cruise control, parking sensors and Apple CarPlay.',
  'No accidents, no rust.',
  'Non-smoker car, interior very clean.',
  'New brakes all round last year.',
  'Tow bar fitted, rated for {towing} kg.',
];
const BIKE_DETAILS = [
  'Chain and sprockets recently replaced.',
  'Tyres have plenty of tread left.',
  'Two keys and the owner’s manual included.',
  'Top box and rack included.',
  'Always garaged over winter.',
  'ABS and heated grips.',
  'Fits an A2 licence (restriction kit included).',
];

function car(brand: string, models: string[], years: [number, number], price: PriceRange, engines: string[], trims: string[], extra: Partial<ItemTemplate> = {}): ItemTemplate {
  return item(brand, 'car', price, models, {
    years,
    yearlyKm: 14000,
    title: '{name} {engine} {trim}, {year}, {km} km, {gearbox}',
    attrs: { engine: engines, trim: trims, gearbox: CAR_GEARBOX, colour: CAR_COLOURS },
    details: CAR_DETAILS,
    weight: 2,
    ...extra,
  });
}

function motorbike(brand: string, type: string, models: string[], years: [number, number], price: PriceRange, extra: Partial<ItemTemplate> = {}): ItemTemplate {
  return item(brand, type, price, models, {
    years,
    yearlyKm: 4000,
    title: '{name} {type}, {year}, {km} km, {colour}',
    attrs: { colour: ['black', 'white', 'red', 'matte grey', 'blue', 'green', 'silver'] },
    details: BIKE_DETAILS,
    ...extra,
  });
}


export const vehicles: CategoryVocabulary = {
  category: 'Vehicles',
  share: 7,
  titles: ['{name} {type}, {year}', '{name} {type}, {year}, {km} km', '{name} ({year}) – {conditionWord}'],
  logistics: [
    'Viewing in {city} by appointment; payment by bank transfer at handover.',
    'Located in {city}; test drive by appointment.',
    'Can be seen in {city} on weekday evenings or at the weekend.',
    'Located near {city}; I can pick you up from the station.',
    'Viewing in {city}; the price is slightly negotiable for a quick sale.',
    'Handover in {city} once the payment has cleared.',
  ],
  items: [
    car('VW', ['Golf VI'], [2009, 2012], [1500, 8500], [...PETROL, ...DIESEL], ['Trendline', 'Comfortline', 'Highline', 'GTI'], { weight: 3 }),
    car('VW', ['Golf VII', 'Golf VII Variant'], [2013, 2019], [4000, 19000], [...PETROL, ...DIESEL], ['Trendline', 'Comfortline', 'Highline', 'GTI', 'GTD'], { weight: 4 }),
    car('VW', ['Golf 8'], [2020, 2024], [14000, 32000], ['1.5 eTSI mild hybrid', '2.0 TDI diesel', '1.4 eHybrid'], ['Life', 'Style', 'R-Line']),
    car('VW', ['Polo V'], [2010, 2017], [1500, 9500], PETROL, ['Trendline', 'Comfortline', 'Highline']),
    car('VW', ['Polo VI'], [2018, 2024], [8000, 21000], PETROL, ['Life', 'Style', 'R-Line', 'GTI']),
    car('VW', ['Passat Variant B7'], [2011, 2014], [3000, 11000], DIESEL, ['Trendline', 'Comfortline', 'Highline']),
    car('VW', ['Passat Variant B8'], [2015, 2023], [9000, 30000], DIESEL, ['Comfortline', 'Highline', 'Elegance']),
    car('VW', ['Tiguan'], [2012, 2023], [6000, 35000], [...PETROL, ...DIESEL], ['Trendline', 'Comfortline', 'Highline', 'R-Line']),
    car('VW', ['up!'], [2012, 2022], [2500, 12000], ['1.0 petrol', '1.0 MPI petrol'], ['take up!', 'move up!', 'high up!', 'GTI']),
    car('VW', ['ID.3', 'ID.4'], [2020, 2024], [18000, 38000], ['58 kWh electric', '77 kWh electric'], ['Pro', 'Pro Performance', 'Life']),
    car('Toyota', ['Corolla Hybrid', 'Corolla Touring Sports'], [2019, 2024], [14000, 30000], ['1.8 hybrid', '2.0 hybrid'], ['Comfort', 'Dynamic', 'Executive', 'GR Sport'], { weight: 3 }),
    car('Toyota', ['Auris Hybrid', 'Auris Touring Sports'], [2013, 2018], [6000, 15000], ['1.8 hybrid'], ['Comfort', 'Executive', 'Lounge']),
    car('Toyota', ['Yaris', 'Yaris Hybrid'], [2012, 2023], [3000, 20000], ['1.0 petrol', '1.5 hybrid'], ['Comfort', 'Dynamic', 'Premiere']),
    car('Toyota', ['RAV4 Hybrid'], [2016, 2024], [15000, 40000], ['2.5 hybrid AWD', '2.5 hybrid'], ['Dynamic', 'Lounge', 'Adventure']),
    car('Toyota', ['Prius', 'Aygo'], [2010, 2019], [2000, 15000], ['1.8 hybrid', '1.0 petrol'], ['Comfort', 'x-play', 'Executive']),
    car('Renault', ['Clio IV', 'Clio V'], [2013, 2023], [3000, 17000], ['0.9 TCe petrol', '1.5 dCi diesel', '1.0 TCe petrol'], ['Life', 'Zen', 'Intens', 'RS Line']),
    car('Renault', ['Mégane', 'Mégane Grandtour'], [2012, 2021], [3000, 16000], ['1.3 TCe petrol', '1.5 dCi diesel'], ['Zen', 'Bose Edition', 'GT Line']),
    car('Renault', ['Zoe'], [2014, 2022], [5000, 19000], ['R110 electric', 'R135 electric'], ['Life', 'Zen', 'Intens'], { details: ['Battery owned, not leased.', 'Charges at home on a wallbox overnight.', ...CAR_DETAILS] }),
    car('Renault', ['Kangoo'], [2010, 2021], [2500, 15000], ['1.5 dCi diesel', '1.3 TCe petrol'], ['Expression', 'Limited', 'Maxi']),
    car('Peugeot', ['208', 'e-208'], [2013, 2023], [3500, 19000], ['1.2 PureTech petrol', '1.5 BlueHDi diesel', '50 kWh electric'], ['Active', 'Allure', 'GT']),
    car('Peugeot', ['308 SW', '3008'], [2014, 2023], [4500, 28000], ['1.2 PureTech petrol', '1.5 BlueHDi diesel', 'plug-in hybrid'], ['Active', 'Allure', 'GT Line']),
    car('Citroën', ['C3', 'C3 Aircross'], [2012, 2023], [2500, 15000], ['1.2 PureTech petrol', '1.6 BlueHDi diesel'], ['Feel', 'Shine', 'Origins']),
    car('Citroën', ['Berlingo', 'C4 Picasso'], [2010, 2022], [2500, 22000], ['1.6 BlueHDi diesel', '1.2 PureTech petrol'], ['Feel', 'Shine', 'XTR']),
    car('Opel', ['Corsa', 'Astra', 'Astra Sports Tourer'], [2010, 2023], [2000, 18000], ['1.2 petrol', '1.4 petrol', '1.6 CDTI diesel'], ['Edition', 'Elegance', 'GS Line', 'Innovation'], { weight: 3 }),
    car('Ford', ['Fiesta', 'Focus', 'Focus Turnier'], [2010, 2022], [2000, 18000], ['1.0 EcoBoost petrol', '1.5 TDCi diesel'], ['Trend', 'Titanium', 'ST-Line', 'Active'], { weight: 3 }),
    car('Ford', ['Kuga'], [2013, 2023], [6000, 28000], ['1.5 EcoBoost petrol', '2.0 TDCi diesel', '2.5 plug-in hybrid'], ['Titanium', 'ST-Line', 'Vignale']),
    car('Ford', ['Transit Custom'], [2013, 2023], [8000, 32000], ['2.0 EcoBlue diesel', '2.2 TDCi diesel'], ['Trend', 'Limited', 'Nugget camper'], { details: ['Racking and ply lining in the load area.', ...CAR_DETAILS] }),
    car('Skoda', ['Octavia Combi', 'Octavia'], [2012, 2023], [4000, 26000], ['1.5 TSI petrol', '2.0 TDI diesel', '1.0 TSI petrol'], ['Ambition', 'Style', 'RS', 'Scout'], { weight: 3 }),
    car('Skoda', ['Fabia', 'Superb Combi', 'Kodiaq'], [2012, 2023], [2000, 32000], ['1.0 TSI petrol', '2.0 TDI diesel'], ['Ambition', 'Style', 'L&K']),
    car('SEAT', ['Ibiza', 'Leon', 'Leon ST'], [2010, 2023], [2000, 21000], ['1.0 TSI petrol', '1.5 TSI petrol', '2.0 TDI diesel'], ['Reference', 'Style', 'FR', 'Xcellence']),
    car('Fiat', ['500', 'Panda', '500C'], [2008, 2023], [2000, 12000], ['1.2 petrol', '0.9 TwinAir petrol', '1.0 mild hybrid'], ['Pop', 'Lounge', 'Dolcevita', 'Cross'], { weight: 3 }),
    car('BMW', ['320d Touring', '318i', '330e', '320i'], [2012, 2022], [6000, 36000], ['diesel', 'petrol', 'plug-in hybrid'], ['Advantage', 'Sport Line', 'Luxury Line', 'M Sport']),
    car('BMW', ['116i', '118d', 'X1 sDrive18i', 'i3'], [2011, 2023], [4000, 30000], ['petrol', 'diesel', '120 Ah electric'], ['Advantage', 'Sport Line', 'M Sport']),
    car('Audi', ['A3 Sportback', 'A4 Avant', 'Q3'], [2012, 2023], [5000, 34000], ['1.4 TFSI petrol', '2.0 TDI diesel', '35 TFSI mild hybrid'], ['Design', 'Sport', 'S line', 'Advanced']),
    car('Mercedes-Benz', ['A 180', 'A 200', 'B 180'], [2013, 2023], [6000, 28000], ['petrol', 'diesel'], ['Style', 'Progressive', 'AMG Line']),
    car('Mercedes-Benz', ['C 200 Estate', 'C 220 d', 'E 220 d'], [2012, 2022], [7000, 40000], ['petrol', 'diesel'], ['Avantgarde', 'Exclusive', 'AMG Line']),
    car('Mercedes-Benz', ['Vito', 'Marco Polo'], [2012, 2022], [8000, 55000], ['2.1 CDI diesel'], ['Tourer', 'Mixto', 'Horizon']),
    car('Volvo', ['V40', 'V60', 'XC60', 'XC40'], [2012, 2023], [5000, 45000], ['D3 diesel', 'T3 petrol', 'T5 plug-in hybrid', 'B4 mild hybrid'], ['Momentum', 'Inscription', 'R-Design']),
    car('Mazda', ['3', 'CX-5', 'MX-5'], [2012, 2023], [5000, 30000], ['2.0 Skyactiv-G petrol', '2.2 Skyactiv-D diesel'], ['Prime-Line', 'Exclusive-Line', 'Homura', 'Sports-Line']),
    car('Honda', ['Civic', 'Jazz', 'CR-V'], [2010, 2022], [3000, 28000], ['1.0 VTEC petrol', '1.5 hybrid', '1.6 i-DTEC diesel'], ['Comfort', 'Elegance', 'Executive']),
    car('Hyundai', ['i20', 'i30', 'Tucson'], [2012, 2023], [3000, 28000], ['1.0 T-GDI petrol', '1.6 CRDi diesel'], ['Trend', 'Style', 'N Line']),
    car('Hyundai', ['Kona Electric', 'Ioniq Electric', 'Ioniq 5'], [2017, 2024], [12000, 42000], ['64 kWh electric', '39 kWh electric', '77 kWh electric'], ['Trend', 'Style', 'Premium']),
    car('Kia', ['Ceed', 'Ceed Sportswagon', 'Picanto', 'Sportage'], [2011, 2023], [2500, 26000], ['1.0 T-GDI petrol', '1.6 CRDi diesel', '1.2 petrol'], ['Vision', 'Spirit', 'GT Line']),
    car('Kia', ['Niro', 'e-Niro', 'EV6'], [2017, 2024], [11000, 42000], ['1.6 hybrid', '64 kWh electric', '77 kWh electric'], ['Vision', 'Spirit', 'GT-Line']),
    car('Nissan', ['Leaf'], [2013, 2022], [5000, 22000], ['40 kWh electric', '30 kWh electric', '62 kWh electric'], ['Acenta', 'N-Connecta', 'Tekna']),
    car('Nissan', ['Qashqai', 'Micra', 'Juke'], [2011, 2023], [2500, 26000], ['1.2 DIG-T petrol', '1.5 dCi diesel', '1.3 DIG-T mild hybrid'], ['Acenta', 'N-Connecta', 'Tekna']),
    car('Dacia', ['Sandero', 'Sandero Stepway', 'Duster', 'Jogger'], [2012, 2023], [3000, 18000], ['1.0 TCe petrol', '1.5 dCi diesel', '1.0 LPG'], ['Essential', 'Comfort', 'Prestige', 'Journey'], { weight: 2 }),
    car('Tesla', ['Model 3', 'Model Y'], [2019, 2024], [20000, 45000], ['Standard Range Plus', 'Long Range AWD', 'Performance'], ['with Autopilot', 'with FSD', 'with tow hitch'], { title: '{name} {engine} {trim}, {year}, {km} km', details: ['Battery health is excellent, range close to new.', 'Charging cable and wall connector included.', ...CAR_DETAILS] }),
    car('MINI', ['Cooper', 'Cooper S', 'One', 'Cooper SE', 'Clubman'], [2010, 2023], [4000, 25000], ['1.5 petrol', '2.0 petrol', 'electric'], ['Pepper', 'Chili', 'Classic', 'Yours']),
    car('smart', ['fortwo', 'forfour', 'EQ fortwo'], [2008, 2021], [2000, 12000], ['1.0 petrol', 'electric'], ['passion', 'pulse', 'prime'], { title: '{name} {engine} {trim}, {year}, {km} km' }),
    car('Suzuki', ['Swift', 'Vitara', 'Jimny'], [2011, 2024], [2500, 30000], ['1.2 Dualjet petrol', '1.4 Boosterjet petrol', '1.5 petrol'], ['Comfort', 'GL+', 'Allgrip']),
    car('Porsche', ['911 Carrera (991)', '911 Carrera S (991.2)'], [2012, 2019], [45000, 110000], ['3.4 petrol', '3.0 turbo petrol', '3.8 petrol'], ['PDK', 'manual', 'GTS'], { details: ['Porsche Centre serviced from new.', 'Sport Chrono package.', ...CAR_DETAILS], weight: 1 }),
    car('Porsche', ['Boxster (981)', 'Cayman (987)', 'Boxster (987)'], [2006, 2018], [15000, 55000], ['2.7 petrol', '2.9 petrol', '3.4 petrol'], ['PDK', 'S', 'Black Edition'], { details: ['Porsche Centre serviced from new.', ...CAR_DETAILS], weight: 1 }),
    car('Land Rover', ['Defender 110', 'Discovery Sport'], [2008, 2021], [15000, 60000], ['2.2 TD4 diesel', '2.0 TD4 diesel'], ['SE', 'HSE', 'County']),
    // Motorbikes and scooters
    motorbike('Vespa', 'scooter', ['Primavera 125', 'Sprint 125', 'GTS 300', 'LX 50', 'Elettrica'], [2008, 2024], [900, 7000], { weight: 3, details: ['Windscreen and rear rack fitted.', ...BIKE_DETAILS] }),
    motorbike('Piaggio', 'scooter', ['Liberty 125', 'Medley 125', 'Beverly 300', 'MP3 500'], [2010, 2023], [700, 6500], { weight: 2 }),
    motorbike('Honda', 'scooter', ['PCX 125', 'SH 125i', 'Forza 350', 'Vision 110'], [2012, 2024], [1000, 6000], { weight: 2 }),
    motorbike('Honda', 'motorcycle', ['CB500F', 'CB650R', 'CBR600RR', 'Africa Twin CRF1100L', 'NC750X', 'Rebel 500'], [2008, 2023], [2500, 15000], { weight: 2 }),
    motorbike('Yamaha', 'motorcycle', ['MT-07', 'MT-09', 'Tracer 9 GT', 'XSR700', 'Ténéré 700', 'R7'], [2014, 2023], [3500, 14000], { weight: 2 }),
    motorbike('Yamaha', 'scooter', ['NMAX 125', 'XMAX 300', "Neo's 50", 'TMAX 560'], [2014, 2024], [1000, 11000]),
    motorbike('Kawasaki', 'motorcycle', ['Z650', 'Ninja 400', 'Versys 650', 'Z900', 'Vulcan S'], [2012, 2023], [2500, 11000]),
    motorbike('BMW', 'motorcycle', ['R 1250 GS', 'F 900 R', 'R nineT', 'G 310 R', 'F 850 GS'], [2013, 2023], [3500, 22000], { details: ['Panniers and top case included.', ...BIKE_DETAILS] }),
    motorbike('KTM', 'motorcycle', ['390 Duke', '790 Duke', '690 Enduro R', '1290 Super Adventure S'], [2013, 2023], [2500, 17000]),
    motorbike('Ducati', 'motorcycle', ['Monster 821', 'Scrambler Icon', 'Multistrada V4', 'Panigale V2'], [2012, 2023], [5000, 25000], { details: ['Desmo service done at the dealer.', ...BIKE_DETAILS] }),
    motorbike('Triumph', 'motorcycle', ['Bonneville T100', 'Street Triple R', 'Tiger 900', 'Speed Twin', 'Trident 660'], [2010, 2023], [4000, 16000]),
    motorbike('Harley-Davidson', 'motorcycle', ['Sportster Iron 883', 'Street Bob', 'Fat Boy', 'Road King'], [2008, 2022], [5000, 24000]),
    motorbike('Royal Enfield', 'motorcycle', ['Interceptor 650', 'Himalayan', 'Classic 350', 'Continental GT 650'], [2018, 2023], [2500, 7000]),
    motorbike('Kymco', 'scooter', ['Agility 125', 'People S 125', 'Like 50'], [2012, 2022], [500, 3000]),
    motorbike('NIU', 'electric scooter', ['NQi GTS', 'MQi+', 'UQi'], [2018, 2023], [600, 3500], { yearlyKm: 2500, details: ['Removable battery charges from any socket.', 'Range is still about 60 km on a charge.'] }),
    motorbike('Xiaomi', 'e-scooter', ['Mi Electric Scooter Pro 2', 'Electric Scooter 4 Pro', 'Mi Electric Scooter 3'], [2020, 2023], [80, 600], { yearlyKm: 1200, title: '{name} {type}, {km} km', details: ['Charger included.', 'Tyres replaced with tubeless ones.', 'Range still about 30 km.'], weight: 2 }),
    motorbike('Segway-Ninebot', 'e-scooter', ['Max G30', 'KickScooter F40', 'Max G2'], [2019, 2023], [100, 800], { yearlyKm: 1500, title: '{name} {type}, {km} km', details: ['Charger included.', 'Range still about 40 km.'] }),
    // Campers and trailers
    item('VW', 'camper van', [15000, 65000], ['T5 California Beach', 'T6 California Ocean', 'T6.1 California Coast', 'T4 Westfalia'], { years: [2000, 2023], yearlyKm: 12000, title: '{name} {type}, {year}, {km} km', details: ['Pop-top roof and bed work perfectly.', 'Awning, fridge and auxiliary heater.', 'Ready for the summer: gas check done.'], weight: 2 }),
    item('Fiat', 'motorhome', [15000, 60000], ['Ducato Hymer Exsis-i', 'Ducato Knaus Sky TI', 'Ducato Adria Coral', 'Ducato Pössl Summit'], { years: [2005, 2022], yearlyKm: 9000, title: '{name} {type}, {year}, {km} km', details: ['Solar panel and leisure battery.', 'Bike rack for two bikes.', 'Habitation check passed, no damp.'] }),
    item('Knaus', 'caravan', [4000, 28000], ['Sport 450 FU', 'Südwind 500 EU', 'Sport 400 LK'], { years: [2005, 2021], title: '{name} {type}, {year}', details: ['Mover and awning included.', 'Dry inside, damp test done.'] }),
    item('Humbaur', 'trailer', [300, 5000], ['750 kg box trailer', 'car transporter 2.7 t', 'tipper 1.5 t'], { years: [2008, 2022], title: '{name} {type}, {year}', details: ['Registered and ready to tow.', 'Lights all work, new tyres.'] }),
  ],
  openers: [
    'Selling my reliable {item}.',
    'For sale: {item} from {year}, first registration in {month}.',
    'Offering our {name} {type}; we no longer need two.',
    'Well maintained {name} {type} for sale.',
  ],
  sentences: [
    'Inspection valid until {month} {nextYear}.',
    'Papers in order, ready for transfer of ownership.',
    'Test drive welcome with a valid licence and ID.',
    'Always serviced on time; invoices available.',
    'Registered in {country}.',
    'Second owner, bought from a dealer in {boughtYear}.',
    'Garaged, non-smoker.',
    'No trades, no export dealers please.',
  ],
  conditionNotes: {
    new: ['Practically new: only delivery kilometres and still under manufacturer warranty.'],
    'like new': ['Garage kept, no scratches or dents anywhere.'],
    good: ['Minor parking scuffs on the bumper; mechanically sound.', 'Drives perfectly, a few stone chips at the front.'],
    fair: ['Some rust spots and dents; drives fine but needs some attention.', 'Clutch is getting heavy and will need replacing soon.'],
    'for parts': ['Engine fault; not roadworthy, for parts or export.', 'Gearbox is failing; sold as a project.', 'Failed inspection on corrosion; for a restorer.'],
  },
  pools: {
    towing: ['1,200', '1,500', '1,800', '2,000'],
  },
};
