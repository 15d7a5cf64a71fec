-- The status index's index on the office alone dates from before the shelves. Every query of the status index
-- names its shelf (a page's branches, the tab counts' searches, the scheduled calendar), so an office filter is
-- served by (shelf, office, row_key), and this index only cost an entry for every new row and every update
-- PostgreSQL cannot make in place: one of the 15 index entries a new draft paid.

-- A replay that parked it would otherwise build it again from its stored definition.
DELETE FROM parked_index WHERE read_model = 'status-index' AND index_name = 'campaign_index_office';

DROP INDEX IF EXISTS campaign_index_office;
