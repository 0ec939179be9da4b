-- The schema the migrations make, read from the catalog (backend/src/database/schema-snapshot.ts).

-- Migrations applied, oldest first
-- InitialSchema1764000000000
-- Feedback1764000100000
-- AnalyticsIndexes1764000200000
-- AnalyticsRollups1764000300000
-- StepVoteCounters1764000400000
-- HourlySecondsKey1764000500000
-- AnalyticsVersions1764000600000
-- ClosedDaysVersion1764000700000
-- DropSessionsCompletedIndex1764000800000
-- RollupJournal1764000900000
-- TenantKeys1764001000000
-- LoginEmails1764001010000
-- RateLimits1764001020000
-- ApiTokens1764001100000
-- SessionExternalRef1764001110000
-- Webhooks1764001200000
-- SessionTreeVersion1764001300000
-- NodeTimeRollups1764001400000
-- UnfinishedSessionsNodeIndex1764001500000
-- TreeNodeHistory1764001600000
-- RatingScoreIndex1764001700000

-- Extensions
CREATE EXTENSION "uuid-ossp";

-- Sequences
CREATE SEQUENCE analytics_version_seq AS bigint START 1 INCREMENT 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1;

-- Tables, columns in their physical order
CREATE TABLE accounts (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  name text NOT NULL,
  timezone text DEFAULT 'UTC'::text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE analytics_duration_minutes_daily (
  account_id uuid NOT NULL,
  user_id uuid NOT NULL,
  tree_id uuid NOT NULL,
  bucket timestamp with time zone NOT NULL,
  minute integer NOT NULL,
  n bigint DEFAULT 0 NOT NULL
);
CREATE TABLE analytics_duration_minutes_hourly (
  account_id uuid NOT NULL,
  user_id uuid NOT NULL,
  tree_id uuid NOT NULL,
  bucket timestamp with time zone NOT NULL,
  minute integer NOT NULL,
  n bigint DEFAULT 0 NOT NULL
);
CREATE TABLE analytics_duration_seconds_daily (
  account_id uuid NOT NULL,
  user_id uuid NOT NULL,
  tree_id uuid NOT NULL,
  second integer NOT NULL,
  bucket timestamp with time zone NOT NULL,
  n bigint DEFAULT 0 NOT NULL
);
CREATE TABLE analytics_duration_seconds_hourly (
  account_id uuid NOT NULL,
  user_id uuid NOT NULL,
  tree_id uuid NOT NULL,
  second integer NOT NULL,
  bucket timestamp with time zone NOT NULL,
  n bigint DEFAULT 0 NOT NULL
);
CREATE TABLE analytics_journal_session_ratings (
  account_id uuid NOT NULL,
  session_id uuid,
  user_id uuid,
  tree_id uuid,
  rating smallint,
  created_at timestamp with time zone,
  sign smallint NOT NULL
) WITH (autovacuum_vacuum_insert_scale_factor=0, autovacuum_vacuum_insert_threshold=5000, autovacuum_vacuum_scale_factor=0, autovacuum_vacuum_threshold=5000);
CREATE TABLE analytics_journal_sessions (
  account_id uuid NOT NULL,
  id uuid,
  user_id uuid,
  tree_id uuid,
  current_node_id uuid,
  started_at timestamp with time zone,
  completed_at timestamp with time zone,
  outcome text,
  sign smallint NOT NULL,
  path jsonb
) WITH (autovacuum_vacuum_insert_scale_factor=0, autovacuum_vacuum_insert_threshold=5000, autovacuum_vacuum_scale_factor=0, autovacuum_vacuum_threshold=5000);
CREATE TABLE analytics_journal_step_ratings (
  account_id uuid NOT NULL,
  tree_id uuid,
  node_id uuid,
  was_helpful boolean,
  created_at timestamp with time zone,
  sign smallint NOT NULL
) WITH (autovacuum_vacuum_insert_scale_factor=0, autovacuum_vacuum_insert_threshold=5000, autovacuum_vacuum_scale_factor=0, autovacuum_vacuum_threshold=5000);
CREATE TABLE analytics_node_rollup_daily (
  account_id uuid NOT NULL,
  tree_id uuid NOT NULL,
  node_id uuid NOT NULL,
  bucket timestamp with time zone NOT NULL,
  unfinished bigint DEFAULT 0 NOT NULL,
  ended bigint DEFAULT 0 NOT NULL,
  resolved bigint DEFAULT 0 NOT NULL,
  escalated bigint DEFAULT 0 NOT NULL,
  workaround bigint DEFAULT 0 NOT NULL,
  unresolved bigint DEFAULT 0 NOT NULL,
  helpful_yes bigint DEFAULT 0 NOT NULL,
  helpful_no bigint DEFAULT 0 NOT NULL
);
CREATE TABLE analytics_node_rollup_hourly (
  account_id uuid NOT NULL,
  tree_id uuid NOT NULL,
  node_id uuid NOT NULL,
  bucket timestamp with time zone NOT NULL,
  unfinished bigint DEFAULT 0 NOT NULL,
  ended bigint DEFAULT 0 NOT NULL,
  resolved bigint DEFAULT 0 NOT NULL,
  escalated bigint DEFAULT 0 NOT NULL,
  workaround bigint DEFAULT 0 NOT NULL,
  unresolved bigint DEFAULT 0 NOT NULL,
  helpful_yes bigint DEFAULT 0 NOT NULL,
  helpful_no bigint DEFAULT 0 NOT NULL
);
CREATE TABLE analytics_node_time_minutes_daily (
  account_id uuid NOT NULL,
  tree_id uuid NOT NULL,
  node_id uuid NOT NULL,
  bucket timestamp with time zone NOT NULL,
  minute integer NOT NULL,
  n bigint DEFAULT 0 NOT NULL
);
CREATE TABLE analytics_node_time_minutes_hourly (
  account_id uuid NOT NULL,
  tree_id uuid NOT NULL,
  node_id uuid NOT NULL,
  bucket timestamp with time zone NOT NULL,
  minute integer NOT NULL,
  n bigint DEFAULT 0 NOT NULL
);
CREATE TABLE analytics_node_time_seconds_daily (
  account_id uuid NOT NULL,
  tree_id uuid NOT NULL,
  node_id uuid NOT NULL,
  bucket timestamp with time zone NOT NULL,
  second integer NOT NULL,
  n bigint DEFAULT 0 NOT NULL
);
CREATE TABLE analytics_node_time_seconds_hourly (
  account_id uuid NOT NULL,
  tree_id uuid NOT NULL,
  node_id uuid NOT NULL,
  bucket timestamp with time zone NOT NULL,
  second integer NOT NULL,
  n bigint DEFAULT 0 NOT NULL
);
CREATE TABLE analytics_rollup_daily (
  account_id uuid NOT NULL,
  user_id uuid NOT NULL,
  tree_id uuid NOT NULL,
  bucket timestamp with time zone NOT NULL,
  shard smallint NOT NULL,
  sessions bigint DEFAULT 0 NOT NULL,
  completed bigint DEFAULT 0 NOT NULL,
  resolved bigint DEFAULT 0 NOT NULL,
  escalated bigint DEFAULT 0 NOT NULL,
  workaround bigint DEFAULT 0 NOT NULL,
  unresolved bigint DEFAULT 0 NOT NULL,
  duration_us bigint DEFAULT 0 NOT NULL,
  ratings bigint DEFAULT 0 NOT NULL,
  rating_sum bigint DEFAULT 0 NOT NULL,
  r1 bigint DEFAULT 0 NOT NULL,
  r2 bigint DEFAULT 0 NOT NULL,
  r3 bigint DEFAULT 0 NOT NULL,
  r4 bigint DEFAULT 0 NOT NULL,
  r5 bigint DEFAULT 0 NOT NULL
);
CREATE TABLE analytics_rollup_hourly (
  account_id uuid NOT NULL,
  user_id uuid NOT NULL,
  tree_id uuid NOT NULL,
  bucket timestamp with time zone NOT NULL,
  shard smallint NOT NULL,
  sessions bigint DEFAULT 0 NOT NULL,
  completed bigint DEFAULT 0 NOT NULL,
  resolved bigint DEFAULT 0 NOT NULL,
  escalated bigint DEFAULT 0 NOT NULL,
  workaround bigint DEFAULT 0 NOT NULL,
  unresolved bigint DEFAULT 0 NOT NULL,
  duration_us bigint DEFAULT 0 NOT NULL,
  ratings bigint DEFAULT 0 NOT NULL,
  rating_sum bigint DEFAULT 0 NOT NULL,
  r1 bigint DEFAULT 0 NOT NULL,
  r2 bigint DEFAULT 0 NOT NULL,
  r3 bigint DEFAULT 0 NOT NULL,
  r4 bigint DEFAULT 0 NOT NULL,
  r5 bigint DEFAULT 0 NOT NULL
);
CREATE TABLE analytics_versions (
  account_id uuid NOT NULL,
  channel smallint NOT NULL,
  backend_pid integer NOT NULL,
  version bigint NOT NULL
);
CREATE TABLE api_tokens (
  account_id uuid NOT NULL,
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  user_id uuid NOT NULL,
  name text NOT NULL,
  token_prefix text NOT NULL,
  token_digest bytea NOT NULL,
  scopes text[] NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  expires_at timestamp with time zone NOT NULL,
  last_used_at timestamp with time zone,
  revoked_at timestamp with time zone
);
CREATE TABLE rate_limits (
  key text NOT NULL,
  hits integer NOT NULL,
  window_ends timestamp with time zone NOT NULL,
  blocked_until timestamp with time zone
);
CREATE TABLE session_ratings (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  account_id uuid NOT NULL,
  session_id uuid NOT NULL,
  user_id uuid NOT NULL,
  tree_id uuid NOT NULL,
  rating smallint NOT NULL,
  comment text,
  created_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE sessions (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  account_id uuid NOT NULL,
  tree_id uuid NOT NULL,
  user_id uuid NOT NULL,
  started_at timestamp with time zone DEFAULT now() NOT NULL,
  completed_at timestamp with time zone,
  outcome text,
  current_node_id uuid,
  path jsonb DEFAULT '[]'::jsonb NOT NULL,
  notes text,
  external_ref text,
  external_url text,
  tree_version integer
);
CREATE TABLE step_library (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  account_id uuid NOT NULL,
  title text NOT NULL,
  instructions text DEFAULT ''::text NOT NULL,
  helpful_yes integer DEFAULT 0 NOT NULL,
  helpful_no integer DEFAULT 0 NOT NULL,
  created_by uuid,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE step_ratings (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  account_id uuid NOT NULL,
  session_id uuid NOT NULL,
  tree_id uuid NOT NULL,
  node_id uuid NOT NULL,
  step_id uuid,
  user_id uuid NOT NULL,
  was_helpful boolean NOT NULL,
  rating smallint,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE tree_node_history (
  account_id uuid NOT NULL,
  tree_id uuid NOT NULL,
  node_id uuid NOT NULL,
  until_version integer NOT NULL,
  type text NOT NULL,
  title text NOT NULL,
  options jsonb NOT NULL
);
CREATE TABLE tree_nodes (
  id uuid NOT NULL,
  account_id uuid NOT NULL,
  tree_id uuid NOT NULL,
  type text NOT NULL,
  title text NOT NULL,
  body text DEFAULT ''::text NOT NULL,
  help_text text,
  step_id uuid,
  options jsonb DEFAULT '[]'::jsonb NOT NULL,
  position integer DEFAULT 0 NOT NULL,
  removed_at timestamp with time zone
);
CREATE TABLE trees (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  account_id uuid NOT NULL,
  name text NOT NULL,
  description text DEFAULT ''::text NOT NULL,
  kind text DEFAULT 'decision'::text NOT NULL,
  status text DEFAULT 'draft'::text NOT NULL,
  start_node_id uuid NOT NULL,
  usage_count integer DEFAULT 0 NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  created_by uuid,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE user_logins (
  email text NOT NULL,
  account_id uuid NOT NULL,
  user_id uuid NOT NULL
);
CREATE TABLE users (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  account_id uuid NOT NULL,
  email text NOT NULL,
  name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL,
  is_active boolean DEFAULT true NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE webhook_attempts (
  account_id uuid NOT NULL,
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  delivery_id uuid NOT NULL,
  at timestamp with time zone DEFAULT now() NOT NULL,
  response_status integer,
  duration_ms integer NOT NULL,
  error text,
  response_excerpt text
);
CREATE TABLE webhook_deliveries (
  account_id uuid NOT NULL,
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  endpoint_id uuid NOT NULL,
  event_type text NOT NULL,
  payload jsonb NOT NULL,
  status text DEFAULT 'pending'::text NOT NULL,
  attempts integer DEFAULT 0 NOT NULL,
  next_attempt_at timestamp with time zone DEFAULT now(),
  window_start timestamp with time zone DEFAULT now() NOT NULL,
  lease uuid,
  last_response_status integer,
  last_error text,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  delivered_at timestamp with time zone
);
CREATE TABLE webhook_endpoints (
  account_id uuid NOT NULL,
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  url text NOT NULL,
  events text[] NOT NULL,
  description text,
  secret text NOT NULL,
  previous_secret text,
  previous_secret_expires_at timestamp with time zone,
  enabled boolean DEFAULT true NOT NULL,
  disabled_reason text,
  consecutive_failures integer DEFAULT 0 NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL
);

-- Constraints
ALTER TABLE accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);
ALTER TABLE analytics_duration_minutes_daily ADD CONSTRAINT analytics_duration_minutes_daily_pkey PRIMARY KEY (account_id, user_id, tree_id, bucket, minute) INCLUDE (n);
ALTER TABLE analytics_duration_minutes_hourly ADD CONSTRAINT analytics_duration_minutes_hourly_pkey PRIMARY KEY (account_id, user_id, tree_id, bucket, minute) INCLUDE (n);
ALTER TABLE analytics_duration_seconds_daily ADD CONSTRAINT analytics_duration_seconds_daily_pkey PRIMARY KEY (account_id, user_id, tree_id, second, bucket) INCLUDE (n);
ALTER TABLE analytics_duration_seconds_hourly ADD CONSTRAINT analytics_duration_seconds_hourly_pkey PRIMARY KEY (account_id, user_id, tree_id, bucket, second) INCLUDE (n);
ALTER TABLE analytics_node_rollup_daily ADD CONSTRAINT analytics_node_rollup_daily_pkey PRIMARY KEY (account_id, tree_id, node_id, bucket);
ALTER TABLE analytics_node_rollup_hourly ADD CONSTRAINT analytics_node_rollup_hourly_pkey PRIMARY KEY (account_id, tree_id, node_id, bucket);
ALTER TABLE analytics_node_time_minutes_daily ADD CONSTRAINT analytics_node_time_minutes_daily_pkey PRIMARY KEY (account_id, tree_id, bucket, node_id, minute) INCLUDE (n);
ALTER TABLE analytics_node_time_minutes_hourly ADD CONSTRAINT analytics_node_time_minutes_hourly_pkey PRIMARY KEY (account_id, tree_id, bucket, node_id, minute) INCLUDE (n);
ALTER TABLE analytics_node_time_seconds_daily ADD CONSTRAINT analytics_node_time_seconds_daily_pkey PRIMARY KEY (account_id, tree_id, node_id, second, bucket) INCLUDE (n);
ALTER TABLE analytics_node_time_seconds_hourly ADD CONSTRAINT analytics_node_time_seconds_hourly_pkey PRIMARY KEY (account_id, tree_id, bucket, node_id, second) INCLUDE (n);
ALTER TABLE analytics_rollup_daily ADD CONSTRAINT analytics_rollup_daily_pkey PRIMARY KEY (account_id, user_id, tree_id, bucket, shard);
ALTER TABLE analytics_rollup_hourly ADD CONSTRAINT analytics_rollup_hourly_pkey PRIMARY KEY (account_id, user_id, tree_id, bucket, shard);
ALTER TABLE analytics_versions ADD CONSTRAINT analytics_versions_pkey PRIMARY KEY (account_id, channel, backend_pid);
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_digest_key UNIQUE (token_digest, account_id);
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_name_check CHECK (((char_length(name) >= 1) AND (char_length(name) <= 100)));
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (account_id, id);
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_scopes_check CHECK ((cardinality(scopes) > 0));
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_token_digest_check CHECK ((octet_length(token_digest) = 32));
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_user_fkey FOREIGN KEY (account_id, user_id) REFERENCES users(account_id, id) ON DELETE CASCADE;
ALTER TABLE rate_limits ADD CONSTRAINT rate_limits_pkey PRIMARY KEY (key);
ALTER TABLE session_ratings ADD CONSTRAINT session_ratings_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;
ALTER TABLE session_ratings ADD CONSTRAINT session_ratings_comment_check CHECK ((char_length(comment) <= 500));
ALTER TABLE session_ratings ADD CONSTRAINT session_ratings_pkey PRIMARY KEY (account_id, id);
ALTER TABLE session_ratings ADD CONSTRAINT session_ratings_rating_check CHECK (((rating >= 1) AND (rating <= 5)));
ALTER TABLE session_ratings ADD CONSTRAINT session_ratings_session_id_fkey FOREIGN KEY (account_id, session_id) REFERENCES sessions(account_id, id) ON DELETE CASCADE;
ALTER TABLE session_ratings ADD CONSTRAINT session_ratings_session_key UNIQUE (account_id, session_id);
ALTER TABLE session_ratings ADD CONSTRAINT session_ratings_tree_id_fkey FOREIGN KEY (account_id, tree_id) REFERENCES trees(account_id, id) ON DELETE CASCADE;
ALTER TABLE session_ratings ADD CONSTRAINT session_ratings_user_id_fkey FOREIGN KEY (account_id, user_id) REFERENCES users(account_id, id) ON DELETE CASCADE;
ALTER TABLE sessions ADD CONSTRAINT sessions_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;
ALTER TABLE sessions ADD CONSTRAINT sessions_check CHECK (((completed_at IS NULL) = (outcome IS NULL)));
ALTER TABLE sessions ADD CONSTRAINT sessions_external_ref_check CHECK (((char_length(external_ref) >= 1) AND (char_length(external_ref) <= 200)));
ALTER TABLE sessions ADD CONSTRAINT sessions_external_url_check CHECK (((char_length(external_url) <= 2000) AND (external_url ~* '^https?://'::text)));
ALTER TABLE sessions ADD CONSTRAINT sessions_outcome_check CHECK ((outcome = ANY (ARRAY['resolved'::text, 'escalated'::text, 'workaround'::text, 'unresolved'::text])));
ALTER TABLE sessions ADD CONSTRAINT sessions_pkey PRIMARY KEY (account_id, id);
ALTER TABLE sessions ADD CONSTRAINT sessions_tree_id_fkey FOREIGN KEY (account_id, tree_id) REFERENCES trees(account_id, id) ON DELETE CASCADE;
ALTER TABLE sessions ADD CONSTRAINT sessions_tree_version_check CHECK ((tree_version >= 1));
ALTER TABLE sessions ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (account_id, user_id) REFERENCES users(account_id, id) ON DELETE CASCADE;
ALTER TABLE step_library ADD CONSTRAINT step_library_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;
ALTER TABLE step_library ADD CONSTRAINT step_library_created_by_fkey FOREIGN KEY (account_id, created_by) REFERENCES users(account_id, id) ON DELETE SET NULL (created_by);
ALTER TABLE step_library ADD CONSTRAINT step_library_helpful_no_check CHECK ((helpful_no >= 0));
ALTER TABLE step_library ADD CONSTRAINT step_library_helpful_yes_check CHECK ((helpful_yes >= 0));
ALTER TABLE step_library ADD CONSTRAINT step_library_pkey PRIMARY KEY (account_id, id);
ALTER TABLE step_ratings ADD CONSTRAINT step_ratings_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;
ALTER TABLE step_ratings ADD CONSTRAINT step_ratings_node_id_fkey FOREIGN KEY (account_id, node_id) REFERENCES tree_nodes(account_id, id) ON DELETE CASCADE;
ALTER TABLE step_ratings ADD CONSTRAINT step_ratings_pkey PRIMARY KEY (account_id, id);
ALTER TABLE step_ratings ADD CONSTRAINT step_ratings_rating_check CHECK (((rating >= 1) AND (rating <= 5)));
ALTER TABLE step_ratings ADD CONSTRAINT step_ratings_session_id_fkey FOREIGN KEY (account_id, session_id) REFERENCES sessions(account_id, id) ON DELETE CASCADE;
ALTER TABLE step_ratings ADD CONSTRAINT step_ratings_session_node_key UNIQUE (account_id, session_id, node_id);
ALTER TABLE step_ratings ADD CONSTRAINT step_ratings_step_id_fkey FOREIGN KEY (account_id, step_id) REFERENCES step_library(account_id, id) ON DELETE SET NULL (step_id);
ALTER TABLE step_ratings ADD CONSTRAINT step_ratings_tree_id_fkey FOREIGN KEY (account_id, tree_id) REFERENCES trees(account_id, id) ON DELETE CASCADE;
ALTER TABLE step_ratings ADD CONSTRAINT step_ratings_user_id_fkey FOREIGN KEY (account_id, user_id) REFERENCES users(account_id, id) ON DELETE CASCADE;
ALTER TABLE tree_node_history ADD CONSTRAINT tree_node_history_account_id_node_id_fkey FOREIGN KEY (account_id, node_id) REFERENCES tree_nodes(account_id, id) ON DELETE CASCADE;
ALTER TABLE tree_node_history ADD CONSTRAINT tree_node_history_account_id_tree_id_fkey FOREIGN KEY (account_id, tree_id) REFERENCES trees(account_id, id) ON DELETE CASCADE;
ALTER TABLE tree_node_history ADD CONSTRAINT tree_node_history_pkey PRIMARY KEY (account_id, node_id, until_version);
ALTER TABLE tree_node_history ADD CONSTRAINT tree_node_history_until_version_check CHECK ((until_version >= 2));
ALTER TABLE tree_nodes ADD CONSTRAINT tree_nodes_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;
ALTER TABLE tree_nodes ADD CONSTRAINT tree_nodes_pkey PRIMARY KEY (account_id, id);
ALTER TABLE tree_nodes ADD CONSTRAINT tree_nodes_step_id_fkey FOREIGN KEY (account_id, step_id) REFERENCES step_library(account_id, id) ON DELETE SET NULL (step_id);
ALTER TABLE tree_nodes ADD CONSTRAINT tree_nodes_tree_id_fkey FOREIGN KEY (account_id, tree_id) REFERENCES trees(account_id, id) ON DELETE CASCADE;
ALTER TABLE tree_nodes ADD CONSTRAINT tree_nodes_type_check CHECK ((type = ANY (ARRAY['question'::text, 'step'::text, 'solution'::text])));
ALTER TABLE trees ADD CONSTRAINT trees_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;
ALTER TABLE trees ADD CONSTRAINT trees_created_by_fkey FOREIGN KEY (account_id, created_by) REFERENCES users(account_id, id) ON DELETE SET NULL (created_by);
ALTER TABLE trees ADD CONSTRAINT trees_kind_check CHECK ((kind = ANY (ARRAY['decision'::text, 'procedural'::text])));
ALTER TABLE trees ADD CONSTRAINT trees_pkey PRIMARY KEY (account_id, id);
ALTER TABLE trees ADD CONSTRAINT trees_start_node_id_fkey FOREIGN KEY (account_id, start_node_id) REFERENCES tree_nodes(account_id, id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE trees ADD CONSTRAINT trees_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'published'::text, 'archived'::text])));
ALTER TABLE user_logins ADD CONSTRAINT user_logins_pkey PRIMARY KEY (email);
ALTER TABLE user_logins ADD CONSTRAINT user_logins_user_fkey FOREIGN KEY (account_id, user_id) REFERENCES users(account_id, id) ON UPDATE CASCADE ON DELETE CASCADE;
ALTER TABLE user_logins ADD CONSTRAINT user_logins_user_key UNIQUE (account_id, user_id);
ALTER TABLE users ADD CONSTRAINT users_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;
ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY (account_id, id);
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK ((role = ANY (ARRAY['super_admin'::text, 'team_admin'::text, 'engineer'::text])));
ALTER TABLE webhook_attempts ADD CONSTRAINT webhook_attempts_delivery_fkey FOREIGN KEY (account_id, delivery_id) REFERENCES webhook_deliveries(account_id, id) ON DELETE CASCADE;
ALTER TABLE webhook_attempts ADD CONSTRAINT webhook_attempts_pkey PRIMARY KEY (account_id, id);
ALTER TABLE webhook_attempts ADD CONSTRAINT webhook_attempts_response_excerpt_check CHECK ((octet_length(response_excerpt) <= 1024));
ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_endpoint_fkey FOREIGN KEY (account_id, endpoint_id) REFERENCES webhook_endpoints(account_id, id) ON DELETE CASCADE;
ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (account_id, id);
ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'retrying'::text, 'succeeded'::text, 'failed'::text])));
ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;
ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_description_check CHECK ((char_length(description) <= 500));
ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_events_check CHECK ((cardinality(events) > 0));
ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_pkey PRIMARY KEY (account_id, id);
ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_url_check CHECK (((char_length(url) >= 1) AND (char_length(url) <= 2048)));

