-- Access tokens live minutes; a login session (refresh token) lives a shift. The version is raised whenever what a
-- token says about the user stops being true (disabled, roles, region, password): older tokens are then refused.
alter table users add column token_version        int         not null default 0;
alter table users add column must_change_password boolean     not null default false;
alter table users add column failed_logins        int         not null default 0;
alter table users add column locked_until         timestamptz;

-- One row per login: the refresh token (only its SHA-256), rotated on every refresh; logout ends the session.
create table sessions (
    id           uuid        primary key,
    username     text        not null references users (username),
    refresh_hash text        not null unique,
    created_at   timestamptz not null default now(),
    refreshed_at timestamptz,
    expires_at   timestamptz not null,
    ended_at     timestamptz,
    end_reason   text
);
create index sessions_open_by_user on sessions (username) where ended_at is null;
create index sessions_expiry on sessions (expires_at);

-- Replaced by sessions: logout ends the session (every token of it), not one token.
drop table revoked_tokens;
