/** The FIDO ceremony window's own session: nothing of the desk's (cookies, storage, app://) in it. */
export const fidoCeremonyPartition = 'guichet-fido-ceremony';