-- Indexes (constraints’ own included)
CREATE UNIQUE INDEX accounts_pkey ON public.accounts USING btree (id);
CREATE UNIQUE INDEX analytics_duration_minutes_daily_pkey ON public.analytics_duration_minutes_daily USING btree (account_id, user_id, tree_id, bucket, minute) INCLUDE (n);
CREATE UNIQUE INDEX analytics_duration_minutes_hourly_pkey ON public.analytics_duration_minutes_hourly USING btree (account_id, user_id, tree_id, bucket, minute) INCLUDE (n);
CREATE UNIQUE INDEX analytics_duration_seconds_daily_pkey ON public.analytics_duration_seconds_daily USING btree (account_id, user_id, tree_id, second, bucket) INCLUDE (n);
CREATE UNIQUE INDEX analytics_duration_seconds_hourly_pkey ON public.analytics_duration_seconds_hourly USING btree (account_id, user_id, tree_id, bucket, second) INCLUDE (n);
CREATE INDEX analytics_journal_session_ratings_account_idx ON public.analytics_journal_session_ratings USING btree (account_id);
CREATE INDEX analytics_journal_sessions_account_idx ON public.analytics_journal_sessions USING btree (account_id);
CREATE INDEX analytics_journal_step_ratings_account_idx ON public.analytics_journal_step_ratings USING btree (account_id);
CREATE UNIQUE INDEX analytics_node_rollup_daily_pkey ON public.analytics_node_rollup_daily USING btree (account_id, tree_id, node_id, bucket);
CREATE UNIQUE INDEX analytics_node_rollup_hourly_pkey ON public.analytics_node_rollup_hourly USING btree (account_id, tree_id, node_id, bucket);
CREATE UNIQUE INDEX analytics_node_time_minutes_daily_pkey ON public.analytics_node_time_minutes_daily USING btree (account_id, tree_id, bucket, node_id, minute) INCLUDE (n);
CREATE UNIQUE INDEX analytics_node_time_minutes_hourly_pkey ON public.analytics_node_time_minutes_hourly USING btree (account_id, tree_id, bucket, node_id, minute) INCLUDE (n);
CREATE UNIQUE INDEX analytics_node_time_seconds_daily_pkey ON public.analytics_node_time_seconds_daily USING btree (account_id, tree_id, node_id, second, bucket) INCLUDE (n);
CREATE UNIQUE INDEX analytics_node_time_seconds_hourly_pkey ON public.analytics_node_time_seconds_hourly USING btree (account_id, tree_id, bucket, node_id, second) INCLUDE (n);
CREATE UNIQUE INDEX analytics_rollup_daily_pkey ON public.analytics_rollup_daily USING btree (account_id, user_id, tree_id, bucket, shard);
CREATE INDEX analytics_rollup_daily_tree_bucket_idx ON public.analytics_rollup_daily USING btree (account_id, tree_id, bucket);
CREATE INDEX analytics_rollup_daily_user_bucket_idx ON public.analytics_rollup_daily USING btree (account_id, user_id, bucket);
CREATE UNIQUE INDEX analytics_rollup_hourly_pkey ON public.analytics_rollup_hourly USING btree (account_id, user_id, tree_id, bucket, shard);
CREATE INDEX analytics_rollup_hourly_tree_bucket_idx ON public.analytics_rollup_hourly USING btree (account_id, tree_id, bucket);
CREATE INDEX analytics_rollup_hourly_user_bucket_idx ON public.analytics_rollup_hourly USING btree (account_id, user_id, bucket);
CREATE UNIQUE INDEX analytics_versions_pkey ON public.analytics_versions USING btree (account_id, channel, backend_pid);
CREATE UNIQUE INDEX api_tokens_digest_key ON public.api_tokens USING btree (token_digest, account_id);
CREATE INDEX api_tokens_owner_idx ON public.api_tokens USING btree (account_id, user_id, created_at DESC);
CREATE UNIQUE INDEX api_tokens_pkey ON public.api_tokens USING btree (account_id, id);
CREATE UNIQUE INDEX rate_limits_pkey ON public.rate_limits USING btree (key);
CREATE INDEX session_ratings_account_created_idx ON public.session_ratings USING btree (account_id, created_at);
CREATE INDEX session_ratings_account_tree_created_idx ON public.session_ratings USING btree (account_id, tree_id, created_at);
CREATE INDEX session_ratings_account_user_created_idx ON public.session_ratings USING btree (account_id, user_id, created_at);
CREATE UNIQUE INDEX session_ratings_pkey ON public.session_ratings USING btree (account_id, id);
CREATE INDEX session_ratings_score_idx ON public.session_ratings USING btree (account_id, rating, created_at) INCLUDE (session_id);
CREATE UNIQUE INDEX session_ratings_session_key ON public.session_ratings USING btree (account_id, session_id);
CREATE INDEX session_ratings_tree_created_idx ON public.session_ratings USING btree (tree_id, created_at);
CREATE INDEX sessions_account_started_idx ON public.sessions USING btree (account_id, started_at);
CREATE INDEX sessions_account_user_idx ON public.sessions USING btree (account_id, user_id, started_at DESC);
CREATE INDEX sessions_external_ref_idx ON public.sessions USING btree (account_id, external_ref) WHERE (external_ref IS NOT NULL);
CREATE UNIQUE INDEX sessions_pkey ON public.sessions USING btree (account_id, id);
CREATE INDEX sessions_tree_idx ON public.sessions USING btree (account_id, tree_id, started_at);
CREATE INDEX sessions_unfinished_node_idx ON public.sessions USING btree (account_id, current_node_id, started_at, id) WHERE (completed_at IS NULL);
CREATE INDEX step_library_account_idx ON public.step_library USING btree (account_id, title);
CREATE UNIQUE INDEX step_library_pkey ON public.step_library USING btree (account_id, id);
CREATE UNIQUE INDEX step_ratings_pkey ON public.step_ratings USING btree (account_id, id);
CREATE UNIQUE INDEX step_ratings_session_node_key ON public.step_ratings USING btree (account_id, session_id, node_id);
CREATE INDEX step_ratings_step_helpful_idx ON public.step_ratings USING btree (account_id, step_id, was_helpful) WHERE (step_id IS NOT NULL);
CREATE INDEX step_ratings_tree_node_idx ON public.step_ratings USING btree (account_id, tree_id, node_id, created_at);
CREATE UNIQUE INDEX tree_node_history_pkey ON public.tree_node_history USING btree (account_id, node_id, until_version);
CREATE UNIQUE INDEX tree_nodes_pkey ON public.tree_nodes USING btree (account_id, id);
CREATE INDEX tree_nodes_step_idx ON public.tree_nodes USING btree (account_id, step_id) WHERE (step_id IS NOT NULL);
CREATE INDEX tree_nodes_tree_idx ON public.tree_nodes USING btree (account_id, tree_id, "position");
CREATE INDEX trees_account_status_idx ON public.trees USING btree (account_id, status, name);
CREATE UNIQUE INDEX trees_pkey ON public.trees USING btree (account_id, id);
CREATE UNIQUE INDEX user_logins_pkey ON public.user_logins USING btree (email);
CREATE UNIQUE INDEX user_logins_user_key ON public.user_logins USING btree (account_id, user_id);
CREATE INDEX users_account_idx ON public.users USING btree (account_id, name);
CREATE UNIQUE INDEX users_pkey ON public.users USING btree (account_id, id);
CREATE INDEX webhook_attempts_delivery_idx ON public.webhook_attempts USING btree (account_id, delivery_id, at);
CREATE UNIQUE INDEX webhook_attempts_pkey ON public.webhook_attempts USING btree (account_id, id);
CREATE INDEX webhook_deliveries_created_idx ON public.webhook_deliveries USING btree (created_at);
CREATE INDEX webhook_deliveries_due_idx ON public.webhook_deliveries USING btree (next_attempt_at) WHERE (status = ANY (ARRAY['pending'::text, 'retrying'::text]));
CREATE INDEX webhook_deliveries_endpoint_idx ON public.webhook_deliveries USING btree (account_id, endpoint_id, created_at DESC);
CREATE UNIQUE INDEX webhook_deliveries_pkey ON public.webhook_deliveries USING btree (account_id, id);
CREATE UNIQUE INDEX webhook_endpoints_pkey ON public.webhook_endpoints USING btree (account_id, id);

