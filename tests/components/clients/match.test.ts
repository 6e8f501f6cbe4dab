import { describe, expect, it } from 'vitest';
import { exactClient, matchClients } from '@/components/clients/match';
import { aClient } from '../app/fixtures';

const clients = [
  aClient({ id: '1', name: 'Ana Lima' }),
  aClient({ id: '2', name: 'Bella Anders' }),
  aClient({ id: '3', name: 'Joanna Park' }),
  aClient({ id: '4', name: 'Zed' }),
];

describe('matchClients', () => {
  it('ranks name starts, then word starts, then anywhere', () => {
    expect(matchClients(clients, 'an').map((c) => c.name)).toEqual(['Ana Lima', 'Bella Anders', 'Joanna Park']);
  });
  it('is case-insensitive and drops non-matches', () => {
    expect(matchClients(clients, 'PARK').map((c) => c.id)).toEqual(['3']);
    expect(matchClients(clients, 'xyz')).toEqual([]);
  });
  it('with no query: recent first, then the rest alphabetically', () => {
    expect(matchClients(clients, '  ', [clients[3]!]).map((c) => c.name)).toEqual(['Zed', 'Ana Lima', 'Bella Anders', 'Joanna Park']);
  });
});

describe('exactClient', () => {
  it('finds a name ignoring case and spaces around it', () => {
    expect(exactClient(clients, ' ana lima ')?.id).toBe('1');
    expect(exactClient(clients, 'ana')).toBeUndefined();
  });
});
