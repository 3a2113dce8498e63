// Drizzle schema of the module (docs/architecture.md; snake_case in SQL, camelCase in TS).
// Bilans, positionnements and notes are archives: triggers in the migrations refuse to
// change them (see drizzle/0001_archives_immutables.sql).
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { FOURNISSEURS_ENT, MOYENS_CONNEXION, NIVEAUX, ROLES, TRACE_ACTIONS } from './enums';

/** PostgreSQL `bytea` as a Node.js Buffer, on both drivers. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

export const roleEnum = pgEnum('role', ROLES);
export const niveauEnum = pgEnum('niveau', NIVEAUX);

export const etablissements = pgTable('etablissements', {
  id: uuid('id').primaryKey().defaultRandom(),
  uai: char('uai', { length: 8 }).notNull().unique(),
  nom: text('nom').notNull(),
});

export const utilisateurs = pgTable(
  'utilisateurs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    etablissementId: uuid('etablissement_id')
      .notNull()
      .references(() => etablissements.id),
    email: text('email').notNull(),
    nom: text('nom').notNull(),
    prenom: text('prenom').notNull(),
    role: roleEnum('role').notNull(),
    passwordHash: text('password_hash'),
    sessionVersion: integer('session_version').notNull().default(0),
    actif: boolean('actif').notNull().default(true),
    // Shown to the administrator (sessions are purged once expired, this stays).
    derniereConnexionLe: timestamp('derniere_connexion_le', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // STS-Web's INDIVIDU@ID, kept once an import matched the teacher (as a pupil's ELEVE_ID).
    stsIndividuId: text('sts_individu_id'),
  },
  (t) => [
    uniqueIndex('utilisateurs_email_key').on(t.email),
    index('utilisateurs_etablissement_idx').on(t.etablissementId),
    uniqueIndex('utilisateurs_sts_key')
      .on(t.etablissementId, t.stsIndividuId)
      .where(sql`${t.stsIndividuId} is not null`),
  ],
);

export const moyenConnexionEnum = pgEnum('moyen_connexion', MOYENS_CONNEXION);
export const fournisseurEntEnum = pgEnum('fournisseur_ent', FOURNISSEURS_ENT);

/**
 * One row per sign-in; its id travels in the session cookie. Signing out revokes this row
 * only; « tous les appareils » bumps the account's session_version (every row at once).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    utilisateurId: uuid('utilisateur_id')
      .notNull()
      .references(() => utilisateurs.id),
    moyen: moyenConnexionEnum('moyen').notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    expireLe: timestamp('expire_le', { withTimezone: true }).notNull(),
    revoqueeLe: timestamp('revoquee_le', { withTimezone: true }),
  },
  (t) => [
    index('sessions_utilisateur_idx').on(t.utilisateurId),
    index('sessions_expire_le_idx').on(t.expireLe),
  ],
);

/** An ENT identity linked to an existing teacher account (never creates one). */
export const identitesExternes = pgTable(
  'identites_externes',
  {
    fournisseur: fournisseurEntEnum('fournisseur').notNull(),
    identifiant: text('identifiant').notNull(),
    utilisateurId: uuid('utilisateur_id')
      .notNull()
      .references(() => utilisateurs.id),
    /**
     * `script` (npm run ent:link), `email` (a verified e-mail claim at first sign-in) or
     * `administration` (the administration pages, or their teachers' CSV).
     */
    liaison: text('liaison').notNull(),
    lieeLe: timestamp('liee_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.fournisseur, t.identifiant] }),
    // One identity per account and provider: a second one is refused, never added.
    uniqueIndex('identites_externes_utilisateur_fournisseur_idx').on(
      t.utilisateurId,
      t.fournisseur,
    ),
    check(
      'identites_externes_liaison_check',
      sql`${t.liaison} in ('script', 'email', 'administration')`,
    ),
    check('identites_externes_identifiant_check', sql`length(${t.identifiant}) between 1 and 256`),
  ],
);

// Another e-mail a teachers' CSV gives for an account (its address changed): linked by the
// administrator at a probable duplicate, so that later imports recognise the line. The
// account's own e-mail (its sign-in) never changes.
export const autresCourriels = pgTable(
  'autres_courriels',
  {
    courriel: text('courriel').primaryKey(),
    utilisateurId: uuid('utilisateur_id')
      .notNull()
      .references(() => utilisateurs.id),
    lieLe: timestamp('lie_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('autres_courriels_utilisateur_idx').on(t.utilisateurId),
    check('autres_courriels_courriel_check', sql`length(${t.courriel}) between 3 and 254`),
  ],
);

// A diploma's referential, one row per version (bac pro SN 2016, bac pro CIEL 2023…); the
// short name (`sigle`) is what teachers read: « bac pro CIEL ».
export const referentiels = pgTable('referentiels', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  sigle: text('sigle').notNull(),
  libelle: text('libelle').notNull(),
  version: text('version').notNull(),
});

export const competences = pgTable(
  'competences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referentielId: uuid('referentiel_id')
      .notNull()
      .references(() => referentiels.id),
    code: text('code').notNull(),
    equivalence: text('equivalence'),
    libelle: text('libelle').notNull(),
    rang: integer('rang').notNull(),
  },
  (t) => [uniqueIndex('competences_referentiel_code_key').on(t.referentielId, t.code)],
);

