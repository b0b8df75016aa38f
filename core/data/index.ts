// Bundled data for core: the administrative units and the agency catalog, as JSON modules (no file system needed).
import DVHC from './dvhc-2025.json' with { type: 'json' };
import AGENCIES from './agencies.vi.json' with { type: 'json' };

/** Shape of dvhc-2025.json: provinces with their communes as [code, name] pairs. */
export interface DvhcFile {
  source: string;
  provinces: { code: string; name: string; communes: [string, string][] }[];
}

/** The 34 provinces and 3,321 communes (a byte-for-byte copy of shared/data/dvhc-2025.json; a test keeps them equal). */
export const DVHC_DATA: DvhcFile = DVHC as DvhcFile;

/** The agency catalog document (a copy of templates/agencies.vi.json, validated by core/agencies/catalog.ts). */
export const AGENCIES_JSON: unknown = AGENCIES;