-- Functions
CREATE OR REPLACE FUNCTION public.analytics_bump_version_of_row()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, TG_ARGV[0]::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT OLD.account_id) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version;
      ELSE
        INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, TG_ARGV[0]::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT NEW.account_id) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version;
      END IF;
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.analytics_journal_rows_minute(account uuid, grain text)
 RETURNS TABLE(account_id uuid, user_id uuid, tree_id uuid, bucket timestamp with time zone, minute integer, n bigint)
 LANGUAGE plpgsql
 STABLE ROWS 10
AS $function$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY SELECT f.account_id, f.user_id, f.tree_id, date_trunc(grain, f.ts, 'UTC') AS bucket, floor(f.second / 60.0)::int AS minute, f.n::bigint AS n FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, s.sign AS n
    FROM (SELECT * FROM analytics_journal_sessions WHERE account_id = account) s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f;
      END $function$;

CREATE OR REPLACE FUNCTION public.analytics_journal_rows_node(account uuid, grain text)
 RETURNS TABLE(account_id uuid, tree_id uuid, node_id uuid, bucket timestamp with time zone, unfinished bigint, ended bigint, resolved bigint, escalated bigint, workaround bigint, unresolved bigint, helpful_yes bigint, helpful_no bigint)
 LANGUAGE plpgsql
 STABLE ROWS 10
