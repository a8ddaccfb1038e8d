-- Files clients upload (issue 16). A file's record never changes but for the
-- moment its content is deleted at the end of its retention; its parts are
-- deleted only once a purge record says when and why (rules 45.2, 45.4: what was
-- uploaded is not altered; data minimisation: identity documents are not kept
-- longer than configured).
CREATE TABLE IF NOT EXISTS upload (
    id          CHAR(36)     NOT NULL PRIMARY KEY,
    client_id   VARCHAR(64)  NOT NULL,
    purpose     VARCHAR(40)  NOT NULL,
    media_type  VARCHAR(40)  NOT NULL,
    file_name   VARCHAR(200) NOT NULL,
    size        BIGINT       NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    kept_at     DATETIME(6)  NOT NULL,
    keep_until  DATETIME(6)  NULL,
    purged_at   DATETIME(6)  NULL,
    INDEX upload_client (client_id, kept_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS upload_part (
    upload_id   CHAR(36)     NOT NULL,
    part        INT          NOT NULL,
    bytes       MEDIUMBLOB   NOT NULL,
    PRIMARY KEY (upload_id, part)
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS upload_purge (
    upload_id   CHAR(36)     NOT NULL PRIMARY KEY,
    purged_at   DATETIME(6)  NOT NULL,
    reason      VARCHAR(200) NOT NULL
) ENGINE = InnoDB;

-- the record: only purged_at, once, from empty to set
CREATE TRIGGER IF NOT EXISTS upload_only_purged BEFORE UPDATE ON upload FOR EACH ROW
BEGIN
    IF OLD.purged_at IS NOT NULL OR NEW.purged_at IS NULL OR NOT (NEW.id <=> OLD.id AND NEW.client_id <=> OLD.client_id
            AND NEW.purpose <=> OLD.purpose AND NEW.media_type <=> OLD.media_type AND NEW.file_name <=> OLD.file_name
            AND NEW.size <=> OLD.size AND NEW.sha256 <=> OLD.sha256 AND NEW.kept_at <=> OLD.kept_at
            AND NEW.keep_until <=> OLD.keep_until) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an upload is kept as uploaded; only its purge is recorded (rules 45.2, 45.4)';
    END IF;
END;
CREATE TRIGGER IF NOT EXISTS upload_no_delete BEFORE DELETE ON upload FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an upload record is never deleted (rules 45.2, 45.4)';
CREATE TRIGGER IF NOT EXISTS upload_part_no_update BEFORE UPDATE ON upload_part FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an upload is kept as uploaded (rules 45.2, 45.4)';
-- content goes only with a purge record, and only once its retention ended
CREATE TRIGGER IF NOT EXISTS upload_part_purged_only BEFORE DELETE ON upload_part FOR EACH ROW
BEGIN
    IF NOT EXISTS (SELECT 1 FROM upload_purge WHERE upload_id = OLD.upload_id) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'upload content is deleted only at the end of its retention';
    END IF;
END;
CREATE TRIGGER IF NOT EXISTS upload_part_within_size BEFORE INSERT ON upload_part FOR EACH ROW
BEGIN
    IF (SELECT COALESCE(SUM(LENGTH(bytes)), 0) FROM upload_part WHERE upload_id = NEW.upload_id)
            + LENGTH(NEW.bytes) > (SELECT size FROM upload WHERE id = NEW.upload_id) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an upload is kept as uploaded (rules 45.2, 45.4)';
    END IF;
END;
CREATE TRIGGER IF NOT EXISTS upload_purge_no_update BEFORE UPDATE ON upload_purge FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a purge record is never changed';
CREATE TRIGGER IF NOT EXISTS upload_purge_no_delete BEFORE DELETE ON upload_purge FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a purge record is never deleted';

GRANT SELECT, INSERT ON upload TO qyzmet_runtime;
GRANT UPDATE (purged_at) ON upload TO qyzmet_runtime;
GRANT SELECT, INSERT, DELETE ON upload_part TO qyzmet_runtime;
GRANT SELECT, INSERT ON upload_purge TO qyzmet_runtime;
