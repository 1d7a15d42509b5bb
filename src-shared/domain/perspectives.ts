// The four perspectives of the JZOJP evaluation. A perspective is a fixed-choice
// attribute of a participant (never a code): a passage's perspective is that of
// the participant who speaks it.
export const PERSPECTIVES = ['inwoner', 'zorgprofessional', 'bestuurder', 'regulerende_partij'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

export function isPerspective(value: unknown): value is Perspective {
  return typeof value === 'string' && (PERSPECTIVES as readonly string[]).includes(value);
}
