-- Up Migration
CREATE TABLE users (
    id           bigserial PRIMARY KEY,
    github_login text NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE users;