AS $function$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY SELECT f.account_id, f.tree_id, f.node_id, date_trunc(grain, f.ts, 'UTC') AS bucket, f.unfinished::bigint AS unfinished, f.ended::bigint AS ended, f.resolved::bigint AS resolved, f.escalated::bigint AS escalated, f.workaround::bigint AS workaround, f.unresolved::bigint AS unresolved, f.helpful_yes::bigint AS helpful_yes, f.helpful_no::bigint AS helpful_no FROM (SELECT s.account_id, s.tree_id, s.current_node_id AS node_id, s.started_at AS ts,
      s.sign * (s.completed_at IS NULL)::int AS unfinished, s.sign * (s.completed_at IS NOT NULL)::int AS ended,
      s.sign * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, s.sign * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      s.sign * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, s.sign * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      0 AS helpful_yes, 0 AS helpful_no
    FROM (SELECT * FROM analytics_journal_sessions WHERE account_id = account) s WHERE s.current_node_id IS NOT NULL UNION ALL SELECT v.account_id, v.tree_id, v.node_id, v.created_at AS ts,
      0 AS unfinished, 0 AS ended, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved,
      v.sign * v.was_helpful::int AS helpful_yes, v.sign * (NOT v.was_helpful)::int AS helpful_no
    FROM (SELECT * FROM analytics_journal_step_ratings WHERE account_id = account) v) f;
      END $function$;

