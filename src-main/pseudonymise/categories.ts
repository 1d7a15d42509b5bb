// What pseudonymisation looks for (issue 16 §1). One category per kind of
// personal data; the placeholder is what a finding becomes when the user picks
// no role label or surrogate of their own.
export { PSEUDONYM_CATEGORIES as CATEGORIES } from '../../src-shared/contracts/pseudonymise.ts';
import type { PseudonymCategory } from '../../src-shared/contracts/pseudonymise.ts';
export type Category = PseudonymCategory;

/** Default replacement per category (shared with the review workspace, where the reviewer adds findings). */
export { PSEUDONYM_PLACEHOLDERS as PLACEHOLDERS } from '../../src-shared/contracts/pseudonymise.ts';

/** One piece of personal data found in a text: UTF-16 offsets, half-open. */
export interface Finding {
  start: number;
  end: number;
  text: string;
  category: Category;
  /** Which rule found it (for the review list and the benchmark). */
  rule: string;
  /**
   * The entity it belongs to when known (a participant, a speaker label): all
   * its name parts share one key, so they get one pseudonym.
   */
  entity?: string;
}
