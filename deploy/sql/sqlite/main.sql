-- Scalability.Orleans: the query catalogue that Orleans' ADO.NET providers read (SQLite).
--
-- Orleans looks up the SQL of every operation by key in OrleansQuery when a provider starts, and caches it.
-- clustering.sql and persistence.sql upsert their rows here, so applying the scripts again replaces the query
-- texts with the current ones. Every statement is idempotent.

-- Write-ahead logging lets readers (membership reads, grain state reads) go on while a silo writes, which matters
-- when several silos on one machine share this file. The mode is stored in the file, so it is set once; it cannot be
-- changed inside a transaction, which is why this script runs on its own, before the others.
PRAGMA journal_mode = WAL;

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
