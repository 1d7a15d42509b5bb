// Content of the JZOJP project template (Dutch: the evaluation's own language).
export interface TemplateCode {
  name: string;
  role: 'building_block' | 'theme_group' | 'code';
  color: string; // '#rrggbb', readable as a highlight on white, distinct per top-level group
  definition: string; // 2–4 sentences, what the code is about
  includeCriteria: string; // when to apply (1–3 sentences)
  excludeCriteria: string; // when NOT to apply, and which neighbouring code to use instead
  example: string; // a short invented example quote as an interviewee might say it
  children?: TemplateCode[];
}

// One hue per top-level group; sub-codes use a lighter tint of the same hue.
const BEKOSTIGING = '#f2c12e';
const BEKOSTIGING_TINT = '#f9e29a';
const LEREN = '#5b9bd5';
const LEREN_TINT = '#a8c9ea';
const SAMENWERKING = '#6cbf6c';
const SAMENWERKING_TINT = '#b4dfb4';
const PARTICIPATIE = '#e87a8c';
const PARTICIPATIE_TINT = '#f3bac4';
const KWETSBAAR = '#a98bd6';
const KWETSBAAR_TINT = '#d3c4ec';
const BEELD = '#4fbfb6';
const BEELD_TINT = '#a2e0db';
const RESULTATEN = '#d874c6';
const RESULTATEN_TINT = '#ecb9e3';
const NODIG = '#f08a4b';
const NODIG_TINT = '#f7c3a2';