CREATE OR REPLACE FUNCTION public.analytics_journal_rows_node_minute(account uuid, grain text)
 RETURNS TABLE(account_id uuid, tree_id uuid, node_id uuid, bucket timestamp with time zone, minute integer, n bigint)
 LANGUAGE plpgsql
 STABLE ROWS 10
AS $function$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY SELECT f.account_id, f.tree_id, f.node_id, date_trunc(grain, f.ts, 'UTC') AS bucket, floor(f.second / 60.0)::int AS minute, f.n::bigint AS n FROM (SELECT a.account_id, a.tree_id, a.node_id, a.ts, greatest(0, a.second) AS second, a.n
    FROM (SELECT s.account_id, s.tree_id, (e.entry ->> 'node_id')::uuid AS node_id, s.started_at AS ts,
            floor(extract(epoch FROM (e.entry ->> 'at')::timestamptz
              - CASE WHEN e.i = 1 THEN s.started_at ELSE (s.path -> (e.i - 2)::int ->> 'at')::timestamptz END))::int AS second,
            s.sign AS n
       FROM (SELECT * FROM analytics_journal_sessions WHERE account_id = account) s CROSS JOIN LATERAL jsonb_array_elements(s.path) WITH ORDINALITY AS e(entry, i)) a
   WHERE a.second IS NOT NULL) f;
      END $function$;

