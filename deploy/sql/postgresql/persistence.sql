-- Scalability.Orleans: grain state for Orleans' ADO.NET grain storage (PostgreSQL 15+). Apply main.sql first.
--
-- One row per grain state. A grain state is identified by its whole identity: the two hashes Orleans computes
-- (GrainIdHash, GrainTypeHash) narrow the search, and the natural key (N0, N1, type string, extension string,
-- service id) decides. Hashes collide; natural keys do not.
--
-- Version is the grain's ETag: 1 after the first write, +1 on every write or clear. Orleans sends the version it
-- last saw as @GrainStateVersion (NULL when it has never seen a row) and treats any answer other than a new
-- version as a conflict (InconsistentStateException).
--
-- Orleans opens no transaction and sends each operation as one command, so each query below is one statement:
-- the version check and the write cannot be separated by another writer.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer       NOT NULL,
    GrainIdN0              bigint        NOT NULL,
    GrainIdN1              bigint        NOT NULL,
    GrainTypeHash          integer       NOT NULL,
    GrainTypeString        varchar(512)  NOT NULL,
    GrainIdExtensionString varchar(1024) NULL,
    ServiceId              varchar(150)  NOT NULL,
    PayloadBinary          bytea         NULL,
    ModifiedOn             timestamptz   NOT NULL,
    Version                integer       NOT NULL
);

-- At most one row per identity, whatever races between silos. Without it, two first writes of the same grain could
-- both insert, and every later read would fail with "Sequence contains more than one element". A grain with a
-- Guid or integer key and no key extension has a NULL extension string: NULLS NOT DISTINCT makes two such rows
-- duplicates too (PostgreSQL 15+). The hashes lead so that lookups, which always know them, use this index.
CREATE UNIQUE INDEX IF NOT EXISTS UX_OrleansStorage_Identity
    ON OrleansStorage (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString, ServiceId)
    NULLS NOT DISTINCT;

-- Read: the payload (NULL after a clear) and the version, or no row for a grain never written.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $query$
SELECT s.PayloadBinary AS "PayloadBinary", s.Version AS "Version"
FROM OrleansStorage AS s
WHERE s.GrainIdHash = @GrainIdHash
  AND s.GrainTypeHash = @GrainTypeHash
  AND s.GrainIdN0 = @GrainIdN0
  AND s.GrainIdN1 = @GrainIdN1
  AND s.GrainTypeString = @GrainTypeString
  AND s.GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
  AND s.ServiceId = @ServiceId;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Write: with a version, update the row that still has it; without one, insert version 1 unless a row exists.
-- Only one of the two branches can touch a row. The final SELECT always yields exactly one row: the new version,
-- or NULL when nothing was written (a stale version, or a first write that lost a race), which Orleans reports
-- as a conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $query$
WITH updated AS
(
    UPDATE OrleansStorage AS s
    SET PayloadBinary = @PayloadBinary, ModifiedOn = now(), Version = s.Version + 1
    WHERE @GrainStateVersion IS NOT NULL
      AND s.GrainIdHash = @GrainIdHash
      AND s.GrainTypeHash = @GrainTypeHash
      AND s.GrainIdN0 = @GrainIdN0
      AND s.GrainIdN1 = @GrainIdN1
      AND s.GrainTypeString = @GrainTypeString
      AND s.GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND s.ServiceId = @ServiceId
      AND s.Version = @GrainStateVersion
    RETURNING s.Version
),
inserted AS
(
    INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
                                GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
           @GrainIdExtensionString, @ServiceId, @PayloadBinary, now(), 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version
)
SELECT (SELECT Version FROM updated UNION ALL SELECT Version FROM inserted) AS "NewGrainStateVersion";
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Clear: keep the row (and so the version sequence) with no payload. One row: the new version, or NULL on a
-- stale version.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $query$
WITH cleared AS
(
    UPDATE OrleansStorage AS s
    SET PayloadBinary = NULL, ModifiedOn = now(), Version = s.Version + 1
    WHERE s.GrainIdHash = @GrainIdHash
      AND s.GrainTypeHash = @GrainTypeHash
      AND s.GrainIdN0 = @GrainIdN0
      AND s.GrainIdN1 = @GrainIdN1
      AND s.GrainTypeString = @GrainTypeString
      AND s.GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND s.ServiceId = @ServiceId
      AND s.Version = @GrainStateVersion
    RETURNING s.Version
)
SELECT (SELECT Version FROM cleared) AS "NewGrainStateVersion";
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Delete (used instead of Clear when a storage sets DeleteStateOnClear): remove the row. One row: the version the
-- row would have had next, or NULL on a stale version.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', $query$
WITH deleted AS
(
    DELETE FROM OrleansStorage AS s
    WHERE s.GrainIdHash = @GrainIdHash
      AND s.GrainTypeHash = @GrainTypeHash
      AND s.GrainIdN0 = @GrainIdN0
      AND s.GrainIdN1 = @GrainIdN1
      AND s.GrainTypeString = @GrainTypeString
      AND s.GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND s.ServiceId = @ServiceId
      AND s.Version = @GrainStateVersion
    RETURNING s.Version
)
SELECT (SELECT Version + 1 FROM deleted) AS "NewGrainStateVersion";
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
