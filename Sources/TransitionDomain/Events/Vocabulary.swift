// Closed vocabularies used in event data. Raw values are stored, so they never change; add a
// case rather than renaming one.

/// What kind of organisation a party is.
public enum OrganisationKind: String, Hashable, Sendable, Codable, CaseIterable {
  /// Gemeente: a municipality.
  case gemeente
  /// Gemeenschappelijke regeling: a joint arrangement of municipalities (Wgr).
  case gemeenschappelijkeRegeling = "gemeenschappelijke regeling"
  /// An execution organisation (uitvoerder) such as UWV or the WSP.
  case uitvoerder
  /// A market party (marktpartij) such as a consultancy.
  case marktpartij
  /// Rijk: national government.
  case rijk
}

/// What kind of body (orgaan) decides or advises.
public enum BodyKind: String, Hashable, Sendable, Codable, CaseIterable {
  /// Gemeenteraad: the elected municipal council.
  case raad
  /// College van burgemeester en wethouders: the municipal executive.
  case college
  /// Raadscommissie: a council committee.
  case raadscommissie
  /// The governing board of a GR where the seeds only say "het bestuur".
  case grBestuur = "GR bestuur"
  /// Algemeen bestuur: the general board of a GR.
  case grAlgemeenBestuur = "GR algemeen bestuur"
  /// Dagelijks bestuur: the executive board of a GR.
  case grDagelijksBestuur = "GR dagelijks bestuur"
  /// Managementteam (MT).
  case managementteam = "MT"
  /// Ondernemingsraad (OR): a works council.
  case ondernemingsraad
  /// Participatieraad: the client and resident advisory council.
  case participatieraad
  /// Portefeuillehoudersoverleg (PHO): the aldermen acting together as sponsor.
  case portefeuillehoudersoverleg
  /// A transition steering group (stuurgroep).
  case stuurgroep
  /// The objections committee of a sociaal plan (adviescommissie).
  case adviescommissie
}

/// What kind of document a registered document is.
public enum DocumentKind: String, Hashable, Sendable, Codable, CaseIterable {
  case raadsvoorstel, commissievoorstel, raadsmemo, raadsinformatiebrief, rapport, presentatie
  case memo, brief, notitie, adviesaanvraag, advies
  /// A sociaal plan or sociaal statuut.
  case sociaalPlan = "sociaal plan"
}

/// The kind of a decision (DOMAIN.md 11.2).
public enum DecisionKind: String, Hashable, Sendable, Codable, CaseIterable {
  case opdracht, projectopdracht, scenariokeuze, transitieplan
  /// Council permission for a GR change (article 1 lid 4 Wgr).
  case grToestemming = "GR-toestemming"
  /// The GR's own decision to amend its regeling.
  case grWijziging = "GR-wijziging"
  case begrotingswijziging, verdeelsleutel, plaatsingsbesluit
  /// A personnel decision of an employer (werkgeversbesluit).
  case werkgeversbesluit, organisatieplan, afrekening
}

/// Whether a decision is intended (put to the OR for advice) or final.
public enum DecisionStatus: String, Hashable, Sendable, Codable, CaseIterable {
  /// Voorgenomen: intended; never counts as backing for a staff move.
  case voorgenomen
  /// Definitief: final.
  case definitief
}

/// The outcome of an OR's advice (article 25 WOR).
public enum AdviceOutcome: String, Hashable, Sendable, Codable, CaseIterable {
  case positief
  case positiefMetVoorwaarden = "positief met voorwaarden"
  case negatief
  /// The OR gave no advice (documented absence).
  case geenAdvies = "geen advies"
}

/// What a committee did with a proposal.
public enum CommitteeOutcome: String, Hashable, Sendable, Codable, CaseIterable {
  /// Besproken: discussed, no advice.
  case besproken
  /// Geadviseerd: advised the council.
  case geadviseerd
  /// Aangehouden: postponed.
  case aangehouden
}

/// How information reached a body.
public enum InformationForm: String, Hashable, Sendable, Codable, CaseIterable {
  case raadsmemo, raadsinformatiebrief, bijeenkomst, brief, presentatie
}

/// The legal form of one staff move (DOMAIN.md 10.3); never assumed, always stated.
public enum LegalForm: String, Hashable, Sendable, Codable, CaseIterable {
  /// Overgang van onderneming, article 7:662-666 BW: the contract passes by law.
  case overgangVanOnderneming = "overgang van onderneming"
  /// A new employment contract with rights kept under the sociaal plan.
  case nieuweArbeidsovereenkomst = "nieuwe arbeidsovereenkomst onder sociaal plan"
  /// Detachering: secondment, employer unchanged.
  case detachering
}

/// The type of an employment contract.
public enum ContractType: String, Hashable, Sendable, Codable, CaseIterable {
  /// Onbepaalde tijd: permanent.
  case onbepaaldeTijd = "onbepaalde tijd"
  /// Bepaalde tijd: fixed term, with an end date.
  case bepaaldeTijd = "bepaalde tijd"
}

/// A neutral reason for leaving; never health data.
public enum DepartureReason: String, Hashable, Sendable, Codable, CaseIterable {
  case vrijwilligVertrek = "vrijwillig vertrek"
  case pensioen
  case eindeContract = "einde contract"
  case vertrekregeling
  case ontslag
}

/// The surplus status of an employee in a reorganisation.
public enum SurplusStatus: String, Hashable, Sendable, Codable, CaseIterable {
  /// Boventallig: surplus.
  case boventallig
  /// Herplaatsingskandidaat: redeployment candidate.
  case herplaatsingskandidaat
}

/// A step of the placement procedure of a sociaal plan (DOMAIN.md 10.4).
public enum PlacementStep: String, Hashable, Sendable, Codable, CaseIterable {
  case functieboek, belangstellingsregistratie
  case voorgenomenPlaatsingsbesluit = "voorgenomen plaatsingsbesluit"
  case bezwaar
  case adviesAdviescommissie = "advies adviescommissie"
  case definitiefPlaatsingsbesluit = "definitief plaatsingsbesluit"
}

/// The category of a frictiekosten line.
public enum CostCategory: String, Hashable, Sendable, Codable, CaseIterable {
  case projectorganisatie
  case sociaalPlan = "sociaal plan"
  case boventalligheid
  case dubbeleOverhead = "dubbele overhead"
  case ict = "ICT"
  case huisvesting, opleiding, advies, vertrekregeling
}

/// The budget that pays a cost line.
public enum FundingSource: String, Hashable, Sendable, Codable, CaseIterable {
  /// The Impulsbudget, held by Velsen for the three municipalities.
  case impulsbudget = "Impulsbudget (via VLS)"
  /// The shared integratie-uitkering Participatiewet.
  case integratieUitkering = "integratie-uitkering Pw"
  /// Each municipality's own integratie-uitkering Participatiewet.
  case eigenIntegratieUitkering = "own integratie-uitkering Pw"
  case buig = "BUIG"
  case eigenMiddelen = "eigen middelen"
}

/// Whether a cost line is shared by a key or charged directly.
public enum CostAllocation: String, Hashable, Sendable, Codable, CaseIterable {
  /// Shared by a version of the cost-sharing key; the line names the version.
  case key
  /// Charged directly to the organisations named.
  case direct
}

/// The status of a transition plan version in one municipality.
public enum PlanStatus: String, Hashable, Sendable, Codable, CaseIterable {
  case concept, vastgesteld
}
