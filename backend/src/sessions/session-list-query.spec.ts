import { ForbiddenException, UnprocessableEntityException } from '@nestjs/common';

import { AuthUser } from '../common/auth-user';
import { decodeCursor, encodeCursor, listOrder, rollupCountable, visibleSessions } from './session-list-query';

const ID = '6f1c1f55-6bd1-4c55-9a4e-3f8d8a5d3c01';
const engineer: AuthUser = { id: ID, accountId: 'acc', email: 'e@x.test', name: 'E', role: 'engineer' };
const admin: AuthUser = { ...engineer, role: 'team_admin' };

describe('session list query', () => {
  it('round-trips a cursor per sort and refuses anything else with 422', () => {
    const cursor = { key: '2026-11-02 10:00:00.123456+00', id: ID };
    expect(decodeCursor('-started_at', encodeCursor('-started_at', cursor))).toEqual(cursor);
    expect(decodeCursor('duration', encodeCursor('duration', { key: null, id: ID }))).toEqual({ key: null, id: ID });
    expect(decodeCursor('-duration', encodeCursor('-duration', { key: '1 day 02:00:03.5', id: ID }))).toMatchObject({
      key: '1 day 02:00:03.5',
    });
    const refused = [
      encodeCursor('started_at', cursor), // another sort
      encodeCursor('-started_at', { key: 'yesterday', id: ID }),
      encodeCursor('-started_at', { key: null, id: ID }), // started_at is never null
      encodeCursor('rating', { key: '6', id: ID }),
      encodeCursor('-started_at', { key: cursor.key, id: 'not-a-uuid' }),
      'garbage',
      Buffer.from('{"a":1}').toString('base64url'),
    ];
    for (const value of refused) expect(() => decodeCursor('-started_at', value)).toThrow(UnprocessableEntityException);
    expect(() => decodeCursor('rating', encodeCursor('rating', { key: '6', id: ID }))).toThrow(
      UnprocessableEntityException,
    );
  });

  it('reads a sort as key and direction', () => {
    expect(listOrder()).toEqual({ key: 'started_at', descending: true });
    expect(listOrder('duration')).toEqual({ key: 'duration', descending: false });
    expect(listOrder('-rating')).toEqual({ key: 'rating', descending: true });
  });

  it('keeps engineers to their own sessions and refuses them the rest (403)', () => {
    expect(visibleSessions(engineer, {}).userId).toBe(ID);
    expect(visibleSessions(engineer, { user_id: ID.toUpperCase() }).userId).toBe(ID);
    expect(() => visibleSessions(engineer, { all: 'true' })).toThrow(ForbiddenException);
    expect(() => visibleSessions(engineer, { user_id: '00000000-0000-4000-8000-000000000000' })).toThrow(
      ForbiddenException,
    );
    expect(visibleSessions(admin, { all: 'true' }).userId).toBeUndefined();
    expect(visibleSessions(admin, {}).userId).toBe(ID);
    expect(visibleSessions(admin, { status: 'in_progress', outcome: 'resolved, escalated' })).toMatchObject({
      status: 'active',
      outcomes: ['resolved', 'escalated'],
    });
  });

  it('counts from the rollups only the filters they keep', () => {
    const counted = (query: Parameters<typeof visibleSessions>[1]) => rollupCountable(visibleSessions(admin, query));
    for (const query of [
      {},
      { all: 'true' as const },
      { all: 'true' as const, tree_id: ID, status: 'completed' as const, outcome: 'resolved' },
      { user_id: ID },
      { all: 'true' as const, stopped_at_node_id: ID },
      { all: 'true' as const, ended_at_node_id: ID, outcome: 'escalated' },
      // A CSAT bar: the rollups count ratings per score by their own time.
      { all: 'true' as const, rating: 3 },
      { all: 'true' as const, tree_id: ID, rating_min: 3 },
      { user_id: ID, rating_max: 3 },
    ])
      expect(counted(query)).toBeDefined();
    for (const query of [
      { all: 'true' as const, visited_node_id: ID },
      { all: 'true' as const, vote_node_id: ID },
      { all: 'true' as const, vote: 'helpful' as const },
      { all: 'true' as const, rating: 3, has_comment: 'true' as const },
      { all: 'true' as const, has_comment: 'true' as const },
      { all: 'true' as const, has_comment: 'false' as const },
      { external_ref: 'INC-1' },
      { all: 'true' as const, tree_version: 2 },
    ])
      expect(counted(query)).toBeUndefined();
  });
});
