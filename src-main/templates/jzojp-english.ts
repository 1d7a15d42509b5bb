// English names and definitions of the JZOJP template codes, for English
// reports (issue 9 §6). The template itself stays Dutch project data (ADR
// 0004); a report in English looks a code up here by its Dutch name and the
// Dutch names of its parents, so a code the analyst renamed keeps the
// analyst's name, and an edited definition keeps the analyst's text.

export interface EnglishLabel {
  name: string;
  definition: string;
}

/** Keyed by the Dutch path of names, joined with ' / '. */
export const JZOJP_ENGLISH: Readonly<Record<string, EnglishLabel>> = {
  'Bekostiging en financiering': {
    name: 'Funding and financing',
    definition: 'How money for care, support and prevention becomes available and is shared out, as people experience it. This covers the regular budgets under the healthcare and social-care acts as well as temporary funds for innovation, and the rules that decide what a provider is paid for. The central question is whether the flows of money help or hinder preventing, relocating and replacing care.',
  },
  'Bekostiging en financiering / Regiobudget en transformatiegelden': {
    name: 'Regional budgets and transformation funds',
    definition: 'Temporary money that regions use to get change going: transformation funds, grants, innovation and regional funds, and regional budgets. It concerns how such money is obtained, spent and accounted for, and what it makes possible.',
  },
  'Bekostiging en financiering / Schotten tussen financieringsstromen': {
    name: 'Barriers between funding streams',
    definition: 'Problems that arise because care and support are paid from different acts and budgets (health insurance, long-term care, social support, youth care). Typically nobody is sure who pays, or the party that invests is not the one that reaps the benefit.',
  },
  'Bekostiging en financiering / Prikkels in de bekostiging': {
    name: 'Incentives in payment',
    definition: 'How providers are paid and contracted, and which behaviour that rewards or discourages: fee-for-service, purchasing per sector and volume caps, but also trials with multi-year contracts, shared savings or population-based payment.',
  },
  'Bekostiging en financiering / Structurele inbedding na een pilot': {
    name: 'Lasting funding after a pilot',
    definition: 'The step from a project on temporary money to a permanent place in regular funding. Pilots often succeed on content and then stall, or uncertainty about what comes next already weighs on the work while the pilot runs.',
  },
  'Lerend vermogen': {
    name: 'Capacity to learn',
    definition: 'The ability of people and organisations to reflect together on what they do, learn from it and adjust their approach. Because there is no blueprint for JZOJP, learning happens at several levels: in daily work, within organisations and across the regional network. Using data to put issues on the agenda, follow progress and steer is part of it.',
  },
  'Lerend vermogen / Reflecteren en leren in de samenwerking': {
    name: 'Reflecting and learning together',
    definition: 'Planned or spontaneous moments when partners look back together and change course, and the culture that allows it: openness about mistakes, room to try things and time to learn, in the network, the own organisation or the own profession.',
  },
  'Lerend vermogen / Data en regiobeeld': {
    name: 'Data and regional picture',
    definition: 'Using data to put problems on the agenda together, make choices and follow progress, for example regional health profiles, neighbourhood profiles and dashboards. It also covers the burdens and risks people feel in working with data, such as registration load or fear of being judged on the numbers.',
  },
  'Lerend vermogen / Leren van andere regio\'s': {
    name: 'Learning from other regions',
    definition: 'Sharing knowledge and experience between regions and with national organisations, through working groups, networks, visits or conferences, and also the experience that such exchange is missing or happens mostly by chance.',
  },
  'Domeinoverstijgende samenwerking': {
    name: 'Cross-domain collaboration',
    definition: 'Working together across the borders of domains, such as primary care, hospitals, long-term care, the social domain, public health and housing, sharing knowledge, resources or tasks. Whether it works depends on trust, a shared language and vision, the way the collaboration is governed and the rules the parties work under.',
  },
  'Domeinoverstijgende samenwerking / Vertrouwen en gedeelde visie': {
    name: 'Trust and shared vision',
    definition: 'The relational ground of working together: knowing each other and each other\'s interests, building trust and agreeing on a common ambition, including the tension between the interest of the region and that of one\'s own organisation.',
  },
  'Domeinoverstijgende samenwerking / Regie en governance': {
    name: 'Direction and governance',
    definition: 'How the collaboration is run: who takes the lead, how decisions are made and who is responsible for what, for example a regional programme office, a steering group, or a directing role for an insurer, municipality or national government.',
  },
  'Domeinoverstijgende samenwerking / Samenwerking zorg en sociaal domein in de praktijk': {
    name: 'Care and social domain working together in practice',
    definition: 'Day-to-day collaboration between professionals from care and the social domain around residents, such as case meetings, fixed contact persons, joint home visits and referrals. It is about doing the work, not about agreements between boards.',
  },
  'Inwonerparticipatie': {
    name: 'Citizen participation',
    definition: 'Involving residents and patients in shaping JZOJP, in many ways and at many levels: from a survey or focus group to initiatives they run themselves and a say in a steering group. Which residents take part, and how much influence they really have, belong here too.',
  },
  'Inwonerparticipatie / Betrekken bij beleid en plannen': {
    name: 'Involvement in policy and plans',
    definition: 'Ways in which organisations and regions let residents think along or decide on policy, regional plans and interventions, such as questionnaires, meetings, client and advisory councils or a seat in a steering group, and the influence residents feel they have, or whether the same people always sit at the table.',
  },
  'Inwonerparticipatie / Inwonerinitiatieven en informele zorg': {
    name: 'Citizen initiatives and informal care',
    definition: 'Initiatives and volunteer work that residents set up themselves to organise care and support close by, such as care cooperatives, neighbourhood transport or meeting places. A recurring theme is whether they are treated as equal partners and how they get lasting funding.',
  },
  'Inwonerparticipatie / Eigen regie en samen beslissen': {
    name: 'Self-direction and shared decision-making',
    definition: 'Residents and patients taking part in decisions about their own care: deciding together, keeping control and conversations about what matters to the person, for instance from the idea of positive health.',
  },
  'Kwetsbare groepen': {
    name: 'Vulnerable groups',
    definition: 'People for whom taking part in society does not come easily, for example because of several chronic conditions, mental health problems, poverty, debt, low literacy or a small social network. Their needs usually touch several domains at once. This building block asks whether care and support are within their reach, fitting and available.',
  },
  'Kwetsbare groepen / Bereik en toegankelijkheid': {
    name: 'Reach and accessibility',
    definition: 'How far care, support and prevention actually reach vulnerable groups. Barriers can lie in language, complicated procedures, distrust, costs or services that are far removed from people\'s lives.',
  },
  'Kwetsbare groepen / Tussen wal en schip': {
    name: 'Falling through the cracks',
    definition: 'Situations in which people with several problems at once do not get the help they need, because their question does not fit the remit of one organisation or domain, or because nobody takes on the coordination.',
  },
  'Kwetsbare groepen / Zicht op behoeften': {
    name: 'Insight into needs',
    definition: 'How well the parties know what vulnerable groups need, for example through neighbourhood profiles, linked data, advisory councils or talks with people with lived experience. Often the group itself turns out to be missing from the picture.',
  },
  'Kwetsbare groepen / Overbelaste mantelzorg': {
    name: 'Overburdened informal carers',
    definition: 'The strain on relatives and neighbours who care for a vulnerable person, and what it means for their own health, work and life. Informal carers often become, without anyone noticing, the coordinator between all the professionals.',
  },
  'Beeld van JZOJP': {
    name: 'Understanding of JZOJP',
    definition: 'How interviewees understand the idea of the right care in the right place, what they take it to mean and how familiar it is to them. This understanding colours how they talk about everything else, and it often differs between perspectives.',
  },
  'Beeld van JZOJP / Voorkomen, verplaatsen en vervangen': {
    name: 'Preventing, relocating and replacing care',
    definition: 'Views in which JZOJP is mainly about organising care differently: preventing care, providing it closer to home or replacing it with something simpler, such as care at a distance or care by another professional.',
  },
  'Beeld van JZOJP / Van ziekte en zorg naar gezondheid': {
    name: 'From illness and care to health',
    definition: 'Views in which JZOJP is broader than the supply of care: a shift towards health, behaviour, well-being and living environment, often with a reference to positive health.',
  },
  'Beeld van JZOJP / Uiteenlopende opvattingen': {
    name: 'Differing views',
    definition: 'Statements showing that the idea is unknown or vague, is felt to be policy jargon, or means something different to each party.',
  },
  'Merkbare resultaten': {
    name: 'Noticeable results',
    definition: 'What interviewees themselves see or feel as results of the movement, in their work, organisation, region or own life. This group is built up inductively: add sub-codes as patterns appear in the kinds of results people mention.',
  },
  'Merkbare resultaten / Zichtbare verbeteringen voor inwoners': {
    name: 'Visible improvements for residents',
    definition: 'Changes that residents, patients or informal carers notice, such as having to tell their story less often, getting help sooner, fewer unnecessary hospital visits or care that hangs together better.',
  },
  'Merkbare resultaten / Moeite met het meten van resultaten': {
    name: 'Difficulty measuring results',
    definition: 'Statements about how hard it is to show or attribute results, for example because data are missing or not linked, numbers are small, or effects only show after a long time.',
  },
  'Wat is nodig': {
    name: 'What is needed',
    definition: 'What interviewees think is needed to move forward; this is the central question of the learning evaluation. It covers conditions, wishes and calls on their own organisation, the region or national parties. Use the sub-codes for needs that come up often and code at this level what does not fit any of them (yet).',
  },
  'Wat is nodig / Structurele financiering': {
    name: 'Lasting funding',
    definition: 'The need for durable, predictable funding of collaboration, prevention and initiatives that have proved their worth, for example through multi-year agreements, shared budgets or regional funding.',
  },
  'Wat is nodig / Ruimte in regelgeving': {
    name: 'Room within regulations',
    definition: 'The need for clarity about, and room within, laws and rules such as competition law, privacy rules, billing requirements and accountability demands, so that parties can work together and experiment.',
  },
  'Wat is nodig / Tijd en capaciteit': {
    name: 'Time and capacity',
    definition: 'The need for people, hours and room in the schedule to collaborate, learn and innovate next to the regular work, especially now that staff are scarce.',
  },
  'Wat is nodig / Data en informatie-uitwisseling': {
    name: 'Data and information exchange',
    definition: 'The need to share data safely and easily between organisations and domains, both around individual clients and for steering together, for example through linked systems or a shared data infrastructure.',
  },
  'Wat is nodig / Regie en sturing': {
    name: 'Direction and steering',
    definition: 'The need for a party or structure that sets the direction, makes choices and holds parties to their agreements, regionally or nationally.',
  },
};
