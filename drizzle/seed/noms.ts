// Realistic French names for the demo pupils, with accents, apostrophes and hyphens.

export const NOMS = [
  'ABADIE', 'BARBIER', 'BENOÎT', 'BLANCHARD', 'BONNET', 'BOUVIER', 'CARON', 'CHEVALIER',
  'COLIN', "D'ALMEIDA", 'DA SILVA', 'DELAUNAY', 'DESCHAMPS', 'DUBOIS', 'DUPONT', 'FABRE',
  'FAURE', 'FONTAINE', 'GAILLARD', 'GARCIA', 'GAUTIER', 'GIRARD', 'GUÉRIN', 'HAMEL',
  'JOLY', 'KHALIL', 'LACROIX', 'LAMBERT', 'LE GALL', 'LE GOFF-MARTIN', 'LEBLANC', 'LEMAÎTRE',
  'LOPEZ', 'MALLET', 'MARCHAND', 'MERCIER', 'MEUNIER', 'MOREL', "N'DIAYE", 'NGUYEN',
  'NOËL', 'OLIVIER', 'PERRIN', 'PETIT', 'PICARD', 'PONS', 'RENAUD', 'RICHARD',
  'ROCHE', 'ROUSSEAU', 'ROUX', 'SAINT-ANDRÉ', 'SCHMITT', 'SIMON', 'TRAORÉ', 'VASSEUR',
  'VIDAL', 'VINCENT', 'WEBER', 'YILMAZ',
] as const;

export const PRENOMS = [
  'Adam', 'Agathe', 'Amélie', 'Anaïs', 'Arthur', 'Baptiste', 'Camille', 'Chloé', 'Clément',
  'Denis', 'Éloïse', 'Emma', 'Enzo', 'Ethan', 'Gabriel', 'Hélène', 'Hugo', 'Inès', 'Jade',
  'Jean-Baptiste', 'Jules', 'Kylian', 'Léa', 'Léna', 'Lina', 'Loïc', 'Louis', 'Lucas',
  'Maël', 'Manon', 'Marie-Lou', 'Mathis', 'Maxime', 'Mohamed', 'Nathan', 'Noah', 'Noémie',
  'Océane', 'Paul', 'Raphaël', 'Sarah', 'Théo', 'Timéo', 'Yanis', 'Yasmine', 'Zoé',
] as const;
