/** Current extracts have 56 columns; files before the "rôle" and "genre activité" columns have 52. */
export const rppsExtractColumnCounts: readonly number[] = [56, 52];

/** Positions of the columns Guichet reads (the same in both layouts; `roleCode` only in the 56-column one). */
export const rppsExtractColumn = {
  idType: 0,
  id: 1,
  nationalId: 2,
  civility: 5,
  lastName: 7,
  firstName: 8,
  professionCode: 9,
  professionLabel: 10,
  modeCode: 17,
  finessSite: 21,
  finessEj: 22,
  siteName: 24,
  roleCode: 52,
} as const;
