// Text correction: which turn to edit (filled in by the text-edit feature).
export function editTurnAtSelection(): void {
  // Placeholder until the text-edit feature lands.
}