export const classes = pgTable(
  'classes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    etablissementId: uuid('etablissement_id')
      .notNull()
      .references(() => etablissements.id),
    referentielId: uuid('referentiel_id')
      .notNull()
      .references(() => referentiels.id),
    nom: text('nom').notNull(),
    anneeScolaire: text('annee_scolaire').notNull(),
  },
  // One class per division code (its name) and school year: what a SIECLE import matches.
  (t) => [
    uniqueIndex('classes_etablissement_annee_nom_key').on(
      t.etablissementId,
      t.anneeScolaire,
      t.nom,
    ),
  ],
);

export const apprenants = pgTable(
  'apprenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    etablissementId: uuid('etablissement_id')
      .notNull()
      .references(() => etablissements.id),
    nom: text('nom').notNull(),
    prenom: text('prenom').notNull(),
    ine: text('ine'),
    // SIECLE's own id of the pupil in this establishment (ELEVE_ID): an import recognises a
    // pupil without an INE by it (lib/administration/siecle).
    siecleEleveId: text('siecle_eleve_id'),
  },
  (t) => [
    index('apprenants_etablissement_idx').on(t.etablissementId, t.nom, t.prenom),
    uniqueIndex('apprenants_etablissement_ine_key')
      .on(t.etablissementId, t.ine)
      .where(sql`${t.ine} is not null`),
    uniqueIndex('apprenants_etablissement_siecle_key')
      .on(t.etablissementId, t.siecleEleveId)
      .where(sql`${t.siecleEleveId} is not null`),
  ],
);

// A pupil keeps one identity over the years of their course; each school year enrols them
// in one class of their establishment (2de → 1re → Tle). A class's pupils are its enrolments.
export const inscriptions = pgTable(
  'inscriptions',
  {
    apprenantId: uuid('apprenant_id')
      .notNull()
      .references(() => apprenants.id),
    classeId: uuid('classe_id')
      .notNull()
      .references(() => classes.id),
    anneeScolaire: text('annee_scolaire').notNull(),
    // SIECLE's DATE_SORTIE: the pupil left during that year; no longer in the class's list,
    // their page and bilans kept.
    sortieLe: date('sortie_le'),
  },
  (t) => [
    primaryKey({ columns: [t.apprenantId, t.anneeScolaire] }),
    index('inscriptions_classe_idx').on(t.classeId, t.apprenantId),
  ],
);

/**
 * A class's team (équipe pédagogique): the teachers who teach it in its school year — from
 * STS-Web, or added by the administrator. They write its pupils' bilans; every teacher of the
 * establishment reads them.
 */
