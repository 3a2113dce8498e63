// A file or a form the administration refuses as a whole: its French message names the
// problem, and nothing is written. Pages show the message; scripts print it and exit 1.

export class Refus extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Refus';
  }
}

export function isRefus(error: unknown): error is Refus {
  return error instanceof Refus;
}
