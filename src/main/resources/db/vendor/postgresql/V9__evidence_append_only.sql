-- Evidence is append-only (X4, E6): PostgreSQL itself refuses to change or remove an item, whoever asks,
-- superusers included (triggers fire for every role). The one exception is the retention purge: it first marks
-- the case's chain head as purged, and only then may that case's items be deleted. The head only ever advances
-- by one item at a time or becomes purged, and is never deleted.

CREATE FUNCTION cd_evidence_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF EXISTS (SELECT 1 FROM cd_evidence_chain c WHERE c.case_id = OLD.case_id AND c.purged_at IS NOT NULL) THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'cd_evidence is append-only: item % (case %, seq %) may only be deleted by the retention purge',
            OLD.id, OLD.case_id, OLD.seq;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'cd_evidence is append-only: item % (case %, seq %) cannot be changed', OLD.id, OLD.case_id, OLD.seq;
    END IF;
    RAISE EXCEPTION 'cd_evidence is append-only: % refused', TG_OP;
END
$$;

CREATE TRIGGER cd_evidence_append_only BEFORE UPDATE OR DELETE ON cd_evidence
    FOR EACH ROW EXECUTE FUNCTION cd_evidence_guard();
CREATE TRIGGER cd_evidence_no_truncate BEFORE TRUNCATE ON cd_evidence
    FOR EACH STATEMENT EXECUTE FUNCTION cd_evidence_guard();

CREATE FUNCTION cd_evidence_chain_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.case_id = OLD.case_id AND OLD.purged_at IS NULL THEN
        -- an append: one more item, its hash the new last hash
        IF NEW.purged_at IS NULL AND NEW.last_seq = OLD.last_seq + 1 AND NEW.last_sha256 IS NOT NULL THEN
            RETURN NEW;
        END IF;
        -- the retention purge: the head keeps what the chain was
        IF NEW.purged_at IS NOT NULL AND NEW.last_seq = OLD.last_seq
                AND NEW.last_sha256 IS NOT DISTINCT FROM OLD.last_sha256 THEN
            RETURN NEW;
        END IF;
    END IF;
    IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'cd_evidence_chain only advances by one item or is marked purged: % of case % refused',
            TG_OP, OLD.case_id;
    END IF;
    RAISE EXCEPTION 'cd_evidence_chain only advances by one item or is marked purged: % refused', TG_OP;
END
$$;

CREATE TRIGGER cd_evidence_chain_advance_only BEFORE UPDATE OR DELETE ON cd_evidence_chain
    FOR EACH ROW EXECUTE FUNCTION cd_evidence_chain_guard();
CREATE TRIGGER cd_evidence_chain_no_truncate BEFORE TRUNCATE ON cd_evidence_chain
    FOR EACH STATEMENT EXECUTE FUNCTION cd_evidence_chain_guard();

-- Privileges too, as far as PostgreSQL lets a table's owner give them up: nobody, the migrating (and usually the
-- application's) user included, may UPDATE or TRUNCATE items or DELETE or TRUNCATE heads. An owner can grant them
-- back to itself, and a superuser has every privilege, which is why the triggers above are the guard that counts.
REVOKE UPDATE, TRUNCATE ON cd_evidence FROM PUBLIC, CURRENT_USER;
REVOKE DELETE, TRUNCATE ON cd_evidence_chain FROM PUBLIC, CURRENT_USER;
