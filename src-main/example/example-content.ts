// Three short, invented example interviews (Dutch) for the example project.
// All people, organisations and situations are fictional.
import type { Perspective } from '../../src-shared/domain/perspectives.ts';

export interface ExampleParticipant {
  label: string;
  name: string;
  perspective: Perspective;
  region: string;
  role: string;
}
export interface ExampleTurn {
  speaker: string; // a participant label or the interviewer label
  text: string;
  timestamp?: string; // 'hh:mm:ss'
}
export interface ExampleCoding {
  turn: number; // 0-based index into turns; never an interviewer turn
  quote: string; // exact substring of that turn's text
  code: string[]; // path of code names from the JZOJP codebook
  keyQuote?: boolean;
  memo?: string;
}
export interface ExampleInterview {
  name: string;
  interviewerLabel: string;
  participants: ExampleParticipant[];
  turns: ExampleTurn[];
  codings: ExampleCoding[];
}

export const EXAMPLE_INTERVIEWS: readonly ExampleInterview[] = [
  {
    name: 'Duo-interview wijkverpleging en zorggroep (Heerenveen)',
    interviewerLabel: 'Interviewer',
    participants: [
      {
        label: 'Marieke',
        name: 'Marieke Hoekstra',
        perspective: 'zorgprofessional',
        region: 'Heerenveen',
        role: 'wijkverpleegkundige',
      },
      {
        label: 'Jeroen',
        name: 'Jeroen Bosma',
        perspective: 'bestuurder',
        region: 'Heerenveen',
        role: 'directeur zorggroep',
      },
    ],
    turns: [
      {
        speaker: 'Interviewer',
        timestamp: '00:00:12',
        text: 'Fijn dat jullie allebei tijd hebben gemaakt. Om te beginnen: wat betekent juiste zorg op de juiste plek voor jullie in je eigen werk?',
      },
      {
        speaker: 'Marieke',
        timestamp: '00:00:31',
        text: 'Voor mij gaat het erom dat mensen zo lang mogelijk thuis kunnen blijven, maar dan wel goed. Dat ze niet voor elk wissewasje naar de huisarts of de spoedpost hoeven, omdat wij er eerder bij zijn. Eigenlijk doe ik dat al twintig jaar, alleen heet het nu anders.',
      },
      {
        speaker: 'Jeroen',
        timestamp: '00:01:05',
        text: 'Herkenbaar. Vanuit de zorggroep zie ik het vooral als een manier om met de hele regio te kijken waar zorg thuishoort. Niet iedere organisatie voor zichzelf, maar samen bepalen wat we in de wijk doen en wat echt in het ziekenhuis moet.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:01:40',
        text: 'Waar lopen jullie in de praktijk tegenaan als je dat probeert?',
      },
      {
        speaker: 'Marieke',
        timestamp: '00:01:52',
        text: 'Op de financiering, eerlijk gezegd. Als ik bij een oudere mevrouw kom en zie dat ze vooral eenzaam is, dan kan ik daar in mijn indicatie niets mee. Dat hoort bij de gemeente, dus ik moet een melding doen en dan duurt het weken voordat er iemand van het sociaal team langskomt.',
      },
      {
        speaker: 'Jeroen',
        timestamp: '00:02:30',
        text: 'En op bestuurlijk niveau is het hetzelfde verhaal, alleen met grotere bedragen. Als wij met de huisartsen iets opzetten waardoor mensen minder vaak op de SEH belanden, dan zit de besparing bij het ziekenhuis en bij de verzekeraar, niet bij ons. We hebben ons project nu twee jaar kunnen draaien op transformatiegelden, maar die stoppen volgend jaar en niemand weet wat er dan gebeurt.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:03:18',
        text: 'Wat doen jullie als regio om daarvan te leren?',
      },
      {
        speaker: 'Jeroen',
        timestamp: '00:03:29',
        text: 'We hebben elk kwartaal een reflectiebijeenkomst met alle partners, waar we ook de cijfers van de spoedpost naast elkaar leggen. Het helpt dat we daar eerlijk durven zeggen wat niet werkt. Maar de data komen uit vier verschillende systemen, en iemand moet die met de hand bij elkaar zoeken.',
      },
      {
        speaker: 'Marieke',
        timestamp: '00:04:02',
        text: 'Ik zit daar soms bij, en dat vind ik waardevol. Alleen moet ik die tijd dan wel van mijn cliënturen afhalen. Leren staat nergens in mijn rooster.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:04:20',
        text: 'Hoe verloopt de samenwerking met het sociaal domein?',
      },
      {
        speaker: 'Marieke',
        timestamp: '00:04:33',
        text: 'Met het wijkteam in ons dorp gaat het goed sinds we elke twee weken samen casussen bespreken. Dan weet je van elkaar wie je moet bellen. Maar als die ene collega vertrekt, begin je weer van voren af aan.',
      },
      {
        speaker: 'Jeroen',
        timestamp: '00:05:04',
        text: 'Dat is precies het punt: het hangt nu aan personen. We hebben met vier gemeenten afspraken, en elke gemeente regelt het net anders. Wat we missen is iemand die regionaal de regie heeft en ook knopen durft door te hakken.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:05:40',
        text: 'Worden inwoners ergens bij betrokken?',
      },
      {
        speaker: 'Jeroen',
        timestamp: '00:05:49',
        text: 'We hebben een cliëntenraad die meeleest met onze plannen. Maar eerlijk is eerlijk, dat zijn vaak dezelfde mensen, en die praten vooral over de eigen organisatie. De mensen om wie het gaat, zoals ouderen die nauwelijks de deur uitkomen, horen we eigenlijk niet.',
      },
      {
        speaker: 'Marieke',
        timestamp: '00:06:21',
        text: 'Die zie ik juist elke dag. Veel van hen kunnen de brieven van de gemeente niet lezen of snappen niet hoe ze hulp moeten aanvragen. Dan val je gewoon tussen wal en schip.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:06:52',
        text: 'Merken jullie al iets van resultaten?',
      },
      {
        speaker: 'Marieke',
        timestamp: '00:07:03',
        text: 'Kleine dingen wel. Sinds we met de huisartsen een vaste lijn hebben, bel ik in het weekend minder vaak de spoedpost. En mensen zeggen dat ze het fijn vinden dat wij van elkaar weten wat er speelt.',
      },
      {
        speaker: 'Jeroen',
        timestamp: '00:07:31',
        text: 'Op regioniveau kan ik het nog niet hard maken, en dat vind ik lastig richting mijn raad van toezicht.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:07:45',
        text: 'Als jullie één ding mochten vragen, wat is er dan nodig om verder te komen?',
      },
      {
        speaker: 'Jeroen',
        timestamp: '00:07:56',
        text: 'Financiering die niet na twee jaar ophoudt. Geef een regio een meerjarig budget waar zorg en sociaal domein samen over beslissen, dan hoeven we niet elk jaar opnieuw te bedelen.',
      },
      {
        speaker: 'Marieke',
        timestamp: '00:08:24',
        text: 'En tijd. Tijd om samen te leren en om bij mensen te blijven zitten als dat nodig is, zonder dat ik elke vijf minuten moet verantwoorden.',
      },
    ],
    codings: [
      {
        turn: 4,
        quote: 'dan kan ik daar in mijn indicatie niets mee. Dat hoort bij de gemeente',
        code: ['Bekostiging en financiering', 'Schotten tussen financieringsstromen'],
      },
      {
        turn: 5,
        quote:
          'We hebben ons project nu twee jaar kunnen draaien op transformatiegelden, maar die stoppen volgend jaar en niemand weet wat er dan gebeurt.',
        code: ['Bekostiging en financiering', 'Regiobudget en transformatiegelden'],
        keyQuote: true,
      },
      {
        turn: 5,
        quote: 'die stoppen volgend jaar en niemand weet wat er dan gebeurt',
        code: ['Bekostiging en financiering', 'Structurele inbedding na een pilot'],
        memo: 'Overlapt met de codering transformatiegelden: dezelfde zin gaat zowel over het tijdelijke geld als over de onzekere voortzetting.',
      },
      {
        turn: 7,
        quote: 'Maar de data komen uit vier verschillende systemen, en iemand moet die met de hand bij elkaar zoeken.',
        code: ['Lerend vermogen', 'Data en regiobeeld'],
      },
      {
        turn: 11,
        quote: 'Wat we missen is iemand die regionaal de regie heeft en ook knopen durft door te hakken.',
        code: ['Domeinoverstijgende samenwerking', 'Regie en governance'],
      },
      {
        turn: 14,
        quote: 'Dan val je gewoon tussen wal en schip.',
        code: ['Kwetsbare groepen', 'Tussen wal en schip'],
      },
      {
        turn: 19,
        quote: 'Geef een regio een meerjarig budget waar zorg en sociaal domein samen over beslissen',
        code: ['Wat is nodig', 'Structurele financiering'],
        keyQuote: true,
      },
    ],
  },
  {
    name: 'Interview mantelzorger (Achterhoek)',
    interviewerLabel: 'Interviewer',
    participants: [
      {
        label: 'Ineke',
        name: 'Ineke Wolters',
        perspective: 'inwoner',
        region: 'Achterhoek',
        role: 'mantelzorger',
      },
    ],
    turns: [
      {
        speaker: 'Interviewer',
        timestamp: '00:00:08',
        text: 'Dank u wel dat ik bij u langs mocht komen. Kunt u iets vertellen over uw situatie?',
      },
      {
        speaker: 'Ineke',
        timestamp: '00:00:20',
        text: 'Mijn moeder is zevenentachtig en woont nog zelfstandig, een kwartier rijden bij mij vandaan. Sinds vorig jaar wordt ze steeds vergeetachtiger, en mijn broer woont in Groningen. Dus eigenlijk komt alles op mij neer, naast mijn baan van vier dagen.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:00:58',
        text: 'Met wie heeft u allemaal te maken in de zorg voor uw moeder?',
      },
      {
        speaker: 'Ineke',
        timestamp: '00:01:06',
        text: 'Met de huisarts, de thuiszorg die \'s ochtends komt voor de steunkousen, de casemanager dementie, en dan nog de gemeente voor de huishoudelijke hulp. Iedereen is aardig, maar niemand weet wat de ander doet. Ik ben eigenlijk de enige die het hele plaatje heeft, en ik houd alles bij in een schriftje.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:01:45',
        text: 'Hoe is dat voor u?',
      },
      {
        speaker: 'Ineke',
        timestamp: '00:01:52',
        text: 'Zwaar, als ik eerlijk ben. Vorige winter heb ik zelf een paar weken thuisgezeten van mijn werk, omdat ik het niet meer trok. En juist toen belde de thuiszorg mij op mijn werk of ik even een nieuw recept kon regelen.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:02:30',
        text: 'Is er ooit naar uw mening gevraagd, bijvoorbeeld over hoe de zorg hier in de regio is georganiseerd?',
      },
      {
        speaker: 'Ineke',
        timestamp: '00:02:42',
        text: 'Over mijn moeder wel, de casemanager vraagt echt wat wij belangrijk vinden. Maar over de regio? Ik heb een keer een enquête gekregen van de gemeente, en daar heb ik nooit meer iets van gehoord. Dan denk je: waarom vul ik dat eigenlijk in?',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:03:15',
        text: 'Kent u initiatieven in het dorp die helpen?',
      },
      {
        speaker: 'Ineke',
        timestamp: '00:03:22',
        text: 'Ja, er is een groep vrijwilligers bij ons in het dorp die ouderen naar het ziekenhuis rijdt en een koffieochtend organiseert. Mijn moeder gaat daar elke dinsdag heen, en dan weet ik dat er iemand een oogje in het zeil houdt. Maar ze zijn afhankelijk van een subsidie die elk jaar opnieuw moet worden aangevraagd, en de vrijwilligers worden zelf ook ouder.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:04:05',
        text: 'Heeft u de afgelopen tijd ook verbeteringen gezien?',
      },
      {
        speaker: 'Ineke',
        timestamp: '00:04:12',
        text: 'Sinds kort is er één vaste wijkverpleegkundige die ook met de huisarts overlegt, en dat merk ik echt. Ik hoef niet meer alles drie keer uit te leggen. Vorige maand zag zij dat mijn moeder haar medicijnen door elkaar haalde, en toen was het binnen een dag geregeld.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:04:50',
        text: 'Heeft u wel eens gehoord van juiste zorg op de juiste plek?',
      },
      {
        speaker: 'Ineke',
        timestamp: '00:04:58',
        text: 'De term zegt me niet zoveel. Ik denk dat het betekent dat mijn moeder niet naar het ziekenhuis moet als het thuis ook kan? Dat vind ik prima, maar dan moet er thuis wel iemand zijn, en nu ben ik dat.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:05:30',
        text: 'Wat zou er volgens u nodig zijn?',
      },
      {
        speaker: 'Ineke',
        timestamp: '00:05:37',
        text: 'Eén aanspreekpunt dat het overzicht houdt, zodat ik niet de coördinator hoef te zijn. En dat ze gegevens met elkaar delen, want nu moet ik bij elke nieuwe hulpverlener de hele medicijnlijst opnieuw doorgeven. En een beetje erkenning dat mantelzorgers ook grenzen hebben.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:06:15',
        text: 'Is er nog iets wat u wilt meegeven?',
      },
      {
        speaker: 'Ineke',
        timestamp: '00:06:21',
        text: 'Dat ze niet alleen praten met de mensen die het al goed voor elkaar hebben. Mijn moeder zou zelf nooit naar een inspraakavond gaan, en de buurvrouw die geen familie heeft al helemaal niet. Juist die mensen moeten ze opzoeken.',
      },
    ],
    codings: [
      {
        turn: 3,
        quote: 'Iedereen is aardig, maar niemand weet wat de ander doet.',
        code: ['Domeinoverstijgende samenwerking', 'Samenwerking zorg en sociaal domein in de praktijk'],
      },
      {
        turn: 3,
        quote: 'niemand weet wat de ander doet. Ik ben eigenlijk de enige die het hele plaatje heeft',
        code: ['Kwetsbare groepen', 'Overbelaste mantelzorg'],
        memo: 'Overlapt bewust met de samenwerkingscodering: het langs elkaar heen werken van hulpverleners maakt de mantelzorger tot coördinator.',
      },
      {
        turn: 7,
        quote: 'Ik heb een keer een enquête gekregen van de gemeente, en daar heb ik nooit meer iets van gehoord.',
        code: ['Inwonerparticipatie', 'Betrekken bij beleid en plannen'],
      },
      {
        turn: 9,
        quote: 'Maar ze zijn afhankelijk van een subsidie die elk jaar opnieuw moet worden aangevraagd',
        code: ['Inwonerparticipatie', 'Inwonerinitiatieven en informele zorg'],
      },
      {
        turn: 11,
        quote: 'Ik hoef niet meer alles drie keer uit te leggen.',
        code: ['Merkbare resultaten', 'Zichtbare verbeteringen voor inwoners'],
        keyQuote: true,
      },
      {
        turn: 15,
        quote: 'want nu moet ik bij elke nieuwe hulpverlener de hele medicijnlijst opnieuw doorgeven',
        code: ['Wat is nodig', 'Data en informatie-uitwisseling'],
      },
      {
        turn: 17,
        quote: 'Juist die mensen moeten ze opzoeken.',
        code: ['Kwetsbare groepen', 'Bereik en toegankelijkheid'],
        keyQuote: true,
      },
    ],
  },
  {
    name: 'Interview zorgverzekeraar (Twente)',
    interviewerLabel: 'Interviewer',
    participants: [
      {
        label: 'Sanne',
        name: 'Sanne Oude Veldhuis',
        perspective: 'regulerende_partij',
        region: 'Twente',
        role: 'regionaal zorginkoper zorgverzekeraar',
      },
    ],
    turns: [
      {
        speaker: 'Interviewer',
        timestamp: '00:00:10',
        text: 'Je werkt bij een zorgverzekeraar en bent betrokken bij de regio Twente. Wat is jouw rol daar?',
      },
      {
        speaker: 'Sanne',
        timestamp: '00:00:19',
        text: 'Ik ben zorginkoper met een regionale portefeuille, dus ik zit namens ons aan de regiotafel met gemeenten, het ziekenhuis en de huisartsen. Mijn taak is ervoor te zorgen dat wat we daar afspreken ook terugkomt in onze contracten.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:00:48',
        text: 'Hoe zou jij juiste zorg op de juiste plek omschrijven?',
      },
      {
        speaker: 'Sanne',
        timestamp: '00:00:56',
        text: 'Voor ons is de kern: zorg voorkomen waar het kan, en anders zo dicht mogelijk bij huis en zo eenvoudig mogelijk organiseren. Maar ik merk dat iedereen aan tafel er iets anders onder verstaat. Voor het ziekenhuis is het vaak een capaciteitsvraag, voor de gemeente gaat het over leefbaarheid in de wijk.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:01:35',
        text: 'Waar zie je de grootste belemmeringen?',
      },
      {
        speaker: 'Sanne',
        timestamp: '00:01:43',
        text: 'De schotten tussen de wetten blijven lastig. Als wij investeren in een preventieprogramma voor mensen met schulden, dan komt een deel van de opbrengst bij de gemeente terecht, en andersom. Binnen onze eigen organisatie is dan moeilijk uit te leggen waarom wij daaraan meebetalen.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:02:20',
        text: 'En binnen de contractering zelf?',
      },
      {
        speaker: 'Sanne',
        timestamp: '00:02:27',
        text: 'We kopen nog grotendeels per sector en per verrichting in. Dat beloont eerder meer zorg dan slimmere zorg. We proberen nu een meerjarencontract met het ziekenhuis en de huisartsen samen, maar dat kost veel tijd, en eerlijk gezegd hebben we ook niet alle kennis in huis om dat goed door te rekenen.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:03:10',
        text: 'Hoe worden de lessen uit zulke proeven gedeeld?',
      },
      {
        speaker: 'Sanne',
        timestamp: '00:03:18',
        text: 'Binnen de regio redelijk goed, we hebben een gedeeld regiobeeld dat we elk halfjaar samen bespreken. Tussen regio\'s veel minder. Ik hoor op congressen wel wat Mijnstreek of Amsterdam doet, maar systematisch leren we niet van elkaar. En de mededingingsregels maken sommige collega\'s voorzichtig met het delen van cijfers.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:04:02',
        text: 'Hoe kijk je naar de rol van inwoners?',
      },
      {
        speaker: 'Sanne',
        timestamp: '00:04:09',
        text: 'Daar zijn we als verzekeraar eerlijk gezegd nog zoekende in. We hebben een verzekerdenraad, maar dat is iets anders dan inwoners in een wijk. De inwonerinitiatieven die er zijn, passen vaak niet in onze inkoopsystematiek, want er is geen AGB-code en geen prestatie om op te declareren.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:04:50',
        text: 'En kwetsbare groepen, komen die in beeld?',
      },
      {
        speaker: 'Sanne',
        timestamp: '00:04:58',
        text: 'In het schuldenprogramma wel, daar werken we samen met de schuldhulpverlening en het sociaal wijkteam. We zien dat mensen met geldzorgen vaker bij de huisarts komen met klachten die eigenlijk over stress gaan. Maar die groep bereik je alleen via mensen die ze al vertrouwen, niet via een folder van ons.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:05:40',
        text: 'Zie je al resultaten?',
      },
      {
        speaker: 'Sanne',
        timestamp: '00:05:47',
        text: 'In het schuldenprogramma zien de huisartsen minder terugkerende consulten, maar het is een kleine groep en we kunnen het nog niet goed toeschrijven. Op regionaal niveau ontbreken gewoon de gekoppelde gegevens om echt iets te zeggen.',
      },
      {
        speaker: 'Interviewer',
        timestamp: '00:06:20',
        text: 'Wat is er volgens jou nodig om verder te komen?',
      },
      {
        speaker: 'Sanne',
        timestamp: '00:06:28',
        text: 'Duidelijkheid vanuit de overheid over wat wel en niet mag als we gegevens delen en samen inkopen. Nu legt iedere partij de regels voor zichzelf uit, en dan kiest men de veilige weg: niets doen. En ik zou willen dat we afspraken voor vijf jaar kunnen maken in plaats van voor één jaar.',
      },
    ],
    codings: [
      {
        turn: 3,
        quote: 'Maar ik merk dat iedereen aan tafel er iets anders onder verstaat.',
        code: ['Beeld van JZOJP', 'Uiteenlopende opvattingen'],
      },
      {
        turn: 7,
        quote: 'We kopen nog grotendeels per sector en per verrichting in. Dat beloont eerder meer zorg dan slimmere zorg.',
        code: ['Bekostiging en financiering', 'Prikkels in de bekostiging'],
        keyQuote: true,
      },
      {
        turn: 11,
        quote:
          'De inwonerinitiatieven die er zijn, passen vaak niet in onze inkoopsystematiek, want er is geen AGB-code en geen prestatie om op te declareren.',
        code: ['Inwonerparticipatie', 'Inwonerinitiatieven en informele zorg'],
      },
      {
        turn: 11,
        quote: 'passen vaak niet in onze inkoopsystematiek, want er is geen AGB-code',
        code: ['Bekostiging en financiering', 'Prikkels in de bekostiging'],
        memo: 'Zelfde passage, tweede lezing: hier gaat het om de inkoopregels die niets kunnen met initiatieven zonder declaratietitel.',
      },
      {
        turn: 13,
        quote: 'Maar die groep bereik je alleen via mensen die ze al vertrouwen, niet via een folder van ons.',
        code: ['Kwetsbare groepen', 'Bereik en toegankelijkheid'],
      },
      {
        turn: 15,
        quote: 'Op regionaal niveau ontbreken gewoon de gekoppelde gegevens om echt iets te zeggen.',
        code: ['Merkbare resultaten', 'Moeite met het meten van resultaten'],
      },
      {
        turn: 17,
        quote: 'Nu legt iedere partij de regels voor zichzelf uit, en dan kiest men de veilige weg: niets doen.',
        code: ['Wat is nodig', 'Ruimte in regelgeving'],
        keyQuote: true,
      },
    ],
  },
];
