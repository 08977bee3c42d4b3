-- Evidence store (issue #5, X4, E6): every item's hash now covers every stored column, each case's chain has a
-- head that records its last item, and a payload or message is preserved once per case. Plain SQL that H2 2.x
-- and PostgreSQL 15 both run; the append-only guards are per database (db/vendor/*/V9__evidence_append_only.sql).

-- The format the item's hash was computed with: 1 for items preserved before this migration (previous hash, kind
-- and content only), 2 for every later one (every column, see EvidenceHash). No default: the store always says.
ALTER TABLE cd_evidence ADD COLUMN hash_version INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE cd_evidence ALTER COLUMN hash_version DROP DEFAULT;
-- What the item preserves (complaint, inbound:<delivery id>, outbound:<message id>); each once per case.
ALTER TABLE cd_evidence ADD COLUMN source_ref VARCHAR(255);
ALTER TABLE cd_evidence ADD CONSTRAINT uq_cd_evidence_case_source UNIQUE (case_id, source_ref);
-- A webhook's raw body may be up to 4 MiB (cd_inbound_event.payload); kept with its envelope.
ALTER TABLE cd_evidence ALTER COLUMN content SET DATA TYPE VARCHAR(10485760);

-- The head of each case's chain: how many items it has and the last one's hash. Appends lock it, so two writers
-- for one case take turns; verification compares it with the items, so a removed last item shows too. The
-- retention purge sets purged_at and removes the items; the head stays as the record that they existed.
CREATE TABLE cd_evidence_chain (
    case_id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    last_seq              INTEGER       NOT NULL,
    last_sha256           VARCHAR(64),
    purged_at             TIMESTAMP WITH TIME ZONE
);
INSERT INTO cd_evidence_chain (case_id, last_seq, last_sha256)
SELECT e.case_id, e.seq, e.sha256
  FROM cd_evidence e
 WHERE e.seq = (SELECT MAX(x.seq) FROM cd_evidence x WHERE x.case_id = e.case_id);
ALTER TABLE cd_evidence ADD CONSTRAINT fk_cd_evidence_chain FOREIGN KEY (case_id) REFERENCES cd_evidence_chain (case_id);
