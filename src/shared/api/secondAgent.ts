import { z } from 'zod';
import type { AgentRole } from './deskActs';

/**
 * Four eyes: a second agent confirms an act in person by putting their own CPS in `reader` and
 * typing its PIN (the card checks it). Acts that need it take this object as `secondAgent`.
 */
export const secondAgentSchema = z
  .object({
    reader: z.string().trim().min(1, 'reader name is empty').max(200),
    pin: z.string().regex(/^\d{4,8}$/, 'expected a PIN of 4 to 8 digits'),
  })
  .strict();
export type SecondAgentInput = z.output<typeof secondAgentSchema>;

/** Roles whose agents may confirm an act on an agent or on a leaver's means. */
export const confirmingRoles: readonly AgentRole[] = ['badge-office', 'admin'];
