-- Evidence is append-only (X4, E6): on H2 (development and demos) the same guard as on PostgreSQL, as Java
-- triggers: no item is changed, an item is deleted only after the retention purge marked its case's chain head
-- purged, and a head only advances by one item or becomes purged. H2 runs no trigger for TRUNCATE TABLE; it refuses
-- to truncate cd_evidence_chain (cd_evidence refers to it) but not cd_evidence.
CREATE TRIGGER cd_evidence_append_only BEFORE UPDATE, DELETE ON cd_evidence
    FOR EACH ROW CALL 'com.complaintdesk.evidence.H2EvidenceGuard';
CREATE TRIGGER cd_evidence_chain_advance_only BEFORE UPDATE, DELETE ON cd_evidence_chain
    FOR EACH ROW CALL 'com.complaintdesk.evidence.H2EvidenceGuard';
