-- Up Migration
CREATE TABLE messages (
    id         bigserial PRIMARY KEY,
    room_id    bigint NOT NULL REFERENCES rooms (id),
    user_id    bigint NOT NULL REFERENCES users (id),
    body       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_room_created ON messages (room_id, created_at);

-- Down Migration
DROP TABLE messages;