export const JZOJP_CODEBOOK: readonly TemplateCode[] = [
  {
    name: 'Bekostiging en financiering',
    role: 'building_block',
    color: BEKOSTIGING,
    definition:
      'Ervaringen met de manier waarop geld voor zorg, ondersteuning en preventie beschikbaar komt en wordt verdeeld. Het gaat zowel om vaste middelen uit de stelselwetten als om tijdelijke potjes voor vernieuwing, en om de regels die bepalen waarvoor een aanbieder betaald krijgt. De kernvraag is of de geldstromen het voorkomen, verplaatsen en vervangen van zorg helpen of juist afremmen.',
    includeCriteria:
      'Gebruik deze bouwsteen wanneer iemand vertelt hoe financiering, contractering, tarieven of subsidies het werken aan JZOJP mogelijk maken of belemmeren. Kies bij voorkeur een subcode; codeer op dit niveau alleen als het fragment over geld in het algemeen gaat.',
    excludeCriteria:
      'Niet gebruiken als geld alleen terloops wordt genoemd als een van vele randvoorwaarden. Wat iemand aan financiering nodig vindt, hoort (ook) onder Wat is nodig > Structurele financiering; een tekort aan mensen of uren zonder geldkant valt onder Wat is nodig > Tijd en capaciteit.',
    example: 'Alles wat we hier opbouwen, hangt aan een subsidie van drie jaar.',
    children: [
      {
        name: 'Regiobudget en transformatiegelden',
        role: 'code',
        color: BEKOSTIGING_TINT,
        definition:
          'Tijdelijke middelen waarmee regio\'s vernieuwing op gang brengen: transformatiegelden, subsidies, innovatie- en regiofondsen en regionale budgetten. Het gaat om hoe deze middelen worden verkregen, besteed en verantwoord, en wat ze mogelijk maken.',
        includeCriteria:
          'Wanneer het fragment gaat over het aanvragen, inzetten of aflopen van tijdelijke middelen, inclusief de administratieve last die daarbij komt kijken.',
        excludeCriteria:
          'Gaat het om wat er gebeurt als een geslaagd project regulier bekostigd moet worden, gebruik dan Structurele inbedding na een pilot. Geld dat per wet of domein gescheiden blijft: Schotten tussen financieringsstromen.',
        example: 'De aanvraag voor dat fonds kostte ons bijna net zoveel uren als het project zelf.',
      },
      {
        name: 'Schotten tussen financieringsstromen',
        role: 'code',
        color: BEKOSTIGING_TINT,
        definition:
          'Knelpunten die ontstaan doordat zorg en ondersteuning uit verschillende wetten en potten worden betaald, zoals Zvw, Wlz, Wmo en Jeugdwet. Typerend is dat onduidelijk is wie betaalt, of dat de partij die investeert niet degene is bij wie de opbrengst terechtkomt.',
        includeCriteria:
          'Wanneer iemand beschrijft dat hulp niet geboden kan worden of vertraagt omdat die onder een ander domein of een andere financier valt, of dat kosten en baten bij verschillende partijen liggen.',
        excludeCriteria:
          'Prikkels binnen één financieringsstroom, zoals betaling per verrichting, horen bij Prikkels in de bekostiging. Samenwerkingsproblemen zonder financiële oorzaak horen bij Domeinoverstijgende samenwerking.',
        example: 'Wondzorg mag ik geven, maar voor een gesprek over eenzaamheid moet ik doorverwijzen naar de gemeente.',
      },
      {
        name: 'Prikkels in de bekostiging',
        role: 'code',
        color: BEKOSTIGING_TINT,
        definition:
          'De manier waarop aanbieders worden betaald en gecontracteerd, en het gedrag dat daardoor wordt beloond of ontmoedigd. Denk aan betaling per verrichting, inkoop per sector en plafondafspraken, maar ook aan proeven met meerjarencontracten, gedeelde besparingen of populatiebekostiging.',
        includeCriteria:
          'Wanneer het fragment laat zien dat de bekostiging volume, kwaliteit, samenwerking of preventie beloont of afremt, of wanneer iemand ervaringen deelt met andere bekostigingsvormen.',
        excludeCriteria:
          'Problemen die voortkomen uit de grenzen tussen wetten en domeinen: Schotten tussen financieringsstromen. Tijdelijke projectsubsidies: Regiobudget en transformatiegelden.',
        example: 'Hoe meer we doen, hoe meer we declareren, dus voorkomen levert ons als praktijk niets op.',
      },
      {
        name: 'Structurele inbedding na een pilot',
        role: 'code',
        color: BEKOSTIGING_TINT,
        definition:
          'De overgang van een tijdelijk gefinancierd project naar een vaste plek in de reguliere bekostiging. Vaak slagen pilots inhoudelijk maar stranden ze daarna, of drukt de onzekerheid over vervolgfinanciering al tijdens de pilot op het werk.',
        includeCriteria:
          'Wanneer iemand vertelt over een project dat afloopt, voortgezet moet worden of is gestopt, en over de moeite om het in contracten of begrotingen op te nemen.',
        excludeCriteria:
          'De wens tot vaste financiering als oplossing codeer je (ook) onder Wat is nodig > Structurele financiering. Het verwerven en besteden van het tijdelijke geld zelf: Regiobudget en transformatiegelden.',
        example: 'Iedereen was enthousiast over de pilot, en toch ligt hij na de zomer gewoon stil.',
      },
    ],
  },
  {
    name: 'Lerend vermogen',
    role: 'building_block',
    color: LEREN,
    definition:
      'Het vermogen van mensen en organisaties om samen stil te staan bij wat ze doen, daarvan te leren en hun aanpak bij te stellen. Omdat er voor JZOJP geen blauwdruk bestaat, gaat het om leren op meerdere niveaus: in het dagelijks werk, binnen organisaties en in het regionale netwerk. Ook het gebruik van gegevens om te agenderen, te volgen en bij te sturen hoort hierbij.',
    includeCriteria:
      'Wanneer iemand vertelt over reflectie, evaluatie, leercultuur, ruimte om te experimenteren, het delen van ervaringen of het gebruik van cijfers en regiobeelden om van te leren.',
    excludeCriteria:
      'Het alleen melden van bereikte resultaten hoort bij Merkbare resultaten. Technische of juridische belemmeringen bij het uitwisselen van gegevens, gezien als voorwaarde, horen (ook) bij Wat is nodig > Data en informatie-uitwisseling.',
    example: 'Pas toen we ook onze mislukkingen op tafel legden, gingen we echt van elkaar leren.',
    children: [
      {
        name: 'Reflecteren en leren in de samenwerking',
        role: 'code',
        color: LEREN_TINT,
        definition:
          'Vaste of spontane momenten waarop partners samen terugkijken en bijsturen, en de cultuur die dat mogelijk maakt: openheid over fouten, ruimte om te proberen en tijd om te leren. Het kan gaan om het netwerk, de eigen organisatie of het eigen vak.',
        includeCriteria:
          'Wanneer het fragment gaat over evaluatiemomenten, intervisie, leren van fouten, durven experimenteren of juist vasthouden aan bestaande werkwijzen.',
        excludeCriteria:
          'Leren op basis van cijfers en monitoring: Data en regiobeeld. Uitwisseling met andere regio\'s: Leren van andere regio\'s.',
        example: 'Na elke lastige casus nemen we tien minuten om te bespreken wat we de volgende keer anders doen.',
      },
      {
        name: 'Data en regiobeeld',
        role: 'code',
        color: LEREN_TINT,
        definition:
          'Het gebruik van gegevens om samen problemen te agenderen, keuzes te maken en de voortgang te volgen, zoals regiobeelden, wijkprofielen en dashboards. Ook de ervaren lasten en risico\'s van datagedreven werken vallen hieronder, zoals registratiedruk of de vrees erop te worden afgerekend.',
        includeCriteria:
          'Wanneer iemand vertelt hoe gegevens worden verzameld, gedeeld, geduid of gebruikt om te leren, of waarom dat (nog) niet lukt.',
        excludeCriteria:
          'Is het fragment vooral een oproep om gegevensuitwisseling te regelen, gebruik dan (ook) Wat is nodig > Data en informatie-uitwisseling. Het aantonen van resultaten van JZOJP: Merkbare resultaten > Moeite met het meten van resultaten.',
        example: 'We hebben prachtige dashboards, maar niemand heeft tijd om er samen naar te kijken.',
      },
      {
        name: 'Leren van andere regio\'s',
        role: 'code',
        color: LEREN_TINT,
        definition:
          'Uitwisseling van kennis en ervaring tussen regio\'s en met landelijke partijen, bijvoorbeeld via actietafels, netwerken, werkbezoeken of congressen. Ook de ervaring dat zulke uitwisseling ontbreekt of vooral toevallig verloopt, valt hieronder.',
        includeCriteria:
          'Wanneer iemand verwijst naar voorbeelden, aanpakken of lessen uit een andere regio, of naar de behoefte daaraan.',
        excludeCriteria: 'Leren binnen de eigen regio of organisatie: Reflecteren en leren in de samenwerking.',
        example: 'Dat idee van de wijkkamer hebben we gewoon afgekeken bij een regio in het oosten.',
      },
    ],
  },
  {
    name: 'Domeinoverstijgende samenwerking',
    role: 'building_block',
    color: SAMENWERKING,
    definition:
      'Samenwerken over de grenzen van domeinen heen, bijvoorbeeld tussen huisartsenzorg, ziekenhuis, langdurige zorg, sociaal domein, publieke gezondheid en wonen, waarbij kennis, middelen of taken worden gedeeld. Of dat lukt, hangt af van vertrouwen, een gedeelde taal en visie, de manier van besturen en de regels waarbinnen partijen werken.',
    includeCriteria:
      'Wanneer het fragment gaat over hoe partijen uit verschillende domeinen elkaar vinden, afspraken maken en taken verdelen, of elkaar juist niet weten te vinden.',
    excludeCriteria:
      'Samenwerking binnen één domein (bijvoorbeeld alleen tussen zorgaanbieders in de keten) codeer je hier alleen als het fragment duidelijk over de regionale beweging gaat. Is geld de oorzaak van het probleem, gebruik dan Bekostiging en financiering > Schotten tussen financieringsstromen.',
    example: 'Sinds de huisarts en het wijkteam op dezelfde gang zitten, lopen de lijntjes vanzelf.',
    children: [
      {
        name: 'Vertrouwen en gedeelde visie',
        role: 'code',
        color: SAMENWERKING_TINT,
        definition:
          'De relationele basis van samenwerken: elkaar en elkaars belangen kennen, vertrouwen opbouwen en samen een ambitie formuleren. Ook de spanning tussen het belang van de regio en dat van de eigen organisatie hoort hierbij.',
        includeCriteria:
          'Wanneer iemand spreekt over (gebrek aan) vertrouwen, verborgen agenda\'s, het vinden van een gezamenlijke koers of de lange adem die samenwerken vraagt.',
        excludeCriteria:
          'Wie beslist en stuurt: Regie en governance. Concrete samenwerking rond cliënten: Samenwerking zorg en sociaal domein in de praktijk.',
        example: 'Het heeft twee jaar geduurd voordat het ziekenhuis en wij elkaar echt vertrouwden.',
      },
      {
        name: 'Regie en governance',
        role: 'code',
        color: SAMENWERKING_TINT,
        definition:
          'Hoe de samenwerking wordt bestuurd: wie de regie voert, hoe besluiten tot stand komen en wie waarvoor verantwoordelijk is. Voorbeelden zijn een regionaal programmabureau, een stuurgroep of een sturende rol voor verzekeraar, gemeente of Rijk.',
        includeCriteria:
          'Wanneer het fragment gaat over sturing, besluitvorming, vrijblijvendheid, de verdeling van verantwoordelijkheid of het ontbreken van een partij die knopen doorhakt.',
        excludeCriteria:
          'Noemt iemand sturing vooral als voorwaarde voor de toekomst, codeer dan (ook) Wat is nodig > Regie en sturing. Onderling vertrouwen zonder sturingsvraag: Vertrouwen en gedeelde visie.',
        example: 'Iedereen zit aan tafel, maar zodra het spannend wordt, wacht iedereen op een ander.',
      },
      {
        name: 'Samenwerking zorg en sociaal domein in de praktijk',
        role: 'code',
        color: SAMENWERKING_TINT,
        definition:
          'De dagelijkse samenwerking tussen professionals uit zorg en sociaal domein rond inwoners, zoals casusoverleg, vaste aanspreekpunten, gezamenlijke huisbezoeken en doorverwijzingen. Het gaat om de uitvoering, niet om bestuurlijke afspraken.',
        includeCriteria:
          'Wanneer professionals of inwoners beschrijven hoe hulpverleners uit verschillende domeinen rond één persoon of gezin samenwerken of langs elkaar heen werken.',
        excludeCriteria:
          'Bestuurlijke afspraken en besluitvorming: Regie en governance. Valt iemand vooral buiten de boot doordat hulp tussen domeinen blijft liggen: Kwetsbare groepen > Tussen wal en schip.',
        example: 'Als ik twijfel, app ik de buurtcoach en dan staan we de volgende dag samen op de stoep.',
      },
    ],
  },
  {
    name: 'Inwonerparticipatie',
    role: 'building_block',
    color: PARTICIPATIE,
    definition:
      'Het betrekken van inwoners en patiënten bij het vormgeven van JZOJP, op uiteenlopende manieren en niveaus: van een enquête of focusgroep tot zelf georganiseerde initiatieven en zeggenschap in een stuurgroep. Ook de vragen welke inwoners meedoen en hoeveel invloed zij werkelijk hebben, horen hierbij.',
    includeCriteria:
      'Wanneer het fragment gaat over hoe, wanneer en met welke invloed inwoners, patiënten, mantelzorgers of hun vertegenwoordigers worden betrokken, of over initiatieven die inwoners zelf opzetten.',
    excludeCriteria:
      'De belasting van een individuele mantelzorger valt onder Kwetsbare groepen > Overbelaste mantelzorg. Het bereiken van kwetsbare groepen met zorg of ondersteuning (in plaats van hen te laten meedenken): Kwetsbare groepen > Bereik en toegankelijkheid.',
    example: 'Ze vroegen onze mening pas toen het plan al klaar was.',
    children: [
      {
        name: 'Betrekken bij beleid en plannen',
        role: 'code',
        color: PARTICIPATIE_TINT,
        definition:
          'Manieren waarop organisaties en regio\'s inwoners laten meedenken of meebeslissen over beleid, regioplannen en interventies, zoals vragenlijsten, bijeenkomsten, cliënten- en adviesraden of een plek in een stuurgroep. Het gaat ook om de invloed die inwoners ervaren en om de vraag of steeds dezelfde mensen aan tafel zitten.',
        includeCriteria:
          'Wanneer iemand vertelt over inspraak, raadpleging, vertegenwoordiging of het uitblijven van terugkoppeling op wat inwoners hebben ingebracht.',
        excludeCriteria:
          'Betrokkenheid bij de eigen behandeling: Eigen regie en samen beslissen. Door inwoners zelf georganiseerde zorg of ondersteuning: Inwonerinitiatieven en informele zorg.',
        example: 'We hebben nu twee inwoners in de stuurgroep, maar de agenda maken we nog steeds zelf.',
      },
      {
        name: 'Inwonerinitiatieven en informele zorg',
        role: 'code',
        color: PARTICIPATIE_TINT,
        definition:
          'Initiatieven en vrijwillige inzet die inwoners zelf opzetten om zorg en ondersteuning dichtbij te organiseren, zoals zorgcoöperaties, buurtvervoer of ontmoetingsplekken. Een terugkerend thema is of zulke initiatieven als gelijkwaardige partner worden gezien en hoe ze aan vaste middelen komen.',
        includeCriteria:
          'Wanneer het fragment gaat over het ontstaan, de waarde, de financiering of de erkenning van initiatieven en vrijwilligerswerk in de nulde lijn.',
        excludeCriteria:
          'De zorg die één mantelzorger voor een naaste draagt: Kwetsbare groepen > Overbelaste mantelzorg. Meedenken over beleid zonder eigen initiatief: Betrekken bij beleid en plannen.',
        example: 'Onze vrijwilligers kennen elke oudere in het dorp, maar bij de gemeente kennen ze ons nauwelijks.',
      },
      {
        name: 'Eigen regie en samen beslissen',
        role: 'code',
        color: PARTICIPATIE_TINT,
        definition:
          'Betrokkenheid van inwoners en patiënten bij hun eigen zorg: samen beslissen, eigen regie en gesprekken over wat iemand zelf belangrijk vindt, bijvoorbeeld vanuit positieve gezondheid.',
        includeCriteria:
          'Wanneer iemand beschrijft of en hoe in de spreekkamer of aan huis wordt gevraagd naar de wensen, doelen en mogelijkheden van de persoon zelf.',
        excludeCriteria: 'Inspraak over beleid of regioplannen: Betrekken bij beleid en plannen.',
        example: 'De dokter vroeg voor het eerst wat ik zelf nog wilde kunnen, in plaats van wat er mis was.',
      },
    ],
  },
  {
    name: 'Kwetsbare groepen',
    role: 'building_block',
    color: KWETSBAAR,
    definition:
      'Mensen voor wie meedoen in de samenleving niet vanzelf gaat, bijvoorbeeld door een opeenstapeling van chronische aandoeningen, psychische problemen, armoede, schulden, laaggeletterdheid of een klein sociaal netwerk. Hun vragen raken meestal meerdere domeinen tegelijk. Deze bouwsteen gaat over de vraag of zorg en ondersteuning voor hen bereikbaar, passend en beschikbaar zijn.',
    includeCriteria:
      'Wanneer het fragment gaat over groepen zoals kwetsbare ouderen, mensen met een lage sociaaleconomische positie, mensen met complexe psychische problemen of overbelaste mantelzorgers, en over de vraag of het aanbod hen bereikt.',
    excludeCriteria:
      'Niet gebruiken voor inwoners in het algemeen; het meedenken van inwoners over beleid valt onder Inwonerparticipatie. Samenwerking tussen domeinen zonder duidelijke focus op een kwetsbare groep: Domeinoverstijgende samenwerking.',
    example: 'De mensen die het hardst hulp nodig hebben, komen nooit op ons spreekuur.',
    children: [
      {
        name: 'Bereik en toegankelijkheid',
        role: 'code',
        color: KWETSBAAR_TINT,
        definition:
          'De mate waarin zorg, ondersteuning en preventie kwetsbare groepen werkelijk bereiken. Drempels kunnen liggen in taal, ingewikkelde procedures, wantrouwen, kosten of een aanbod dat ver van hun leefwereld af staat.',
        includeCriteria:
          'Wanneer iemand vertelt dat een groep niet of juist wel wordt bereikt, bijvoorbeeld via vertrouwde personen, ervaringsdeskundigen of aangepaste informatie.',
        excludeCriteria:
          'Valt iemand buiten de boot doordat geen partij zich verantwoordelijk voelt: Tussen wal en schip.',
        example: 'Een folder over gezond leven helpt niet als je niet weet hoe je de huur moet betalen.',
      },
      {
        name: 'Tussen wal en schip',
        role: 'code',
        color: KWETSBAAR_TINT,
        definition:
          'Situaties waarin mensen met samengestelde problemen niet de hulp krijgen die ze nodig hebben, omdat hun vraag niet binnen de kaders van één organisatie of domein past of omdat niemand de coördinatie op zich neemt.',
        includeCriteria:
          'Wanneer het fragment beschrijft dat iemand wordt doorverwezen zonder opvolging, dat hulpverleners op elkaar wachten of dat verantwoordelijkheid tussen partijen blijft liggen.',
        excludeCriteria:
          'Wordt de oorzaak uitsluitend financieel benoemd, codeer dan (ook) Bekostiging en financiering > Schotten tussen financieringsstromen. Drempels om hulp te vinden of aan te vragen zonder verantwoordelijkheidsvraag: Bereik en toegankelijkheid.',
        example: 'De ggz vond hem te licht, het wijkteam te zwaar, en ondertussen zat hij gewoon thuis.',
      },
      {
        name: 'Zicht op behoeften',
        role: 'code',
        color: KWETSBAAR_TINT,
        definition:
          'De mate waarin partijen weten wat kwetsbare groepen nodig hebben, bijvoorbeeld via wijkprofielen, gekoppelde gegevens, adviesraden of gesprekken met ervaringsdeskundigen. Vaak blijkt de doelgroep zelf daarbij nog buiten beeld.',
        includeCriteria:
          'Wanneer iemand vertelt hoe partijen achterhalen wat kwetsbare groepen nodig hebben, of dat dit niet gebeurt.',
        excludeCriteria: 'Algemeen gebruik van gegevens om te leren: Lerend vermogen > Data en regiobeeld.',
        example: 'We weten precies hoe vaak ze op de spoedpost komen, maar niet waarom.',
      },
      {
        name: 'Overbelaste mantelzorg',
        role: 'code',
        color: KWETSBAAR_TINT,
        definition:
          'De druk op naasten die zorgen voor een kwetsbaar familielid of buur, en wat dat betekent voor hun eigen gezondheid, werk en leven. Mantelzorgers worden vaak ongemerkt de coördinator tussen alle hulpverleners.',
        includeCriteria:
          'Wanneer mantelzorgers of professionals beschrijven hoeveel een mantelzorger regelt of draagt, of wanneer de grenzen van mantelzorg in zicht komen.',
        excludeCriteria:
          'Georganiseerde vrijwillige inzet en inwonerinitiatieven: Inwonerparticipatie > Inwonerinitiatieven en informele zorg.',
        example: 'Ik ben dochter, planner en verpleegster tegelijk, en niemand vraagt hoe het met mij gaat.',
      },
    ],
  },
  {
    name: 'Beeld van JZOJP',
    role: 'theme_group',
    color: BEELD,
    definition:
      'Hoe geïnterviewden het begrip Juiste Zorg op de Juiste Plek opvatten, welke betekenis zij eraan geven en hoe bekend het hun is. Dit beeld kleurt hoe iemand over de rest vertelt, en het verschilt vaak tussen perspectieven.',
    includeCriteria:
      'Wanneer iemand omschrijft wat JZOJP is of zou moeten zijn, welke doelen erbij horen, of laat merken het begrip niet te kennen.',
    excludeCriteria:
      'Niet gebruiken voor ervaringen met de uitvoering; die horen bij een van de bouwstenen. Oordelen over wat de beweging heeft opgeleverd: Merkbare resultaten.',
    example: 'Voor mij is het simpel: je gaat niet naar het ziekenhuis als het thuis ook kan.',
    children: [
      {
        name: 'Voorkomen, verplaatsen en vervangen',
        role: 'code',
        color: BEELD_TINT,
        definition:
          'Opvattingen waarin JZOJP vooral gaat over het anders organiseren van zorg: zorg voorkomen, dichter bij huis leveren of vervangen door iets eenvoudigers, zoals zorg op afstand of zorg door een andere professional.',
        includeCriteria:
          'Wanneer iemand de beweging beschrijft als het verschuiven van zorg tussen plekken, lijnen of professionals.',
        excludeCriteria:
          'Opvattingen die vooral over gezondheid, gedrag en leefomgeving gaan: Van ziekte en zorg naar gezondheid.',
        example: 'Het gaat erom dat de controle na de operatie bij de huisarts kan in plaats van op de poli.',
      },
      {
        name: 'Van ziekte en zorg naar gezondheid',
        role: 'code',
        color: BEELD_TINT,
        definition:
          'Opvattingen waarin JZOJP breder wordt gezien dan het zorgaanbod: een verschuiving naar gezondheid, gedrag, welzijn en leefomgeving, vaak met een verwijzing naar positieve gezondheid.',
        includeCriteria:
          'Wanneer iemand preventie, leefstijl, welzijn of de sociale omgeving als kern van de beweging noemt.',
        excludeCriteria:
          'Gaat het vooral om het verschuiven van bestaande zorg: Voorkomen, verplaatsen en vervangen.',
        example: 'Uiteindelijk moet het gaan over een fijn leven in de wijk, niet over minder ziekenhuisbedden.',
      },
      {
        name: 'Uiteenlopende opvattingen',
        role: 'code',
        color: BEELD_TINT,
        definition:
          'Uitspraken waaruit blijkt dat het begrip onbekend of vaag is, als beleidstaal wordt ervaren, of dat partijen er elk iets anders onder verstaan.',
        includeCriteria:
          'Wanneer iemand zegt de term niet te kennen of niet helder te vinden, of opmerkt dat partners er iets anders mee bedoelen.',
        excludeCriteria:
          'Een inhoudelijke omschrijving van wat JZOJP volgens de spreker zelf is: een van de andere subcodes van Beeld van JZOJP.',
        example: 'Iedereen zegt het te willen, maar als je doorvraagt, bedoelt ieder iets anders.',
      },
    ],
  },
  {
    name: 'Merkbare resultaten',
    role: 'theme_group',
    color: RESULTATEN,
    definition:
      'Wat geïnterviewden zelf zien of merken als opbrengst van de beweging, in hun werk, hun organisatie, hun regio of hun eigen leven. Deze groep wordt inductief opgebouwd: voeg subcodes toe zodra er patronen zichtbaar worden in de soorten resultaten die mensen noemen.',
    includeCriteria:
      'Wanneer iemand een verandering beschrijft die hij of zij toeschrijft aan de samenwerking of aan een JZOJP-initiatief, of zegt (nog) geen resultaat te zien.',
    excludeCriteria:
      'Verwachtingen en wensen voor de toekomst horen bij Wat is nodig. Beschrijvingen van hoe men samenwerkt zonder dat er een uitkomst wordt genoemd, horen bij de bouwstenen.',
    example: 'Het mooiste resultaat is dat we elkaar nu bellen in plaats van een brief te sturen.',
    children: [
      {
        name: 'Zichtbare verbeteringen voor inwoners',
        role: 'code',
        color: RESULTATEN_TINT,
        definition:
          'Veranderingen die inwoners, patiënten of mantelzorgers merken, zoals minder vaak hun verhaal hoeven doen, sneller hulp krijgen, minder onnodig naar het ziekenhuis gaan of meer samenhang in de zorg ervaren.',
        includeCriteria:
          'Wanneer iemand een concrete verbetering voor inwoners beschrijft die met de beweging samenhangt, ook als die klein of plaatselijk is.',
        excludeCriteria:
          'Verbeteringen in samenwerking of werkplezier zonder merkbaar effect voor inwoners: codeer op het niveau Merkbare resultaten of maak een nieuwe subcode. Moeite om resultaten aan te tonen: Moeite met het meten van resultaten.',
        example: 'Mijn vader hoefde dit keer niet naar de eerste hulp; de wijkverpleging was er binnen het uur.',
      },
      {
        name: 'Moeite met het meten van resultaten',
        role: 'code',
        color: RESULTATEN_TINT,
        definition:
          'Uitspraken over hoe lastig het is om resultaten aan te tonen of toe te schrijven, bijvoorbeeld door ontbrekende of niet gekoppelde gegevens, kleine aantallen of de lange termijn waarop effecten zichtbaar worden.',
        includeCriteria:
          'Wanneer iemand aangeeft dat resultaten (nog) niet meetbaar of aantoonbaar zijn, of dat de verantwoording daarover knelt.',
        excludeCriteria: 'Het gebruik van gegevens om te leren en bij te sturen: Lerend vermogen > Data en regiobeeld.',
        example: 'We voelen dat het werkt, maar op papier kan ik het nog niet laten zien.',
      },
    ],
  },
  {
    name: 'Wat is nodig',
    role: 'theme_group',
    color: NODIG,
    definition:
      'Wat geïnterviewden nodig vinden om de beweging verder te brengen; dit is de centrale vraag van de lerende evaluatie. Het gaat om voorwaarden, wensen en oproepen aan de eigen organisatie, de regio of landelijke partijen. Gebruik de subcodes voor behoeften die vaak terugkomen en codeer op dit niveau wat (nog) nergens onder past.',
    includeCriteria:
      'Wanneer iemand benoemt wat er moet veranderen, wat ontbreekt of wat geregeld zou moeten worden, of wat de overheid, verzekeraar of gemeente zou moeten doen.',
    excludeCriteria:
      'Een beschrijving van een huidig knelpunt zonder wens of oplossing hoort bij de betreffende bouwsteen; doet een fragment allebei, codeer het dan dubbel.',
    example: 'Als ik één ding mocht wensen, dan is het dat we niet elk jaar opnieuw hoeven te onderhandelen.',
    children: [
      {
        name: 'Structurele financiering',
        role: 'code',
        color: NODIG_TINT,
        definition:
          'De behoefte aan duurzame, voorspelbare financiering voor samenwerking, preventie en initiatieven die hun waarde hebben bewezen, bijvoorbeeld via meerjarige afspraken, gezamenlijke budgetten of regionale bekostiging.',
        includeCriteria:
          'Wanneer iemand vast of meerjarig geld, ontschotte budgetten of voortzetting na een pilot als voorwaarde noemt.',
        excludeCriteria:
          'Ervaringen met het huidige stelsel zonder oproep tot verandering: Bekostiging en financiering en de subcodes daarvan.',
        example: 'Geef ons vijf jaar zekerheid, dan durven we ook mensen aan te nemen.',
      },
      {
        name: 'Ruimte in regelgeving',
        role: 'code',
        color: NODIG_TINT,
        definition:
          'De behoefte aan duidelijkheid over en ruimte binnen wet- en regelgeving, zoals mededingingsregels, privacyregels, declaratievoorschriften en verantwoordingseisen, zodat partijen kunnen samenwerken en experimenteren.',
        includeCriteria:
          'Wanneer iemand vraagt om aangepaste, duidelijkere of minder knellende regels, of om ruimte om ervan af te wijken.',
        excludeCriteria:
          'Technische voorzieningen om gegevens te delen: Data en informatie-uitwisseling. Financiële schotten zonder verwijzing naar regels: Structurele financiering.',
        example: 'Zeg nou gewoon duidelijk wat wel mag, dan hoeven we niet elke keer een jurist te bellen.',
      },
      {
        name: 'Tijd en capaciteit',
        role: 'code',
        color: NODIG_TINT,
        definition:
          'De behoefte aan mensen, uren en ruimte in het rooster om naast het gewone werk te kunnen samenwerken, leren en vernieuwen, juist nu personeel schaars is.',
        includeCriteria:
          'Wanneer iemand tijd, personeel, ondersteuning of vrijgemaakte uren noemt als voorwaarde om verder te komen.',
        excludeCriteria: 'Gaat het vooral om het geld om die capaciteit te betalen: Structurele financiering.',
        example: 'Ik wil best meedenken, maar dan moet iemand anders mijn spreekuur overnemen.',
      },
      {
        name: 'Data en informatie-uitwisseling',
        role: 'code',
        color: NODIG_TINT,
        definition:
          'De behoefte om gegevens veilig en eenvoudig te delen tussen organisaties en domeinen, zowel rond individuele cliënten als voor gezamenlijke sturing, bijvoorbeeld via gekoppelde systemen of een gedeelde data-infrastructuur.',
        includeCriteria:
          'Wanneer iemand betere gegevensuitwisseling, gekoppelde systemen of gedeelde informatie als voorwaarde noemt.',
        excludeCriteria:
          'Hoe gegevens nu al worden gebruikt om te leren: Lerend vermogen > Data en regiobeeld. Juridische ruimte om te delen: Ruimte in regelgeving.',
        example: 'Als de thuiszorg en de huisarts in hetzelfde dossier konden kijken, scheelde dat ons uren.',
      },
      {
        name: 'Regie en sturing',
        role: 'code',
        color: NODIG_TINT,
        definition:
          'De behoefte aan een partij of structuur die richting geeft, keuzes maakt en partijen aan hun afspraken houdt, op regionaal of landelijk niveau.',
        includeCriteria:
          'Wanneer iemand vraagt om leiderschap, regie, een regionale organisatie of sturing door Rijk, verzekeraar of gemeente.',
        excludeCriteria:
          'Een beschrijving van de huidige besturing zonder wens: Domeinoverstijgende samenwerking > Regie en governance.',
        example: 'Er moet iemand zijn die zegt: dit gaan we doen, en daar houden we ons allemaal aan.',
      },
    ],
  },
];

export const JZOJP_REGIONS: readonly string[] = [
  'Zoetermeer',
  'Gezond & Gelukkig Den Haag',
  'Gezond Texel',
  'Noordkop Gezond voor Elkaar',
  'Heerenveen',
  'Samen Zorg Assen',
  'Achterhoek',
  'Twente',
  'Coalitie Mijnstreek',
  'Amsterdam Vitaal & Gezond',
];
