import type { Session, SessionListItem, SessionPage } from '../../core/api-types';

/** A row of the sessions list. */
export type ExplorerItem = SessionListItem;

/** A page of the list: `total` counts every match, `next_cursor` asks for the next page. */
export type ExplorerPage = SessionPage;

/** One session in full: its path with the seconds spent at each node, its votes, rating and comment. */
export type SessionDetail = Session;

export type DetailVote = Session['votes'][number];