CREATE OR REPLACE FUNCTION public.analytics_journal_rows_node_second(account uuid, grain text)
 RETURNS TABLE(account_id uuid, tree_id uuid, node_id uuid, bucket timestamp with time zone, second integer, n bigint)
 LANGUAGE plpgsql
 STABLE ROWS 10
AS $function$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY SELECT f.account_id, f.tree_id, f.node_id, date_trunc(grain, f.ts, 'UTC') AS bucket, f.second, f.n::bigint AS n FROM (SELECT a.account_id, a.tree_id, a.node_id, a.ts, greatest(0, a.second) AS second, a.n
    FROM (SELECT s.account_id, s.tree_id, (e.entry ->> 'node_id')::uuid AS node_id, s.started_at AS ts,
            floor(extract(epoch FROM (e.entry ->> 'at')::timestamptz
              - CASE WHEN e.i = 1 THEN s.started_at ELSE (s.path -> (e.i - 2)::int ->> 'at')::timestamptz END))::int AS second,
            s.sign AS n
       FROM (SELECT * FROM analytics_journal_sessions WHERE account_id = account) s CROSS JOIN LATERAL jsonb_array_elements(s.path) WITH ORDINALITY AS e(entry, i)) a
   WHERE a.second IS NOT NULL) f;
      END $function$;

