-- Up Migration
CREATE TABLE rooms (
    id         bigserial PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    created_by bigint NOT NULL REFERENCES users (id)
);

-- Down Migration
DROP TABLE rooms;
