// The zod shapes of a pupil and a class as the raw SQL queries return them in their JSON
// (json_build_object): one spelling for every query that reads them, extended where a query
// returns more (their bilan, their bilan's id and date…).
import { z } from 'zod';

export const apprenantRow = z.object({ id: z.string(), nom: z.string(), prenom: z.string() });

export const classeRow = z.object({ id: z.string(), nom: z.string(), anneeScolaire: z.string() });