CREATE OR REPLACE FUNCTION public.analytics_journal_rows_second(account uuid, grain text)
 RETURNS TABLE(account_id uuid, user_id uuid, tree_id uuid, bucket timestamp with time zone, second integer, n bigint)
 LANGUAGE plpgsql
 STABLE ROWS 10
AS $function$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY SELECT f.account_id, f.user_id, f.tree_id, date_trunc(grain, f.ts, 'UTC') AS bucket, f.second, f.n::bigint AS n FROM (SELECT s.account_id, k.user_id, k.tree_id, s.started_at AS ts,
      floor(extract(epoch FROM s.completed_at - s.started_at))::int AS second, s.sign AS n
    FROM (SELECT * FROM analytics_journal_sessions WHERE account_id = account) s CROSS JOIN LATERAL (VALUES
      (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid), ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ) AS k(user_id, tree_id)
   WHERE s.completed_at IS NOT NULL) f;
      END $function$;

CREATE OR REPLACE FUNCTION public.analytics_journal_rows_session(account uuid, grain text)
 RETURNS TABLE(account_id uuid, user_id uuid, tree_id uuid, bucket timestamp with time zone, shard smallint, sessions bigint, completed bigint, resolved bigint, escalated bigint, workaround bigint, unresolved bigint, duration_us bigint, ratings bigint, rating_sum bigint, r1 bigint, r2 bigint, r3 bigint, r4 bigint, r5 bigint)
 LANGUAGE plpgsql
 STABLE ROWS 10
AS $function$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY SELECT f.account_id, f.user_id, f.tree_id, date_trunc(grain, f.ts, 'UTC') AS bucket, f.shard, f.sessions::bigint AS sessions, f.completed::bigint AS completed, f.resolved::bigint AS resolved, f.escalated::bigint AS escalated, f.workaround::bigint AS workaround, f.unresolved::bigint AS unresolved, f.duration_us::bigint AS duration_us, f.ratings::bigint AS ratings, f.rating_sum::bigint AS rating_sum, f.r1::bigint AS r1, f.r2::bigint AS r2, f.r3::bigint AS r3, f.r4::bigint AS r4, f.r5::bigint AS r5 FROM (SELECT s.account_id, k.user_id, k.tree_id, k.shard, s.started_at AS ts,
      s.sign AS sessions, s.sign * (s.completed_at IS NOT NULL)::int AS completed,
      s.sign * (s.outcome IS NOT DISTINCT FROM 'resolved')::int AS resolved, s.sign * (s.outcome IS NOT DISTINCT FROM 'escalated')::int AS escalated,
      s.sign * (s.outcome IS NOT DISTINCT FROM 'workaround')::int AS workaround, s.sign * (s.outcome IS NOT DISTINCT FROM 'unresolved')::int AS unresolved,
      s.sign * coalesce((extract(epoch FROM s.completed_at - s.started_at) * 1000000)::bigint, 0) AS duration_us,
      0 AS ratings, 0 AS rating_sum, 0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4, 0 AS r5
    FROM (SELECT * FROM analytics_journal_sessions WHERE account_id = account) s CROSS JOIN LATERAL (VALUES
      (s.user_id, s.tree_id, 0::smallint), (s.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, s.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(s.id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard) UNION ALL SELECT r.account_id, k.user_id, k.tree_id, k.shard, r.created_at AS ts,
      0 AS sessions, 0 AS completed, 0 AS resolved, 0 AS escalated, 0 AS workaround, 0 AS unresolved, 0::bigint AS duration_us,
      r.sign AS ratings, r.sign * r.rating AS rating_sum, r.sign * (r.rating = 1)::int AS r1, r.sign * (r.rating = 2)::int AS r2, r.sign * (r.rating = 3)::int AS r3, r.sign * (r.rating = 4)::int AS r4, r.sign * (r.rating = 5)::int AS r5
    FROM (SELECT * FROM analytics_journal_session_ratings WHERE account_id = account) r CROSS JOIN LATERAL (VALUES
      (r.user_id, r.tree_id, 0::smallint), (r.user_id, '00000000-0000-0000-0000-000000000000'::uuid, 0::smallint),
      ('00000000-0000-0000-0000-000000000000'::uuid, r.tree_id, 0::smallint), ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, (abs(hashtext(r.session_id::text)) % 4)::smallint)
    ) AS k(user_id, tree_id, shard)) f;
      END $function$;

CREATE OR REPLACE FUNCTION public.analytics_rollup_session_ratings()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_session_ratings (account_id, session_id, user_id, tree_id, rating, created_at, sign) SELECT account_id, session_id, user_id, tree_id, rating, created_at, 1 FROM new_rows;
      ELSIF TG_OP = 'UPDATE' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows UNION ALL SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE created_at < date_trunc('day', now(), 'UTC') UNION ALL SELECT account_id FROM new_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_session_ratings (account_id, session_id, user_id, tree_id, rating, created_at, sign) SELECT account_id, session_id, user_id, tree_id, rating, created_at, -1 FROM old_rows UNION ALL SELECT account_id, session_id, user_id, tree_id, rating, created_at, 1 FROM new_rows;
      ELSE
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_session_ratings (account_id, session_id, user_id, tree_id, rating, created_at, sign) SELECT account_id, session_id, user_id, tree_id, rating, created_at, -1 FROM old_rows;
      END IF;
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.analytics_rollup_sessions()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows WHERE started_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_sessions (account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, path, sign) SELECT account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, path, 1 FROM new_rows;
      ELSIF TG_OP = 'UPDATE' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows UNION ALL SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE started_at < date_trunc('day', now(), 'UTC') UNION ALL SELECT account_id FROM new_rows WHERE started_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_sessions (account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, path, sign) SELECT account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, path, -1 FROM old_rows UNION ALL SELECT account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, path, 1 FROM new_rows;
      ELSE
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 0::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE started_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_sessions (account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, path, sign) SELECT account_id, id, user_id, tree_id, current_node_id, started_at, completed_at, outcome, path, -1 FROM old_rows;
      END IF;
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.analytics_rollup_step_ratings()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 1::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM new_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_step_ratings (account_id, tree_id, node_id, was_helpful, created_at, sign) SELECT account_id, tree_id, node_id, was_helpful, created_at, 1 FROM new_rows;
      ELSIF TG_OP = 'UPDATE' THEN
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 1::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows UNION ALL SELECT account_id FROM new_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE created_at < date_trunc('day', now(), 'UTC') UNION ALL SELECT account_id FROM new_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_step_ratings (account_id, tree_id, node_id, was_helpful, created_at, sign) SELECT account_id, tree_id, node_id, was_helpful, created_at, -1 FROM old_rows UNION ALL SELECT account_id, tree_id, node_id, was_helpful, created_at, 1 FROM new_rows;
      ELSE
        WITH bump0 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 1::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1), bump1 AS (INSERT INTO analytics_versions AS v (account_id, channel, backend_pid, version)
    SELECT a.account_id, 2::smallint, pg_backend_pid(), nextval('analytics_version_seq')
      FROM (SELECT DISTINCT account_id FROM (SELECT account_id FROM old_rows WHERE created_at < date_trunc('day', now(), 'UTC')) x ORDER BY 1) a
    ON CONFLICT (account_id, channel, backend_pid) DO UPDATE SET version = EXCLUDED.version RETURNING 1)
  INSERT INTO analytics_journal_step_ratings (account_id, tree_id, node_id, was_helpful, created_at, sign) SELECT account_id, tree_id, node_id, was_helpful, created_at, -1 FROM old_rows;
      END IF;
      RETURN NULL;
    END $function$;

