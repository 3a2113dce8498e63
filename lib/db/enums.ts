// The closed sets of values the database stores as enums, declared once: the schema makes
// its pgEnums from them, and the code derives its types from them. Plain constants (no
// Drizzle), so the level list can reach browser code through lib/bilans/niveaux.ts.

/** Positioning levels, from « non évalué » to « totalement acquise ». */
export const NIVEAUX = ['NE', '-', '-+', '+', '++'] as const;
export type Niveau = (typeof NIVEAUX)[number];

// `administrateur`: the establishment's CPRO administrator (pages /administration), who
// reads no pupil's bilan.
export const ROLES = ['enseignant', 'vie_scolaire', 'direction', 'administrateur'] as const;
export type Role = (typeof ROLES)[number];

export const TRACE_ACTIONS = [
  'consultation',
  'pdf_bilan',
  'pdf_classe',
  'export_pronote',
  // A print page (/impression/…) read with its token by the PDF browser.
  'impression',
  // The class synthesis downloaded as CSV (/classes/<id>/synthese/csv).
  'export_csv',
] as const;
export type TraceAction = (typeof TRACE_ACTIONS)[number];

/**
 * The ways in, named as next-auth's providers: a local password, the ENT by OpenID Connect,
 * the ENT by CAS.
 */
export const MOYENS_CONNEXION = ['credentials', 'ent', 'cas'] as const;
export type MoyenConnexion = (typeof MOYENS_CONNEXION)[number];

/** ENT providers an identity can be linked from (never `credentials`). */
export const FOURNISSEURS_ENT = ['ent', 'cas'] as const;
export type FournisseurEnt = (typeof FOURNISSEURS_ENT)[number];
