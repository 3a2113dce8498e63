// A name or a first name (a pupil's from SIECLE, a teacher's from a CSV) longer than this is
// no name: refused line by line, so that no page or PDF grows without bound with one.
import 'server-only';
export const MAX_NAME_LENGTH = 100;
