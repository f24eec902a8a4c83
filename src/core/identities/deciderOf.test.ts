import { describe, expect, it } from 'vitest';
import { deciderOf } from './deciderOf';

describe('deciderOf', () => {
  it('names the agent, else the system desk', () => {
    expect(deciderOf({ agentId: 'agent-1', agentName: 'MARTIN Claire', desk: 'bureau' })).toBe('agent-1');
    expect(deciderOf({ agentId: null, agentName: 'cli:ops', desk: 'poste-1' })).toBe('cli:ops (poste-1)');
    expect(deciderOf({ agentId: null, agentName: null, desk: 'réconciliation' })).toBe('réconciliation');
  });
});
