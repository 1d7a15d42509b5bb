// Dutch places the detector knows by name (issue 16 §1): municipalities and
// large towns, provinces and the regions named in the JZOJP evaluation. Written
// for this project from public facts (names of places are not copyrightable);
// the OpenTaal word list (lexicon.ts) adds every place it marks as having
// inhabitants ("Heerenveen" → "Heerenvener").
const PLACES = `
Amsterdam Rotterdam Den_Haag 's-Gravenhage Utrecht Eindhoven Groningen Tilburg Almere Breda Nijmegen Apeldoorn Haarlem Arnhem
Enschede Amersfoort Zaanstad Haarlemmermeer 's-Hertogenbosch Den_Bosch Zwolle Zoetermeer Leiden Maastricht Dordrecht Ede Alphen_aan_den_Rijn
Westland Alkmaar Emmen Delft Venlo Deventer Sittard-Geleen Sittard Geleen Helmond Oss Amstelveen Hilversum Súdwest-Fryslân Heerlen Hengelo
Purmerend Schiedam Lelystad Roosendaal Leeuwarden Almelo Hoorn Velsen Gouda Vlaardingen Assen Capelle_aan_den_IJssel Bergen_op_Zoom Veenendaal
Katwijk Zeist Nieuwegein Hardenberg Roermond Doetinchem Den_Helder Oosterhout Hoogeveen Terneuzen Kampen Middelburg Vlissingen Heerenveen
Smallingerland Drachten Weert Barneveld Woerden Zutphen Harderwijk Heerhugowaard Dijk_en_Waard Hoofddorp Spijkenisse Nissewaard Ridderkerk
Veldhoven Soest Wageningen Tiel Culemborg Goes Gorinchem Winterswijk Aalten Oost_Gelre Berkelland Borculo Lochem Groenlo Lichtenvoorde
Oude_IJsselstreek Montferland Doesburg Bronckhorst Oldenzaal Losser Haaksbergen Borne Rijssen Holten Rijssen-Holten Twenterand Tubbergen Dinkelland
Wierden Hof_van_Twente Goor Delden Sneek Bolsward Franeker Harlingen Dokkum Texel Den_Burg Schagen Hollands_Kroon Anna_Paulowna
Julianadorp Noordkop Kerkrade Brunssum Landgraaf Stein Beek Beekdaelen Meerssen Valkenburg Eijsden Gulpen Vaals Mijnstreek Achterhoek Twente
Veluwe Betuwe Zeeland Friesland Fryslân Drenthe Overijssel Gelderland Flevoland Limburg Noord-Brabant Brabant Noord-Holland Zuid-Holland
Pijnacker Nootdorp Rijswijk Wassenaar Voorburg Leidschendam Leidschendam-Voorburg Lansingerland Waddinxveen Bodegraven Nieuwkoop Kaag_en_Braassem
Meppel Steenwijk Coevorden Emmen Stadskanaal Veendam Winschoten Hoogezand Delfzijl Appingedam Midden-Groningen Het_Hogeland Westerkwartier
Urk Dronten Zeewolde Noordoostpolder Emmeloord Steenwijkerland Raalte Ommen Dalfsen Hattem Heerde Epe Nunspeet Elburg Ermelo Putten Nijkerk
Baarn Bussum Gooise_Meren Huizen Laren Blaricum Weesp Diemen Ouder-Amstel Uithoorn Aalsmeer Zandvoort Bloemendaal Heemstede Beverwijk Heemskerk
Castricum Uitgeest Edam Volendam Edam-Volendam Monnickendam Waterland Enkhuizen Medemblik Stede_Broec Drechterland Koggenland Opmeer
Schouwen-Duiveland Zierikzee Hulst Sluis Veere Vlissingen Reimerswaal Kapelle Borsele Noord-Beveland Tholen
Etten-Leur Waalwijk Dongen Gilze_en_Rijen Goirle Oisterwijk Boxtel Vught Veghel Uden Meierijstad Boxmeer Cuijk Land_van_Cuijk Gemert Deurne Asten
Someren Geldrop Nuenen Best Oirschot Valkenswaard Waalre Eersel Bladel Bergeijk Cranendonck Heeze Leende Maashorst Bernheze Schijndel Sint-Michielsgestel
Venray Horst Peel_en_Maas Panningen Echt Maasgouw Leudal Nederweert Gennep Bergen Mook_en_Middelaar
`;

/** Several-word names are written with "_" in the list above. */
export const PLACE_NAMES: readonly string[] = [...new Set(
  PLACES.split('\n')
    .join(' ')
    .split(/\s+/u)
    .map((p) => p.replace(/_/g, ' ').trim())
    .filter(Boolean),
)];