export const equipes = pgTable(
  'equipes',
  {
    classeId: uuid('classe_id')
      .notNull()
      .references(() => classes.id),
    utilisateurId: uuid('utilisateur_id')
      .notNull()
      .references(() => utilisateurs.id),
    origine: text('origine').notNull(),
    ajouteLe: timestamp('ajoute_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.classeId, t.utilisateurId] }),
    index('equipes_utilisateur_idx').on(t.utilisateurId),
    check('equipes_origine_check', sql`${t.origine} in ('sts', 'administration')`),
  ],
);

export const periodes = pgTable(
  'periodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    etablissementId: uuid('etablissement_id')
      .notNull()
      .references(() => etablissements.id),
    anneeScolaire: text('annee_scolaire').notNull(),
    libelle: text('libelle').notNull(),
    debut: date('debut').notNull(),
    fin: date('fin').notNull(),
    // The day PRONOTE stops reading the period's validated bilans (« clôture »): councils are
    // held and PRONOTE's terms closed after a period's last day (three weeks by default).
    cloture: date('cloture').notNull(),
  },
  (t) => [
    index('periodes_etablissement_idx').on(t.etablissementId, t.debut),
    check('periodes_cloture_check', sql`${t.cloture} >= ${t.fin}`),
  ],
);

// The referential a division code (SIECLE's CODE_STRUCTURE) follows in an establishment,
// chosen by its administrator when the division's MEF is not one we know; remembered for the
// next imports.
export const referentielsDivisions = pgTable(
  'referentiels_divisions',
  {
    etablissementId: uuid('etablissement_id')
      .notNull()
      .references(() => etablissements.id),
    codeDivision: text('code_division').notNull(),
    referentielId: uuid('referentiel_id')
      .notNull()
      .references(() => referentiels.id),
    choisiLe: timestamp('choisi_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.etablissementId, t.codeDivision] })],
);

// Every administrative action (who, when, what, counts): append-only, as the access trace.
export const journalAdministration = pgTable(
  'journal_administration',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    etablissementId: uuid('etablissement_id')
      .notNull()
      .references(() => etablissements.id),
    // The administrator; none when a command-line script acted (`auteur` says which).
    utilisateurId: uuid('utilisateur_id').references(() => utilisateurs.id),
    auteur: text('auteur').notNull(),
    action: text('action').notNull(),
    details: jsonb('details').notNull().default({}),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('journal_administration_etablissement_idx').on(t.etablissementId, t.creeLe)],
);

// An upload read and previewed (a SIECLE export, a teachers' CSV), waiting for the
// administrator's « Appliquer »: what it says, never the file itself; removed once applied,
// expired after an hour. Several instances share it through the database.
export const importsEnAttente = pgTable(
  'imports_en_attente',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    etablissementId: uuid('etablissement_id')
      .notNull()
      .references(() => etablissements.id),
    utilisateurId: uuid('utilisateur_id')
      .notNull()
      .references(() => utilisateurs.id),
    nature: text('nature').notNull(),
    contenu: jsonb('contenu').notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    expireLe: timestamp('expire_le', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('imports_en_attente_etablissement_idx').on(t.etablissementId),
    check('imports_en_attente_nature_check', sql`${t.nature} in ('siecle', 'enseignants', 'sts')`),
  ],
);

export const bilans = pgTable(
  'bilans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    apprenantId: uuid('apprenant_id')
      .notNull()
      .references(() => apprenants.id),
    // The referential the bilan was written in, for good (a class's referential may be
    // another one years later; the pupil's bilans of both stay apart).
    referentielId: uuid('referentiel_id')
      .notNull()
      .references(() => referentiels.id),
    auteurId: uuid('auteur_id').references(() => utilisateurs.id),
    date: date('date').notNull(),
    constats: text('constats').notNull().default(''),
    conseils: text('conseils').notNull().default(''),
    valideLe: timestamp('valide_le', { withTimezone: true }),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('bilans_apprenant_date_idx').on(t.apprenantId, t.date)],
);

export const positionnements = pgTable(
  'positionnements',
  {
    bilanId: uuid('bilan_id')
      .notNull()
      .references(() => bilans.id),
    competenceId: uuid('competence_id')
      .notNull()
      .references(() => competences.id),
    niveau: niveauEnum('niveau').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bilanId, t.competenceId] })],
);

