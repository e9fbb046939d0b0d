-- Scalability.Orleans: grain state for Orleans' ADO.NET grain storage (SQLite). Apply main.sql first.
--
-- One row per grain state. A grain state is identified by its whole identity: the two hashes Orleans computes
-- (GrainIdHash, GrainTypeHash) narrow the search, and the natural key (N0, N1, type string, extension string,
-- service id) decides. Hashes collide; natural keys do not.
--
-- Version is the grain's ETag: 1 after the first write, +1 on every write or clear. Orleans sends the version it
-- last saw as @GrainStateVersion (NULL when it has never seen a row) and treats any answer other than a new
-- version as a conflict (InconsistentStateException).
--
-- Orleans opens no transaction and sends each operation as one command. SQLite runs each statement atomically and
-- one writer at a time, so each operation does its check and its write in a single statement, and reports the new
-- version with RETURNING. A data-changing statement cannot be nested in a SELECT in SQLite, so the "exactly one
-- row" answer takes a second statement: a NULL row when the first changed nothing (changes() is this
-- connection's count for that statement), which Orleans reports as a conflict.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdExtensionString TEXT    NULL,
    ServiceId              TEXT    NOT NULL,
    PayloadBinary          BLOB    NULL,
    ModifiedOn             TEXT    NOT NULL,
    Version                INTEGER NOT NULL
);

-- At most one row per identity, whatever races between silos: without it, two first writes of the same grain could
-- both insert, and every later read would fail with "Sequence contains more than one element". A grain with a
-- Guid or integer key and no key extension has a NULL extension string, and a unique index lets NULLs repeat; the
-- index therefore holds an empty BLOB in its place, which equals another NULL's empty BLOB and never equals any
-- text, so it cannot collide with a real extension (not even an empty one).
CREATE UNIQUE INDEX IF NOT EXISTS UX_OrleansStorage_Identity
    ON OrleansStorage (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, GrainTypeString,
                       coalesce(GrainIdExtensionString, x''), ServiceId);

-- Read: the payload (NULL after a clear) and the version, or no row for a grain never written.
-- "IS" is SQLite's NULL-safe equality.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND ServiceId = @ServiceId;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Write, as one upsert. Without a version: insert version 1; if the row exists, the unique index turns the insert
-- into the update, whose condition (a version was given) fails, so nothing changes. With a version: the insert
-- is only attempted when the row exists, and becomes the update of that row if it still has the version.
-- One row in all: the new version, or NULL.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
                            GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
       @GrainIdExtensionString, @ServiceId, @PayloadBinary, CURRENT_TIMESTAMP, 1
WHERE @GrainStateVersion IS NULL
   OR EXISTS (SELECT 1 FROM OrleansStorage
              WHERE GrainIdHash = @GrainIdHash
                AND GrainTypeHash = @GrainTypeHash
                AND GrainIdN0 = @GrainIdN0
                AND GrainIdN1 = @GrainIdN1
                AND GrainTypeString = @GrainTypeString
                AND GrainIdExtensionString IS @GrainIdExtensionString
                AND ServiceId = @ServiceId)
ON CONFLICT DO UPDATE
    SET PayloadBinary = excluded.PayloadBinary, ModifiedOn = excluded.ModifiedOn, Version = Version + 1
    WHERE @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
SELECT NULL AS NewGrainStateVersion WHERE changes() = 0;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Clear: keep the row (and so the version sequence) with no payload. One row: the new version, or NULL on a
-- stale version.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL, ModifiedOn = CURRENT_TIMESTAMP, Version = Version + 1
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND ServiceId = @ServiceId
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
SELECT NULL AS NewGrainStateVersion WHERE changes() = 0;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Delete (used instead of Clear when a storage sets DeleteStateOnClear): remove the row. One row: the version the
-- row would have had next, or NULL on a stale version.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', '
DELETE FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND ServiceId = @ServiceId
  AND Version = @GrainStateVersion
RETURNING Version + 1 AS NewGrainStateVersion;
SELECT NULL AS NewGrainStateVersion WHERE changes() = 0;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