CREATE OR REPLACE FUNCTION public.step_library_tally_votes()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        IF TG_OP = 'INSERT' THEN 
  UPDATE step_library l
     SET helpful_yes = l.helpful_yes + d.yes, helpful_no = l.helpful_no + d.no
    FROM (SELECT account_id, step_id, sum(yes) AS yes, sum(no) AS no
            FROM (SELECT account_id, step_id, was_helpful::int AS yes, (NOT was_helpful)::int AS no FROM new_rows) v
           WHERE step_id IS NOT NULL GROUP BY account_id, step_id) d
   WHERE l.account_id = d.account_id AND l.id = d.step_id AND (d.yes <> 0 OR d.no <> 0);
        ELSIF TG_OP = 'UPDATE' THEN 
  UPDATE step_library l
     SET helpful_yes = l.helpful_yes + d.yes, helpful_no = l.helpful_no + d.no
    FROM (SELECT account_id, step_id, sum(yes) AS yes, sum(no) AS no
            FROM (SELECT account_id, step_id, -was_helpful::int AS yes, -(NOT was_helpful)::int AS no FROM old_rows UNION ALL SELECT account_id, step_id, was_helpful::int AS yes, (NOT was_helpful)::int AS no FROM new_rows) v
           WHERE step_id IS NOT NULL GROUP BY account_id, step_id) d
   WHERE l.account_id = d.account_id AND l.id = d.step_id AND (d.yes <> 0 OR d.no <> 0);
        ELSE 
  UPDATE step_library l
     SET helpful_yes = l.helpful_yes + d.yes, helpful_no = l.helpful_no + d.no
    FROM (SELECT account_id, step_id, sum(yes) AS yes, sum(no) AS no
            FROM (SELECT account_id, step_id, -was_helpful::int AS yes, -(NOT was_helpful)::int AS no FROM old_rows) v
           WHERE step_id IS NOT NULL GROUP BY account_id, step_id) d
   WHERE l.account_id = d.account_id AND l.id = d.step_id AND (d.yes <> 0 OR d.no <> 0);
        END IF;
        RETURN NULL;
      END $function$;

CREATE OR REPLACE FUNCTION public.user_logins_follow_users()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO user_logins (email, account_id, user_id) VALUES (NEW.email, NEW.account_id, NEW.id);
        ELSE
          UPDATE user_logins SET email = NEW.email WHERE account_id = NEW.account_id AND user_id = NEW.id;
        END IF;
        RETURN NULL;
      END $function$;


-- Triggers
CREATE TRIGGER session_ratings_rollup_del AFTER DELETE ON public.session_ratings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_session_ratings();
CREATE TRIGGER session_ratings_rollup_ins AFTER INSERT ON public.session_ratings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_session_ratings();
CREATE TRIGGER session_ratings_rollup_upd AFTER UPDATE ON public.session_ratings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_session_ratings();
CREATE TRIGGER sessions_rollup_del AFTER DELETE ON public.sessions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_sessions();
CREATE TRIGGER sessions_rollup_ins AFTER INSERT ON public.sessions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_sessions();
CREATE TRIGGER sessions_rollup_upd AFTER UPDATE ON public.sessions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_sessions();
CREATE TRIGGER step_ratings_rollup_del AFTER DELETE ON public.step_ratings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_step_ratings();
CREATE TRIGGER step_ratings_rollup_ins AFTER INSERT ON public.step_ratings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_step_ratings();
CREATE TRIGGER step_ratings_rollup_upd AFTER UPDATE ON public.step_ratings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_rollup_step_ratings();
CREATE TRIGGER step_ratings_tally_del AFTER DELETE ON public.step_ratings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION step_library_tally_votes();
CREATE TRIGGER step_ratings_tally_ins AFTER INSERT ON public.step_ratings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION step_library_tally_votes();
CREATE TRIGGER step_ratings_tally_upd AFTER UPDATE ON public.step_ratings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION step_library_tally_votes();
CREATE TRIGGER tree_nodes_analytics_version_del AFTER DELETE ON public.tree_nodes FOR EACH ROW EXECUTE FUNCTION analytics_bump_version_of_row('1');
CREATE TRIGGER tree_nodes_analytics_version_upd AFTER UPDATE ON public.tree_nodes FOR EACH ROW WHEN (((old.title IS DISTINCT FROM new.title) OR (old.type IS DISTINCT FROM new.type) OR (old.step_id IS DISTINCT FROM new.step_id))) EXECUTE FUNCTION analytics_bump_version_of_row('1');
CREATE TRIGGER trees_analytics_version_del AFTER DELETE ON public.trees FOR EACH ROW EXECUTE FUNCTION analytics_bump_version_of_row('0');
CREATE TRIGGER trees_analytics_version_upd AFTER UPDATE ON public.trees FOR EACH ROW WHEN ((old.name IS DISTINCT FROM new.name)) EXECUTE FUNCTION analytics_bump_version_of_row('0');
CREATE TRIGGER users_analytics_version_del AFTER DELETE ON public.users FOR EACH ROW EXECUTE FUNCTION analytics_bump_version_of_row('0');
CREATE TRIGGER users_analytics_version_upd AFTER UPDATE ON public.users FOR EACH ROW WHEN ((old.name IS DISTINCT FROM new.name)) EXECUTE FUNCTION analytics_bump_version_of_row('0');
CREATE TRIGGER users_login_ins AFTER INSERT ON public.users FOR EACH ROW EXECUTE FUNCTION user_logins_follow_users();
CREATE TRIGGER users_login_upd AFTER UPDATE OF email ON public.users FOR EACH ROW WHEN ((old.email IS DISTINCT FROM new.email)) EXECUTE FUNCTION user_logins_follow_users();

-- Views
