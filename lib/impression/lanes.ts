// The printer's queue lanes the documents wait in (lib/pdf/print-queue.ts shares the pages
// fairly between lanes): one-page documents, and class documents — printed one at a time
// (a few pupils per print, joined), so that the other pages stay free for the short ones
// and Chromium's memory stays under 1 GiB (bench/pdf-load.ts).
import 'server-only';
import type { LaneSettings } from '@/lib/pdf/print-queue';

export const SHORT_DOCUMENTS_LANE: { name: string; settings: LaneSettings } = {
  name: 'court',
  settings: { initialEstimateMs: 500 },
};

export const CLASS_DOCUMENTS_LANE: { name: string; settings: LaneSettings } = {
  name: 'classe',
  settings: { initialEstimateMs: 3_000, limit: 1 },
};
