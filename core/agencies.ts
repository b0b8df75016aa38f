// Commune-level agencies: the catalog, splitting a cell into names, matching names to canonical spellings.
export {
  AgencyEntrySchema,
  AgencyKindSchema,
  canonicalAgencyNames,
  CatalogFileSchema,
  DEFAULT_CATALOG,
  loadCatalog,
} from './agencies/catalog.ts';
export type { AgencyEntry, AgencyKind, Catalog, CatalogFile, Spelling } from './agencies/catalog.ts';
export { agencyVariants, isCollective, matchAgency } from './agencies/match.ts';
export type { AgencyMatch, MatchOptions } from './agencies/match.ts';
export { splitAgencies } from './agencies/split.ts';
export { nameKey, splitQualifier } from './agencies/keys.ts';
export type { NameKey } from './agencies/keys.ts';
