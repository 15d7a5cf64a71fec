-- Secondary indexes a read model has dropped while it is replayed, to be built again, in one pass each,
-- once the replay has caught up (ParkedIndexes). Kept here so a node that stops mid-replay still knows
-- what to rebuild.
CREATE TABLE parked_index (
    read_model  VARCHAR(64)   NOT NULL,
    index_name  VARCHAR(128)  NOT NULL,
    definition  VARCHAR(4000) NOT NULL,
    PRIMARY KEY (read_model, index_name)
);
