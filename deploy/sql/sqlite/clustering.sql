-- Scalability.Orleans: cluster membership for Orleans' ADO.NET clustering (SQLite). Apply main.sql first.
--
-- Orleans ships no SQLite clustering script; this one lets several silos on one machine form a cluster through
-- one database file. It follows the same contract as the PostgreSQL script.
--
-- Each cluster (Orleans' ClusterId, sent as @DeploymentId) has one version row and one row per silo incarnation
-- (address, port, generation). Orleans treats the version as the ETag of the whole table: every change to a silo's
-- row must be made against the version the silo last read, and bumps it. Heartbeats (IAmAliveTime) change no
-- version.
--
-- Orleans opens no transaction and sends each operation as one command. SQLite runs each statement atomically, one
-- writer at a time, triggers included, but a statement changes only one table. So a join or a status change is one
-- statement on the silo's row, conditioned on the version, and the triggers below bump the version within that
-- same statement. The count of rows it changed (changes(), which leaves out the trigger's) is the answer.
--
-- Times are stored as the text Microsoft.Data.Sqlite writes for a DateTime ("yyyy-MM-dd HH:mm:ss.FFFFFFF", UTC
-- as Orleans sends it), which compares in time order and reads back to the same value.

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId TEXT    NOT NULL PRIMARY KEY,
    ChangedOn    TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    Version      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId TEXT    NOT NULL,
    Address      TEXT    NOT NULL,
    Port         INTEGER NOT NULL,
    Generation   INTEGER NOT NULL,
    SiloName     TEXT    NOT NULL,
    HostName     TEXT    NOT NULL,
    Status       INTEGER NOT NULL,
    ProxyPort    INTEGER NOT NULL DEFAULT 0,
    SuspectTimes TEXT    NULL,
    StartTime    TEXT    NOT NULL,
    IAmAliveTime TEXT    NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- A silo row that appears, or whose status or suspicions change, moves the cluster's version on, in the same
-- statement. A heartbeat sets only IAmAliveTime, so it fires neither trigger. Dropped and created again so that
-- applying the script updates them (the installer runs this script in one transaction).
DROP TRIGGER IF EXISTS OrleansMembershipTable_Joined;
CREATE TRIGGER OrleansMembershipTable_Joined
AFTER INSERT ON OrleansMembershipTable
BEGIN
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, ChangedOn = CURRENT_TIMESTAMP
    WHERE DeploymentId = NEW.DeploymentId;
END;

DROP TRIGGER IF EXISTS OrleansMembershipTable_Changed;
CREATE TRIGGER OrleansMembershipTable_Changed
AFTER UPDATE OF Status, SuspectTimes ON OrleansMembershipTable
BEGIN
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, ChangedOn = CURRENT_TIMESTAMP
    WHERE DeploymentId = NEW.DeploymentId;
END;

-- Creates the cluster's version row (version 0) if missing. One column: how many rows were created (0 or 1).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', '
INSERT INTO OrleansMembershipVersionTable (DeploymentId, ChangedOn, Version)
VALUES (@DeploymentId, CURRENT_TIMESTAMP, 0)
ON CONFLICT (DeploymentId) DO NOTHING;
SELECT changes() AS Created;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Membership reads always return at least one row: the version row, joined to the silo rows that match (none:
-- one row whose silo columns are NULL, which Orleans reads as "no silo"). One statement reads one snapshot, so the
-- version is consistent with the rows.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', '
SELECT v.Version AS Version,
       m.Address AS Address, m.Port AS Port, m.Generation AS Generation,
       m.SiloName AS SiloName, m.HostName AS HostName, m.Status AS Status, m.ProxyPort AS ProxyPort,
       m.SuspectTimes AS SuspectTimes, m.StartTime AS StartTime, m.IAmAliveTime AS IAmAliveTime
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m
       ON m.DeploymentId = v.DeploymentId
      AND m.Address = @Address
      AND m.Port = @Port
      AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', '
SELECT v.Version AS Version,
       m.Address AS Address, m.Port AS Port, m.Generation AS Generation,
       m.SiloName AS SiloName, m.HostName AS HostName, m.Status AS Status, m.ProxyPort AS ProxyPort,
       m.SuspectTimes AS SuspectTimes, m.StartTime AS StartTime, m.IAmAliveTime AS IAmAliveTime
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m
       ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- A silo joins: insert its row only while the version is still @Version (the trigger then bumps it) and the row
-- does not exist yet. One column: 1 if the silo joined, 0 otherwise.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', '
INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status,
                                    ProxyPort, SuspectTimes, StartTime, IAmAliveTime)
SELECT v.DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
       @ProxyPort, NULL, @StartTime, @IAmAliveTime
FROM OrleansMembershipVersionTable AS v
WHERE v.DeploymentId = @DeploymentId
  AND v.Version = @Version
ON CONFLICT DO NOTHING;
SELECT changes() AS Joined;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- A silo's status, suspicions or heartbeat change: update its row only while the version is still @Version (the
-- trigger then bumps it). One column: 1 if the row was updated, 0 otherwise.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', '
UPDATE OrleansMembershipTable
SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId
  AND Address = @Address
  AND Port = @Port
  AND Generation = @Generation
  AND EXISTS (SELECT 1 FROM OrleansMembershipVersionTable AS v
              WHERE v.DeploymentId = @DeploymentId
                AND v.Version = @Version);
SELECT changes() AS Updated;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Heartbeat: only the silo's own IAmAliveTime, no version change (Orleans' key spells "Alivetime" so).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', '
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId
  AND Address = @Address
  AND Port = @Port
  AND Generation = @Generation;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Gateways for clients: active silos (@Status is Active, 3) that listen for clients (a proxy port).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', '
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Status = @Status
  AND ProxyPort > 0;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Forget a whole cluster: its silo rows, then its version row (a version row left alone is harmless; silo rows
-- without one would come back when the cluster starts again).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', '
DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Remove dead silos (status Dead, 6) that have given no sign of life since the cut-off, and that no one
-- suspects. Orleans requires this key; since 10.4 it prefers CleanupDefunctSiloEntryKey below when present.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', '
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Status = 6
  AND IAmAliveTime < @IAmAliveTime
  AND StartTime < @IAmAliveTime
  AND ifnull(SuspectTimes, char()) = char();
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Remove one dead silo that Orleans chose from a membership read, only if its row is still exactly as read (no
-- heartbeat, restart or new suspicion since), so a concurrent change is never lost. Orleans sends no SuspectTimes
-- (NULL) for a row whose SuspectTimes was empty, so NULL and empty text count as the same.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntryKey', '
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Address = @Address
  AND Port = @Port
  AND Generation = @Generation
  AND Status = 6
  AND StartTime = @StartTime
  AND IAmAliveTime = @IAmAliveTime
  AND ifnull(SuspectTimes, char()) = ifnull(@SuspectTimes, char());
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
