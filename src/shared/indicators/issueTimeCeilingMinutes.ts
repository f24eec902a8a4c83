/** The night desk's promise: a temporary card in under 15 minutes (drawn on its chart, alert above). */
export const issueTimeCeilingMinutes = 15;