export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bilanId: uuid('bilan_id')
      .notNull()
      .references(() => bilans.id),
    libelle: text('libelle').notNull(),
    valeur: numeric('valeur', { precision: 4, scale: 2 }).notNull(),
    coefficient: numeric('coefficient', { precision: 4, scale: 2 }).notNull().default('1'),
  },
  (t) => [
    index('notes_bilan_idx').on(t.bilanId),
    check('notes_valeur_check', sql`${t.valeur} between 0 and 20`),
  ],
);

// API tokens per establishment (stored hashed), of two kinds (`nature`): PRONOTE's, which
// read the validated bilans of the current period, and the write API's (`alimentation`),
// which send bilans in. A token of one kind is refused by the other API. Then PRONOTE's
// reads and when each bilan was last read (shown on the bilan page).
export const pronoteJetons = pgTable(
  'pronote_jetons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    etablissementId: uuid('etablissement_id')
      .notNull()
      .references(() => etablissements.id),
    nature: text('nature').notNull().default('pronote'),
    libelle: text('libelle').notNull(),
    hash: text('hash').notNull(),
    prefixe: text('prefixe').notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    revoqueLe: timestamp('revoque_le', { withTimezone: true }),
    dernierUsageLe: timestamp('dernier_usage_le', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('pronote_jetons_hash_key').on(t.hash),
    index('pronote_jetons_etablissement_idx').on(t.etablissementId),
    check('pronote_jetons_nature_check', sql`${t.nature} in ('pronote', 'alimentation')`),
  ],
);

// Bilans sent through the write API: the sender's id of each (`source`, unique per
// establishment) → the bilan it stands for now, and the fingerprint of what was sent (an
// identical body sent again changes nothing). A replaced draft is a new bilan (new id): PDFs,
// caches and the synthesis never serve its old content.
export const sourcesBilans = pgTable(
  'sources_bilans',
  {
    etablissementId: uuid('etablissement_id')
      .notNull()
      .references(() => etablissements.id),
    source: text('source').notNull(),
    bilanId: uuid('bilan_id')
      .notNull()
      .references(() => bilans.id),
    empreinte: text('empreinte').notNull(),
    // Each write of the source bumps it: a form names the version it was filled from, and a
    // save over a newer one is refused (two teachers on one draft never lose each other's work).
    version: integer('version').notNull().default(1),
    // Who wrote the current version in the module (« Rédiger un bilan »); null when the write
    // API did. The API's next write over a teacher's is refused unless it names the version.
    modifiePar: uuid('modifie_par').references(() => utilisateurs.id),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    modifieLe: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.etablissementId, t.source] }),
    uniqueIndex('sources_bilans_bilan_key').on(t.bilanId),
  ],
);

// Every write of the API (token, source, bilan, what happened), append-only.
export const ecrituresAlimentation = pgTable(
  'ecritures_alimentation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    etablissementId: uuid('etablissement_id')
      .notNull()
      .references(() => etablissements.id),
    jetonId: uuid('jeton_id').references(() => pronoteJetons.id),
    // The teacher who wrote it in the module (« Rédiger un bilan »); null for the API.
    utilisateurId: uuid('utilisateur_id').references(() => utilisateurs.id),
    // `npm run import:bilans` writes without a token.
    auteur: text('auteur').notNull(),
    source: text('source').notNull(),
    bilanId: uuid('bilan_id'),
    statut: text('statut').notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ecritures_alimentation_etablissement_idx').on(t.etablissementId, t.creeLe),
    // A bilan's history (who wrote, who validated): its source's writes, in order.
    index('ecritures_alimentation_source_idx').on(t.etablissementId, t.source, t.creeLe),
  ],
);

export const pronoteLectures = pgTable(
  'pronote_lectures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jetonId: uuid('jeton_id')
      .notNull()
      .references(() => pronoteJetons.id),
    etablissementId: uuid('etablissement_id')
      .notNull()
      .references(() => etablissements.id),
    periodeId: uuid('periode_id').references(() => periodes.id),
    nombreBilans: integer('nombre_bilans').notNull(),
    luLe: timestamp('lu_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pronote_lectures_jeton_idx').on(t.jetonId, t.luLe)],
);

