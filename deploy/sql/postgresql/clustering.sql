-- Scalability.Orleans: cluster membership for Orleans' ADO.NET clustering (PostgreSQL 15+). Apply main.sql first.
--
-- Each cluster (Orleans' ClusterId, sent as @DeploymentId) has one version row and one row per silo incarnation
-- (address, port, generation). Orleans treats the version as the ETag of the whole table: every change to a silo's
-- row must be made against the version the silo last read, and bumps it, so concurrent writers cannot overwrite
-- each other's view. Heartbeats (IAmAliveTime) are the exception: they change no version.
--
-- Orleans opens no transaction and sends each operation as one command, so each query below is one statement:
-- the version check, the version bump and the row change commit together or not at all. The row lock on the
-- version row serialises concurrent writers; the loser re-checks the version, finds it moved, and changes nothing.
--
-- Times are timestamptz: Orleans sends UTC DateTime values, which Npgsql writes to timestamptz only.
-- Millisecond precision, so that a value read back and sent again compares equal.

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150)   NOT NULL,
    ChangedOn    timestamptz(3) NOT NULL DEFAULT now(),
    Version      integer        NOT NULL DEFAULT 0,
    CONSTRAINT PK_OrleansMembershipVersionTable PRIMARY KEY (DeploymentId)
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150)   NOT NULL,
    Address      varchar(45)    NOT NULL,
    Port         integer        NOT NULL,
    Generation   integer        NOT NULL,
    SiloName     varchar(150)   NOT NULL,
    HostName     varchar(150)   NOT NULL,
    Status       integer        NOT NULL,
    ProxyPort    integer        NOT NULL DEFAULT 0,
    SuspectTimes varchar(8000)  NULL,
    StartTime    timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,
    CONSTRAINT PK_OrleansMembershipTable PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Creates the cluster's version row (version 0) if missing. One column: how many rows were created (0 or 1).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', $query$
WITH created AS
(
    INSERT INTO OrleansMembershipVersionTable (DeploymentId, ChangedOn, Version)
    VALUES (@DeploymentId, now(), 0)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT count(*) AS "Created" FROM created;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Membership reads always return at least one row: the version row, joined to the silo rows that match (none:
-- one row whose silo columns are NULL, which Orleans reads as "no silo"). Reading both in one statement gives a
-- version consistent with the rows.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', $query$
SELECT v.Version AS "Version",
       m.Address AS "Address", m.Port AS "Port", m.Generation AS "Generation",
       m.SiloName AS "SiloName", m.HostName AS "HostName", m.Status AS "Status", m.ProxyPort AS "ProxyPort",
       m.SuspectTimes AS "SuspectTimes", m.StartTime AS "StartTime", m.IAmAliveTime AS "IAmAliveTime"
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m
       ON m.DeploymentId = v.DeploymentId
      AND m.Address = @Address
      AND m.Port = @Port
      AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', $query$
SELECT v.Version AS "Version",
       m.Address AS "Address", m.Port AS "Port", m.Generation AS "Generation",
       m.SiloName AS "SiloName", m.HostName AS "HostName", m.Status AS "Status", m.ProxyPort AS "ProxyPort",
       m.SuspectTimes AS "SuspectTimes", m.StartTime AS "StartTime", m.IAmAliveTime AS "IAmAliveTime"
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m
       ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- A silo joins: bump the version if it is still @Version and the silo has no row yet, and insert the row only
-- if the bump happened. One column: 1 if the silo joined, 0 if the version had moved or the row existed.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', $query$
WITH bumped AS
(
    UPDATE OrleansMembershipVersionTable AS v
    SET Version = v.Version + 1, ChangedOn = now()
    WHERE v.DeploymentId = @DeploymentId
      AND v.Version = @Version
      AND NOT EXISTS (SELECT 1 FROM OrleansMembershipTable AS m
                      WHERE m.DeploymentId = @DeploymentId
                        AND m.Address = @Address
                        AND m.Port = @Port
                        AND m.Generation = @Generation)
    RETURNING v.DeploymentId
),
joined AS
(
    INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status,
                                        ProxyPort, SuspectTimes, StartTime, IAmAliveTime)
    SELECT b.DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
           @ProxyPort, NULL, @StartTime, @IAmAliveTime
    FROM bumped AS b
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT count(*) AS "Joined" FROM joined;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- A silo's status, suspicions or heartbeat change: the same version check and bump, then the row update.
-- One column: 1 if the row was updated, 0 otherwise.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', $query$
WITH bumped AS
(
    UPDATE OrleansMembershipVersionTable AS v
    SET Version = v.Version + 1, ChangedOn = now()
    WHERE v.DeploymentId = @DeploymentId
      AND v.Version = @Version
      AND EXISTS (SELECT 1 FROM OrleansMembershipTable AS m
                  WHERE m.DeploymentId = @DeploymentId
                    AND m.Address = @Address
                    AND m.Port = @Port
                    AND m.Generation = @Generation)
    RETURNING v.DeploymentId
),
changed AS
(
    UPDATE OrleansMembershipTable AS m
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    FROM bumped AS b
    WHERE m.DeploymentId = b.DeploymentId
      AND m.Address = @Address
      AND m.Port = @Port
      AND m.Generation = @Generation
    RETURNING 1
)
SELECT count(*) AS "Updated" FROM changed;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Heartbeat: only the silo's own IAmAliveTime, no version change (Orleans' key spells "Alivetime" so).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', $query$
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId
  AND Address = @Address
  AND Port = @Port
  AND Generation = @Generation;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Gateways for clients: active silos (@Status is Active, 3) that listen for clients (a proxy port).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', $query$
SELECT m.Address AS "Address", m.ProxyPort AS "ProxyPort", m.Generation AS "Generation"
FROM OrleansMembershipTable AS m
WHERE m.DeploymentId = @DeploymentId
  AND m.Status = @Status
  AND m.ProxyPort > 0;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Forget a whole cluster: its silo rows and its version row, together.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', $query$
WITH members AS
(
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId
)
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Remove dead silos (status Dead, 6) that have given no sign of life since the cut-off, and that no one
-- suspects. Orleans requires this key; since 10.4 it prefers CleanupDefunctSiloEntryKey below when present.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', $query$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Status = 6
  AND IAmAliveTime < @IAmAliveTime
  AND StartTime < @IAmAliveTime
  AND COALESCE(SuspectTimes, '') = '';
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Remove one dead silo that Orleans chose from a membership read, only if its row is still exactly as read (no
-- heartbeat, restart or new suspicion since), so a concurrent change is never lost. Orleans sends no SuspectTimes
-- (NULL) for a row whose SuspectTimes was empty, hence the COALESCE on both sides.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntryKey', $query$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Address = @Address
  AND Port = @Port
  AND Generation = @Generation
  AND Status = 6
  AND StartTime = @StartTime
  AND IAmAliveTime = @IAmAliveTime
  AND COALESCE(SuspectTimes, '') = COALESCE(@SuspectTimes, '');
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
