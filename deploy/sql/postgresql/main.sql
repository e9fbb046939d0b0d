-- Scalability.Orleans: the query catalogue that Orleans' ADO.NET providers read (PostgreSQL 15+).
--
-- Orleans looks up the SQL of every operation by key in OrleansQuery when a provider starts, and caches it.
-- clustering.sql and persistence.sql upsert their rows here, so applying the scripts again replaces the query
-- texts with the current ones (a silo picks them up when it restarts). Every statement is idempotent.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL,
    QueryText varchar(8000) NOT NULL,
    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
);
