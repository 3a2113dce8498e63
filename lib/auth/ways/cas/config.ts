// The CAS way's variables: the ENT's CAS base URL (before /login) and its button's label.
// The service URL the ENT checks tickets against is built on NEXTAUTH_URL, never on a Host
// header: CAS needs it.
import { optionalText, url } from '@/lib/config/env-schema';

export const casVariables = {
  CAS_URL: url(['http:', 'https:']),
  CAS_LABEL: optionalText,
};

export interface CasSettings {
  url: string;
  label: string;
}

export function readCasSettings(
  v: { CAS_URL?: string; CAS_LABEL?: string },
  publicUrl: string | undefined,
): CasSettings | null | { probleme: string } {
  if (!v.CAS_URL) return null;
  if (!publicUrl) {
    return {
      probleme:
        "CAS_URL demande NEXTAUTH_URL (l'adresse publique de CPRO, enregistrée auprès de l'ENT)",
    };
  }
  return { url: v.CAS_URL.replace(/\/+$/, ''), label: v.CAS_LABEL ?? "l'ENT" };
}
