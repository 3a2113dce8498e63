// One positioning: its symbol on its colour, its meaning for screen readers (never colour alone).
import { NIVEAU_INFOS, type Niveau } from '@/lib/bilans/niveaux';

export function NiveauBadge({ niveau }: { niveau: Niveau }) {
  const info = NIVEAU_INFOS[niveau];
  return (
    <span
      className="niveau inline-flex min-w-10 items-center justify-center rounded px-2 py-0.5 font-bold"
      style={{ backgroundColor: info.fond, color: info.texte }}
      title={info.signification}
    >
      <span aria-hidden="true">{info.symbole}</span>
      <span className="sr-only">{info.signification}</span>
    </span>
  );
}

export function NiveauCell({ niveau }: { niveau: Niveau | null }) {
  return (
    <td className="border-b border-slate-200 px-2 py-1.5 text-center">
      {niveau ? (
        <NiveauBadge niveau={niveau} />
      ) : (
        <span className="text-slate-500">non renseigné</span>
      )}
    </td>
  );
}
