-- The state of each source the writing process runs (live, retrying since, offline since), as `twin serve` last
-- saw it: a viewer reading through the service shows the sources it cannot see itself. Replaced whole at each change.
CREATE TABLE source_state (
    source VARCHAR(1000) PRIMARY KEY,
    state VARCHAR(20) NOT NULL,
    since BIGINT NOT NULL,
    last_success BIGINT,
    problem VARCHAR(1000) NOT NULL
);