export const pronoteBilansLus = pgTable('pronote_bilans_lus', {
  bilanId: uuid('bilan_id')
    .primaryKey()
    .references(() => bilans.id),
  derniereLecture: timestamp('derniere_lecture', { withTimezone: true }).notNull(),
});

// Sign-in throttling: one row per account (`compte:<e-mail>`) and per address
// (`adresse:<ip>`), shared by every server instance through the database.
export const connexionEchecs = pgTable('connexion_echecs', {
  cle: text('cle').primaryKey(),
  echecs: integer('echecs').notNull(),
  debut: timestamp('debut', { withTimezone: true }).notNull(),
  verrouilleJusquA: timestamp('verrouille_jusqu_a', { withTimezone: true }),
});

export const traceActionEnum = pgEnum('trace_action', TRACE_ACTIONS);

// RGPD access trace: who saw which pupil's bilan, when, through which route. Ids only,
// never pupil content; purged after the retention period (`npm run trace:purge`).
export const tracesAcces = pgTable(
  'traces_acces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    etablissementId: uuid('etablissement_id')
      .notNull()
      .references(() => etablissements.id),
    utilisateurId: uuid('utilisateur_id').references(() => utilisateurs.id),
    jetonId: uuid('jeton_id').references(() => pronoteJetons.id),
    action: traceActionEnum('action').notNull(),
    route: text('route').notNull(),
    apprenantId: uuid('apprenant_id').references(() => apprenants.id),
    // No foreign key: a draft bilan withdrawn through the write API leaves the trace of its
    // reads as it was (the trace never changes); validated bilans are never deleted.
    bilanId: uuid('bilan_id'),
    classeId: uuid('classe_id').references(() => classes.id),
    // How the reader signed in (their session's way in); none for PRONOTE and print reads.
    moyenConnexion: moyenConnexionEnum('moyen_connexion'),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('traces_acces_cree_le_idx').on(t.creeLe),
    index('traces_acces_apprenant_idx').on(t.apprenantId, t.creeLe),
    check('traces_acces_auteur_check', sql`(${t.utilisateurId} is null) <> (${t.jetonId} is null)`),
  ],
);

// Print tokens already used: a print page answers once per token (lib/impression/print-token.ts);
// shared by every instance, purged once expired.
export const jetonsImpressionUtilises = pgTable(
  'jetons_impression_utilises',
  {
    jti: uuid('jti').primaryKey(),
    expireLe: timestamp('expire_le', { withTimezone: true }).notNull(),
  },
  (t) => [index('jetons_impression_utilises_expire_idx').on(t.expireLe)],
);

// Long prints under way, shared by every instance (lib/impression/print-progress.ts): the
// instance that claimed a document's print says how far it has gone (pupils printed of how
// many) or why it failed; a tab waiting on another instance reads it there instead of
// starting the same print again. A row not refreshed within the job budget is abandoned.
export const impressionsEnCours = pgTable('impressions_en_cours', {
  cle: text('cle').primaryKey(),
  faits: integer('faits').notNull().default(0),
  total: integer('total'),
  erreur: text('erreur'),
  reessayerDans: integer('reessayer_dans'),
  /** Printed but not kept by the cache (too large for it): the PDF route prints it again. */
  pret: boolean('pret').notNull().default(false),
  maj: timestamp('maj', { withTimezone: true }).notNull().defaultNow(),
});

// Finished PDFs shared by every instance (lib/pdf/cache.ts): bilans never change, so a PDF
// is defined by its key (template version, document, day, content fingerprint). Capped in
// bytes; the least recently read go first.
export const pdfCache = pgTable(
  'pdf_cache',
  {
    cle: text('cle').primaryKey(),
    octets: bytea('octets').notNull(),
    taille: integer('taille').notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    dernierAcces: timestamp('dernier_acces', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pdf_cache_dernier_acces_idx').on(t.dernierAcces)],
);
