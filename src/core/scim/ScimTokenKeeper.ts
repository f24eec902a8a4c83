/**
 * Keeps the IAM's bearer token in the OS keychain (the Electron shell, `safeStorage`) and puts it
 * in this process's environment under the variable the settings name, where the outbox, the
 * holder check and the `scim` source pulls read it. Absent in browser mode and the CLI: there the
 * token only comes from the environment.
 */
export interface ScimTokenKeeper {
  /** Seals `token` (null: forgets it) and makes it the value of `tokenEnv` in this process. */
  save(token: string | null, tokenEnv: string): Promise<void>;
  /** Whether a sealed token is kept. */
  hasToken(): boolean;
}
